"""Meetings with partners, and each case on a meeting's agenda written into that case.

A meeting (`Meeting`) names no child: a title in general terms, the participants as organisations and
roles, refused when they hold an identity or a phone number. Each case on the agenda is its own
`MeetingItem`, recorded through `changing_case` for that case with `CaseAction.MEETING`: a worker writes
only into cases they may change, and the minutes of one child's case are never in a record another child's
worker reads. What was told to a partner at the meeting is a disclosure in the register, with its basis
(`collaboration.disclosures`), not an item's text.
"""

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from access import rules
from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case, refuse
from accounts.models import Unit
from cases.models import Case
from collaboration.models import Meeting, MeetingAttendance, MeetingItem, MeetingKind
from collaboration.persons import persons_of_case
from core.errors import Problems
from core.fields import TEXT_LIMIT
from core.uuids import parse_uuid
from people.models import Person

TITLE_LIMIT = 200
PARTICIPANTS_LIMIT = 1000
# A meeting is put on the list up to a year ahead (the Bob-råd's dates for the year). [ours]
PLANNED_AHEAD = timedelta(days=366)
# Six or eight digits, then four: a personnummer or samordningsnummer (outreach and protection refuse the
# same in text that must name no one).
_IDENTITY_IN_TEXT = re.compile(r"(?<!\d)(\d{2})?\d{6}\s?[-+]?\s?\d{4}(?!\d)")
_PHONE_IN_TEXT = re.compile(r"(?<![\d+])(?:\+46|0)[\s-]?(?:\d[\s-]?){6,11}\d(?!\d)")


def identifying(text: str) -> str | None:
    """Why a meeting's own text must not be kept, or None."""
    if _IDENTITY_IN_TEXT.search(text):
        return _("Skriv inte personnummer eller samordningsnummer: mötet självt namnger inget barn.")
    if _PHONE_IN_TEXT.search(text):
        return _("Skriv inte telefonnummer: mötet självt namnger ingen.")
    return None


@dataclass(frozen=True)
class MeetingInput:
    kind: str
    held_on: date | None
    title: str
    participants: str


def meeting_create(*, actor: Actor, data: MeetingInput) -> Meeting:
    """A meeting on the actor's unit's list, every problem at once. No personal data, so no case is read or
    logged; a role that may not hold meetings gets the house's refusal (a `denied` row and a 404)."""
    if not rules.may_hold_meetings(actor.user):
        refuse(actor, view_name="collaboration.meeting.new")
    unit_id = rules.unit_id_of(actor.user)
    problems = Problems()
    if data.kind not in MeetingKind.values:
        problems.add("kind", _("Välj vilket slags möte det är."), "required")
    today = timezone.localdate()
    if data.held_on is None:
        problems.add("held_on", _("Skriv vilken dag mötet hålls."), "required")
    elif data.held_on > today + PLANNED_AHEAD:
        problems.add("held_on", _("Ett möte läggs in högst ett år i förväg."), "too_far")
    title, participants = data.title.strip(), data.participants.strip()
    for name, text, missing, limit in (
        ("title", title, _("Skriv en rubrik i allmänna ordalag, utan barns namn."), TITLE_LIMIT),
        ("participants", participants, _("Skriv vilka organisationer och roller som deltar."), PARTICIPANTS_LIMIT),
    ):
        if not text:
            problems.add(name, missing, "required")
        elif len(text) > limit:
            problems.add(name, _("Högst %(n)d tecken.") % {"n": limit}, "max_length")
        elif (why := identifying(text)) is not None:
            problems.add(name, why, "identifying")
    problems.raise_any()
    assert data.held_on is not None and unit_id is not None
    with transaction.atomic():
        return Meeting.objects.create(
            unit=Unit.objects.get(pk=unit_id),
            kind=data.kind,
            held_on=data.held_on,
            title=title,
            participants=participants,
            created_by=actor.user,
            created_at=timezone.now(),
        )


@dataclass(frozen=True)
class ItemInput:
    """`invited` and `came`: public ids of the child and relatives of the case; `corrects`: the public id
    of the item this one corrects."""

    discussed: str
    decided: str = ""
    invited: Collection[str] = field(default_factory=frozenset)
    came: Collection[str] = field(default_factory=frozenset)
    child_said: str = ""
    guardians_said: str = ""
    follow_up_on: date | None = None
    corrects: str = ""


