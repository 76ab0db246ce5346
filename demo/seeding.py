"""Build a synthetic municipality: organisation, accounts per role, people, cases and access history."""

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from allauth.mfa.totp.internal.auth import TOTP
from django.db import transaction
from django.utils import timezone

from access.models import ProtectedIdentityAuthorization
from accounts.models import RESPONSIBLE_ROLES, Role, Team, Unit, User
from cases.models import Case, CaseStatus, ClosureOutcome, ClosureReason
from cases.services import allocate_case_numbers, case_reference
from demo import background as loaders
from demo import history
from demo.assessments import seed_assessments
from demo.bulk import reserve_ids, save_all
from demo.casework import seed_casework, seed_delegation_order
from demo.catalogue import seed_catalogue
from demo.collaboration import seed_incoming
from demo.meetings import seed_meetings
from demo.outreach import seed_outreach
from demo.programme import seed_programme
from demo.protection import seed_protection
from demo.public_contact import seed_public_contact
from demo.synthetic import FAMILY_NAMES, SyntheticPeople, protection_for
from people.models import Person, ProtectionLevel, Relation, RelationKind

DEMO_PASSWORD = "utvag-demo-2026"
# Base32 TOTP secret of the one demo account that signs in with a real second factor.
DEMO_TOTP_SECRET = "OV2HMYLHFVSGK3LPFUZGMYJNGAYDAMBR"


@dataclass(frozen=True)
class Scale:
    children: int
    access_events: int
    areas: int = 0  # units beyond ORGANISATION, each with AREA_TEAMS: a country has hundreds of teams, not five


SCALES = {
    "demo": Scale(children=200, access_events=2_000),
    "city": Scale(children=15_000, access_events=2_000_000),
    # PostgreSQL only: about 2 million persons, 500,000 cases and 200 million access-log rows, in 167
    # teams of about 3,000 cases each, as many as a city team holds.
    "national": Scale(children=500_000, access_events=200_000_000, areas=54),
}

ORGANISATION = {
    "Barn och unga Norr": ["Utredning Norr", "Avhopparteamet", "Fältgruppen"],
    "Barn och unga Söder": ["Utredning Söder", "Öppenvård Söder"],
}
AREA_TEAMS = ["Utredning", "Öppenvård", "Fältgruppen"]

# username, first name, last name, role, unit, team, exempt from 2FA in demo mode
ACCOUNTS = [
    ("handlaggare", "Hanna", "Handläggare", Role.CASEWORKER, "Barn och unga Norr", "Utredning Norr", True),
    ("handlaggare2fa", "Hugo", "Tvåfaktor", Role.CASEWORKER, "Barn och unga Norr", "Utredning Norr", False),
    ("soder", "Sara", "Söder", Role.CASEWORKER, "Barn och unga Söder", "Utredning Söder", True),
    ("behandlare", "Bo", "Behandlare", Role.TREATMENT, "Barn och unga Söder", "Öppenvård Söder", True),
    ("falt", "Fatima", "Fältassistent", Role.OUTREACH, "Barn och unga Norr", "Fältgruppen", True),
    ("avhopp", "Adam", "Avhopparspecialist", Role.DEFECTOR_SPECIALIST, "Barn och unga Norr", "Avhopparteamet", True),
    ("chef", "Karin", "Enhetschef", Role.UNIT_MANAGER, "Barn och unga Norr", None, True),
    ("logg", "Lars", "Loggranskare", Role.LOG_REVIEWER, None, None, True),
    ("admin", "Anna", "Administratör", Role.SYSADMIN, None, None, True),
]


def _organisation(areas: int) -> dict[str, Team]:
    """The demo units and teams, then `areas` more units whose teams take their share of the cases."""
    units = dict(ORGANISATION)
    for area in range(1, areas + 1):
        units[f"Barn och unga, område {area:02}"] = [f"{team} område {area:02}" for team in AREA_TEAMS]
    teams = {}
    for unit_name, team_names in units.items():
        unit, _ = Unit.objects.get_or_create(name=unit_name)
        # The first team of each unit is its mottagning: new children's signals open their cases there.
        for position, name in enumerate(team_names):
            teams[name], _ = Team.objects.get_or_create(unit=unit, name=name, defaults={"is_intake": position == 0})
    return teams


