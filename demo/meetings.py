"""Synthetic meetings with partners, so that a demo unit shows issue 16's structures: a Bob-råd a month over
the last three months with a few of the unit's open cases on its agenda, and a Custom under 18 call-in where
a child and a guardian came, what each said and the follow-up. From some Bob-råd items the police were told
something under OSL 10 kap. 18 a §, every condition confirmed, in the register and linked to its item.

Shares [ours]: four cases on a Bob-råd's agenda, a disclosure from one item in three. Only children of 12 to
20 without protected identity, the ages the provision and the meetings are for. Every police unit, school
and word is made up. Its own random stream (`seeding.seed`), so the rest stays as it was.
"""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from accounts.models import Unit, User
from cases.models import Case, CaseStatus
from collaboration.bases import BASES, YOUNG
from collaboration.models import (
    Channel,
    Disclosure,
    Meeting,
    MeetingAttendance,
    MeetingItem,
    MeetingKind,
    RecipientKind,
)
from core.legal import legal_basis_for
from demo.bulk import save_all
from people.models import ProtectionLevel, Relation, RelationKind

ON_AGENDA = 4
DISCLOSED = 1 / 3
PARTICIPANTS = "Polisen (lokalpolisområdet), socialtjänsten (två socialsekreterare), skolan (rektor), fältgruppen"
DISCUSSED = [
    "Barnet har setts med äldre i nätverket vid centrum flera kvällar.",
    "Skolan oroas av hög frånvaro och att barnet byter umgänge.",
    "Barnet har varit med vid ett bråk där andra hotades.",
    "Polisen har fått tips om att barnet förvarar saker åt äldre.",
]
OFFERED = [
    "Kontakt med fältgruppen och samtal med avhopparkoordinatorn.",
    "Plats i fritidsverksamheten och stöd i skolan.",
    "Samtal med familjen om att lämna nätverket.",
]


def _held(today: date, months_back: int) -> date:
    """A weekday about a month apart, never ahead of today."""
    day = today - timedelta(days=30 * months_back + 3)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(15, 30)))


def _agenda_cases(unit: Unit, today: date) -> list[Case]:
    oldest, youngest = date(today.year - 21, today.month, 1), date(today.year - 12, today.month, 1)
    return list(
        Case.objects.filter(
            status=CaseStatus.OPEN,
            team__unit=unit,
            child__protection_level=ProtectionLevel.NONE,
            child__birth_date__gt=oldest,
            child__birth_date__lte=youngest,
        )
        .select_related("child", "responsible")
        .order_by("id")[:40]
    )


def seed_meetings(rng: random.Random, users: dict[str, User], today: date) -> int:
    """Returns the number of items written into cases."""
    written = 0
    for unit in Unit.objects.order_by("id"):
        cases = _agenda_cases(unit, today)
        if len(cases) < ON_AGENDA + 1:
            continue
        written += _bob_councils(rng, unit, cases[1:], users["handlaggare"], today)
        written += _call_in(unit, cases[0], users["handlaggare"], today)
    return written


def _bob_councils(rng: random.Random, unit: Unit, cases: list[Case], fallback: User, today: date) -> int:
    meetings = [
        Meeting(
            unit=unit,
            kind=MeetingKind.BOB,
            held_on=_held(today, back),
            title=f"Bob-råd, {unit.name}",
            participants=PARTICIPANTS,
            created_by=fallback,
            created_at=_at(_held(today, back)),
        )
        for back in (2, 1, 0)
    ]
    save_all(meetings)
    items = [
        MeetingItem(
            meeting=meeting,
            case=case,
            discussed=rng.choice(DISCUSSED),
            decided=rng.choice(OFFERED),
            recorded_by=case.responsible or fallback,
            recorded_at=_at(meeting.held_on) + timedelta(hours=1),
        )
        for meeting in meetings
        for case in rng.sample(cases, ON_AGENDA)
    ]
    save_all(items)
    save_all([_told_the_police(item) for item in items if rng.random() < DISCLOSED])
    return len(items)


def _told_the_police(item: MeetingItem) -> Disclosure:
    day = item.meeting.held_on
    basis = legal_basis_for(BASES[YOUNG].key, on=day)
    assert basis is not None, "the 18 a § row is migrated (core 0011)"
    return Disclosure(
        case=item.case,
        person=item.case.child,
        what="Att barnet är aktuellt hos socialtjänsten och erbjuds stöd för att lämna nätverket.",
        recipient_kind=RecipientKind.POLICE,
        recipient="Polisen, lokalpolisområdet, kontaktperson för Bob-rådet",
        channel=Channel.ORAL,
        disclosed_on=day,
        legal_basis=basis,
        conditions=sorted(c.key for c in BASES[YOUNG].conditions),
        assessment="Konkreta iakttagelser visar risk för brottslig verksamhet; insatserna hindras inte.",
        meeting_item=item,
        disclosed_by=item.recorded_by,
        recorded_at=item.recorded_at,
    )


def _call_in(unit: Unit, case: Case, fallback: User, today: date) -> int:
    """A Custom under 18 call-in last week: the child and a guardian with custody came."""
    held = _held(today, 0) - timedelta(days=4)
    meeting = Meeting(
        unit=unit,
        kind=MeetingKind.CUSTOM_U18,
        held_on=held,
        title=f"Custom under 18, {unit.name}",
        participants="Polisen (områdespolis), socialtjänsten (barnets socialsekreterare)",
        created_by=fallback,
        created_at=_at(held),
    )
    save_all([meeting])
    item = MeetingItem(
        meeting=meeting,
        case=case,
        discussed="Kallelse efter att barnet setts med äldre i nätverket; polisen berättade vad som kan hända.",
        decided="Barnet och familjen erbjöds avhopparprogrammet och kontakt med fältgruppen.",
        child_said="Jag vill inte vara med dem, men jag vet inte hur jag ska komma ur det.",
        guardians_said="Vi vill ha hjälp och kan komma på möten.",
        follow_up_on=today + timedelta(days=10),
        recorded_by=case.responsible or fallback,
        recorded_at=_at(held) + timedelta(hours=1),
    )
    save_all([item])
    guardian = (
        Relation.objects.filter(child_id=case.child_id, kind=RelationKind.GUARDIAN_WITH_CUSTODY)
        .values_list("relative_id", flat=True)
        .first()
    )
    came = [MeetingAttendance(item=item, person_id=case.child_id, came=True)]
    if guardian is not None:
        came.append(MeetingAttendance(item=item, person_id=guardian, came=True))
    save_all(came)
    return 1