def meeting_of_case(case: Case, meeting_id: object) -> Meeting | None:
    """The meeting, if it is a meeting of the case's unit: a case is taken only to its own unit's meetings."""
    key = parse_uuid(meeting_id)
    return Meeting.objects.filter(public_id=key, unit_id=case.team.unit_id).first() if key else None


def meeting_item_record(*, actor: Actor, case_public_id: object, meeting_id: object, data: ItemInput) -> MeetingItem:
    with changing_case(
        actor, case_public_id, view_name="collaboration.meeting.item", action=CaseAction.MEETING
    ) as case:
        problems = Problems()
        meeting = meeting_of_case(case, meeting_id)
        if meeting is None:
            problems.add("meeting", _("Mötet finns inte bland enhetens möten."), "no_meeting")
        elif meeting.held_on > timezone.localdate():
            problems.add("meeting", _("Mötet har inte hållits än: skriv in ärendet efter mötet."), "not_held")
        corrects = _corrected(problems, case, meeting, data.corrects)
        discussed = data.discussed.strip()
        texts = {
            "decided": data.decided.strip(),
            "child_said": data.child_said.strip(),
            "guardians_said": data.guardians_said.strip(),
        }
        if not discussed:
            problems.add("discussed", _("Skriv vad som togs upp om barnet."), "required")
        for name, text in {"discussed": discussed, **texts}.items():
            if len(text) > TEXT_LIMIT:
                problems.add(name, _("Högst %(n)d tecken.") % {"n": TEXT_LIMIT}, "max_length")
        persons = persons_of_case(actor.user, case)
        invited = _persons(problems, persons, data.invited, "invited")
        came = _persons(problems, persons, data.came, "came")
        if any(p not in invited for p in came):
            problems.add("came", _("Bara den som kallades kan ha kommit."), "not_invited")
        if meeting is not None and meeting.kind == MeetingKind.CUSTOM_U18 and case.child not in invited:
            problems.add("invited", _("Till ett Custom under 18-möte kallas barnet: kryssa i barnet."), "child")
        if texts["child_said"] and case.child not in came:
            problems.add("child_said", _("Barnet kom inte: skriv inte vad barnet sa på mötet."), "absent")
        if texts["guardians_said"] and not any(p != case.child for p in came):
            problems.add("guardians_said", _("Ingen vårdnadshavare kom: skriv inte vad de sa."), "absent")
        if meeting is not None and data.follow_up_on is not None and data.follow_up_on < meeting.held_on:
            problems.add("follow_up_on", _("Uppföljningen kan inte ligga före mötet."), "before")
        problems.raise_any()
        assert meeting is not None
        item = MeetingItem.objects.create(
            meeting=meeting,
            case=case,
            discussed=discussed,
            **texts,
            follow_up_on=data.follow_up_on,
            corrects=corrects,
            recorded_by=actor.user,
            recorded_at=timezone.now(),
        )
        MeetingAttendance.objects.bulk_create(MeetingAttendance(item=item, person=p, came=p in came) for p in invited)
        return item


def _persons(problems: Problems, persons: list[Person], raw: Collection[str], field_name: str) -> list[Person]:
    keys = {parse_uuid(r) for r in raw}
    found = [p for p in persons if p.public_id in keys]
    if len(found) != len(keys):
        problems.add(field_name, _("Välj barnet eller en anhörig i ärendet."), "not_of_case")
    return found


def _corrected(problems: Problems, case: Case, meeting: Meeting | None, raw: str) -> MeetingItem | None:
    """The item a correction corrects: in the case and the meeting, and not corrected already."""
    if not raw:
        return None
    key = parse_uuid(raw)
    found = MeetingItem.objects.filter(case=case, meeting=meeting, public_id=key).first() if key and meeting else None
    if found is None:
        problems.add("corrects", _("Punkten som ska rättas finns inte i ärendet."), "no_item")
    elif found.corrections.exists():
        problems.add("corrects", _("Punkten är redan rättad: rätta den senaste rättelsen."), "corrected")
    return found