def _accounts(teams: dict[str, Team]) -> dict[str, User]:
    users = {}
    for username, first, last, role, unit_name, team_name, exempt in ACCOUNTS:
        user = User(
            username=username,
            first_name=first,
            last_name=last,
            role=role,
            unit=Unit.objects.get(name=unit_name) if unit_name else None,
            team=teams[team_name] if team_name else None,
            is_demo_account=exempt,
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        users[username] = user
    TOTP.activate(users["handlaggare2fa"], DEMO_TOTP_SECRET)
    return users


def _families(
    rng: random.Random, maker: SyntheticPeople, count: int
) -> tuple[list[Person], list[tuple[int, int, str]]]:
    """Children (index 0..count-1 first) and relatives; relations as (child_idx, relative_idx, kind)."""
    children: list[Person] = []
    relatives: list[Person] = []
    links: list[tuple[int, int, str]] = []
    for index in range(count):
        family = rng.choice(FAMILY_NAMES)
        children.append(maker.person(min_age=12, max_age=17, family_name=family, protection=protection_for(rng)))
        for _ in range(rng.choice((1, 2, 2, 2))):
            relatives.append(maker.person(min_age=32, max_age=55, family_name=family))
            links.append((index, count + len(relatives) - 1, RelationKind.GUARDIAN_WITH_CUSTODY))
        for _ in range(rng.choice((0, 1, 2, 2))):  # about four persons per child in all
            relatives.append(maker.person(min_age=6, max_age=22, family_name=family))
            links.append((index, count + len(relatives) - 1, RelationKind.SIBLING))
    return children + relatives, links


def _save_people(people: list[Person], links: list[tuple[int, int, str]]) -> list[Person]:
    save_all(people)  # sets each pk
    save_all([Relation(child_id=people[c].pk, relative_id=people[r].pk, kind=k) for c, r, k in links])
    return people


def _cases(
    rng: random.Random,
    children: list[Person],
    teams: dict[str, Team],
    users: dict[str, User],
    anchor: datetime,
    *,
    ids: list[int] | None,
) -> list[Case]:
    """One case per child, in the children's order; with `ids`, the case of child n gets ids[n]."""
    now = anchor
    by_team: dict[int, list[User]] = {}
    for user in users.values():
        if user.team_id and user.role in RESPONSIBLE_ROLES:  # a case's ansvarig handläggare
            by_team.setdefault(user.team_id, []).append(user)
    team_list = list(teams.values())
    cases = []
    for number, child in enumerate(children, start=1):
        team = team_list[number % len(team_list)]
        opened = now - timedelta(days=rng.randint(1, 700), hours=rng.randint(0, 23))
        closed = rng.random() < 0.2
        cases.append(
            Case(
                public_id=uuid.UUID(int=rng.getrandbits(128), version=4),
                reference="",  # numbered below, in opening order, from the same counter as real cases
                child_id=child.pk,
                team=team,
                responsible=rng.choice(by_team[team.pk]) if team.pk in by_team else None,
                status=CaseStatus.CLOSED if closed else CaseStatus.OPEN,
                closure_reason=rng.choice(ClosureReason.values) if closed else "",
                closure_outcome=rng.choice(ClosureOutcome.values) if closed else "",
                opened_at=opened,
                closed_at=opened + timedelta(days=rng.randint(30, 300)) if closed else None,
                summary="Syntetiskt ärende för demonstration.",
            )
        )
    for case, pk in zip(cases, ids or [], strict=False):
        case.pk = pk
    _number_in_opening_order(cases)
    save_all(cases)
    return list(Case.objects.order_by("id"))


def _number_in_opening_order(cases: list[Case]) -> None:
    ordered = sorted(cases, key=lambda case: case.opened_at)
    for year in sorted({case.opened_at.year for case in ordered}):
        this_year = [case for case in ordered if case.opened_at.year == year]
        for case, number in zip(this_year, allocate_case_numbers(year, len(this_year)), strict=True):
            case.reference = case_reference(year, number)


def _authorize_protected(children: list[Person], cases: list[Case], users: dict[str, User], anchor: datetime) -> None:
    """Name the Norr caseworkers and their manager for half of the protected children of their own unit's
    cases, so the demo shows both sides. Only the unit's: a municipality names its staff for the children
    they work with, and namings for the whole register would make every visibility test grow with it."""
    teams = set(Team.objects.filter(unit=users["chef"].unit).values_list("id", flat=True))
    in_unit = {case.child_id for case in cases if case.team_id in teams}
    protected = [c for c in children if c.protection_level != ProtectionLevel.NONE and c.pk in in_unit]
    grants = [
        ProtectedIdentityAuthorization(person_id=p.pk, user=user, granted_by=users["chef"], granted_at=anchor)
        for p in protected[::2]
        for user in (users["handlaggare"], users["handlaggare2fa"], users["chef"])
    ]
    ProtectedIdentityAuthorization.objects.bulk_create(grants)


def _quiet(_message: str) -> None:
    pass


def seed(*, scale: str, seed_value: int, today: date, progress: Callable[[str], None] = _quiet) -> dict[str, int]:
    """Deterministic for a given seed and `today`. `progress` hears of each step as it ends.

    Every date counts back from the midnight that starts `today`, so the seeded history is already
    in the past (and can be sealed at once) when the seed runs on that day.

    From the city scale up on PostgreSQL the access log loads in background processes while the
    persons and casework are made: the children's and cases' ids are taken first, which is all the
    log rows need. A failed seed leaves a partial database (the log months are their own
    transactions), though with every month's partition in place: seed a new, empty one.
    """
    rng = random.Random(seed_value)
    size = SCALES[scale]
    anchor = datetime.combine(today, time(0), tzinfo=timezone.get_current_timezone())
    maker = SyntheticPeople(rng, today)
    shares = history.prepare(anchor, size.access_events)  # before the transaction: it locks the log
    workers = history.workers_for(size.access_events)
    loading: loaders.Background | None = None
    try:
        with transaction.atomic():
            teams = _organisation(size.areas)
            users = _accounts(teams)
            # Plain values: a spawned loader must unpickle them before Django is set up (no Role enum).
            readers = [
                (int(u.pk), str(u.username), str(u.role))
                for u in users.values()
                if u.role not in (Role.LOG_REVIEWER, Role.SYSADMIN)
            ]
            history_seed = rng.getrandbits(64)
            child_ids, case_ids = _reserve_ids(size.children) if workers else (None, None)
            if child_ids and case_ids:
                job = (history_seed, list(zip(case_ids, child_ids, strict=True)), readers)
                loading = loaders.Background(job, shares, workers, progress)
                progress(f"access log: {len(shares)} months loading in {workers} background processes")
            people, links = _families(rng, maker, size.children)
            for child, pk in zip(people, child_ids or [], strict=False):
                child.pk = pk
            progress(f"{len(people)} persons made")
            _save_people(people, links)
            progress(f"{len(people)} persons and {len(links)} relations saved")
            children = people[: size.children]
            cases = _cases(rng, children, teams, users, anchor, ids=case_ids)
            _authorize_protected(children, cases, users, anchor)
            seed_delegation_order(today)
            progress(f"{len(cases)} cases saved")
            signals = seed_casework(rng, cases, users, anchor)
            progress(f"casework saved: {signals} signals with their assessments, clocks and journals")
            # Its own random stream, so the casework drawn after it stays as it was.
            seed_catalogue(random.Random(f"catalogue-{seed_value}"), users["behandlare"], today)
            # Its own random stream too, so nothing drawn after it changes.
            seed_outreach(random.Random(f"outreach-{seed_value}"), users["falt"], today)
            participations = seed_programme(rng, cases, users, maker, today)
            progress(f"exit programme saved: {participations} participations")
            assessments = seed_assessments(rng, cases, users, today)
            progress(f"structured assessments saved: {assessments}")
            threats = seed_protection(random.Random(f"protection-{seed_value}"), users, today)
            progress(f"threat and protection saved: {threats} threat pictures")
            incoming = seed_incoming(random.Random(f"incoming-{seed_value}"), users, today)
            progress(f"incoming information saved: {incoming} rows, absence reports among them")
            items = seed_meetings(random.Random(f"meetings-{seed_value}"), users, today)
            progress(f"meetings with partners saved: {items} cases on their agendas")
            seed_public_contact(DEMO_PASSWORD)
        if loading is not None:
            loading.wait()
        else:
            job = (history_seed, [(case.pk, case.child_id) for case in cases], readers)
            history.load(job, shares, progress=progress)
    except BaseException:
        if loading is not None:
            loading.cancel()
        history.restore_months(shares)
        raise
    return {"persons": len(people), "cases": len(cases), "signals": signals, "access_events": size.access_events}


def _reserve_ids(children: int) -> tuple[list[int], list[int]]:
    """Ids for the children (the first persons) and their cases (one each, in the same order)."""
    first_child = reserve_ids(Person._meta.db_table, "id", children)
    first_case = reserve_ids(Case._meta.db_table, "id", children)
    return list(range(first_child, first_child + children)), list(range(first_case, first_case + children))
