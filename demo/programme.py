"""Synthetic exit-programme work for the seeded cases: participations, phases, motivation, assessments
against the definition, the police criteria, connections to older persons and the windows they opened.

The proportions follow the social services' answer to the motion: a small share of the open cases are in
the programme; most children are not motivated at first; few meet the definition of a defector. Dates
count back from `today`, so a fixed seed and day give the same data.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from access.models import CaseMember
from accounts.models import Team, User
from cases.models import Case, CaseStatus
from catalogue.models import Service
from core.legal import legal_basis_for
from demo.bulk import save_all
from demo.programme_outcomes import seed_outcomes
from demo.synthetic import SyntheticPeople
from people.models import Relation, RelationKind
from programme.care_plan_models import CareGround, CarePlan, CareSetting
from programme.models import (
    STAGE_ORDER,
    Connection,
    ConnectionSource,
    Consent,
    ConsentBy,
    CriterionCheck,
    DefectorAssessment,
    DefectorDefinition,
    EndReason,
    InsatsKind,
    ItemStatus,
    Judgement,
    Milestone,
    MotivationRecord,
    MotivationWindow,
    NetworkEvent,
    NetworkEventKind,
    Participation,
    Phase,
    PhaseTransition,
    PlanDomain,
    PlanItem,
    PoliceCriterion,
    RaisedHow,
)

SHARE = 0.05  # of the open cases, leaving out the newest fifth (a programme starts after its case opens)
RAISERS = ["Polisen", "Skolan", "Fältgruppen", "Barnet självt", "Frivården", "Mamman"]
WORDS = [
    "Jag har inga problem, det är lugnt.",
    "Vet inte. Alla jag känner är där.",
    "Jag vill bort men jag är rädd för vad som händer.",
    "Jag har slutat svara dem. Jag vill börja skolan igen.",
    "Det är ett år nu. Jag går inte tillbaka.",
]


@dataclass(frozen=True)
class _Known:
    """What every participation is made from, looked up once."""

    phases: list[Phase]
    definition: DefectorDefinition | None
    specialist_teams: set[int]  # the teams whose cases the demo's defector specialist is named to

    @property
    def ended(self) -> Phase:
        return next(p for p in self.phases if p.milestone == Milestone.ENDED)


@dataclass
class _Rows:
    participations: list[Participation] = field(default_factory=list)
    transitions: list[PhaseTransition] = field(default_factory=list)
    motivation: list[MotivationRecord] = field(default_factory=list)
    assessments: list[DefectorAssessment] = field(default_factory=list)
    checks: list[CriterionCheck] = field(default_factory=list)
    members: list[CaseMember] = field(default_factory=list)


def seed_programme(
    rng: random.Random, cases: list[Case], users: dict[str, User], maker: SyntheticPeople, today: date
) -> int:
    """Returns the number of participations."""
    open_cases = sorted((c for c in cases if c.status == CaseStatus.OPEN), key=lambda c: (c.opened_at, c.pk))
    chosen = [c for c in open_cases[: len(open_cases) * 4 // 5] if rng.random() < SHARE]
    staff = {user.pk: user for user in users.values()}
    rows = _Rows()
    known = _Known(
        phases=list(Phase.objects.filter(active=True).order_by("position", "id")),
        definition=DefectorDefinition.objects.order_by("-valid_from").first(),
        specialist_teams=set(
            Team.objects.filter(unit__name="Barn och unga Norr")
            .exclude(name="Avhopparteamet")
            .values_list("id", flat=True)
        ),
    )
    for case in chosen:
        _participation(rng, case, staff.get(case.responsible_id or 0, users["avhopp"]), users, known, today, rows)
    save_all(rows.participations)
    for row in rows.transitions + rows.motivation + rows.assessments + rows.checks:
        # Made before their participation had an id: assigning it again copies the id it has now, which
        # COPY (unlike bulk_create) would not look up itself.
        row.participation = row.participation
    for rows_of_kind in (rows.transitions, rows.motivation, rows.assessments, rows.checks, rows.members):
        save_all(rows_of_kind)
    _network(rng, rows.participations, users["avhopp"], maker, today)
    carrying_out = {t.participation.pk: t.participation for t in rows.transitions if t.phase.code == "plan"}
    _plans(rng, [p for p in carrying_out.values() if p.ended_on is None], staff, users["avhopp"], today)
    _care_plans([p for p in carrying_out.values() if p.ended_on is None], staff, users["avhopp"], today)
    seed_outcomes(rng, rows.participations, staff, users["avhopp"], today)
    return len(rows.participations)


def _participation(
    rng: random.Random,
    case: Case,
    recorder: User,
    users: dict[str, User],
    known: _Known,
    today: date,
    rows: _Rows,
) -> None:
    raised = max(case.opened_at.date(), today - timedelta(days=rng.randint(10, 400)))
    ends = rng.random() < 0.15
    participation = Participation(
        case=case,
        raised_on=raised,
        raised_how=rng.choice(RaisedHow.values),
        raised_by=rng.choice(RAISERS),
        created_by=recorder,
        ended_on=today - timedelta(days=rng.randint(0, (today - raised).days // 3)) if ends else None,
        end_reason=rng.choice(EndReason.values[:4]) if ends else "",
    )
    rows.participations.append(participation)
    last = participation.ended_on or today
    steps = [p for p in known.phases if p.milestone != Milestone.ENDED][: rng.randint(1, len(known.phases) - 1)]
    days = sorted(raised + timedelta(days=rng.randint(0, (last - raised).days)) for _ in steps[1:])
    for phase, day in zip(steps, [raised, *days], strict=True):
        rows.transitions.append(
            PhaseTransition(participation=participation, phase=phase, entered_on=day, recorded_by=recorder)
        )
    if ends:
        rows.transitions.append(
            PhaseTransition(participation=participation, phase=known.ended, entered_on=last, recorded_by=recorder)
        )
    stage = _motivation(rng, participation, recorder, raised, last, rows)
    if len(steps) >= 4 and known.definition is not None:
        _defector(rng, participation, users["avhopp"], known.definition, stage, last, rows)
    if case.team_id in known.specialist_teams:
        rows.members.append(
            CaseMember(
                case=case,
                user=users["avhopp"],
                reason="Avhopparspecialist i barnets deltagande i avhopparprogrammet.",
                named_by=users["chef"],
                named_at=case.opened_at,
                expires_on=today + timedelta(days=rng.randint(30, 180)),
            )
        )


def _motivation(
    rng: random.Random, participation: Participation, by: User, raised: date, last: date, rows: _Rows
) -> int:
    """Most start where they do not want to leave; some move on, a few fall back. Returns the last stage."""
    level = 0 if rng.random() < 0.6 else 1 if rng.random() < 0.75 else 2
    heard = raised
    for _ in range(rng.randint(1, 4)):
        rows.motivation.append(
            MotivationRecord(
                participation=participation,
                stage=STAGE_ORDER[level],
                child_words=WORDS[level],
                heard_on=heard,
                heard_by=by,
            )
        )
        heard = min(last, heard + timedelta(days=rng.randint(7, 60)))
        roll = rng.random()
        level = min(level + 1, len(STAGE_ORDER) - 1) if roll < 0.4 else max(level - 1, 0) if roll > 0.9 else level
    return level


def _defector(
    rng: random.Random,
    participation: Participation,
    specialist: User,
    definition: DefectorDefinition,
    stage: int,
    last: date,
    rows: _Rows,
) -> None:
    if rng.random() < 0.4:
        return
    chosen = Judgement.YES if stage >= 2 and rng.random() < 0.5 else rng.choice([Judgement.NO, Judgement.UNCLEAR])
    rows.assessments.append(
        DefectorAssessment(
            participation=participation,
            definition=definition,
            chosen_to_leave=chosen,
            chosen_to_leave_reasons="Syntetisk bedömning: vad barnet själv säger och gör.",
            needs_support=Judgement.YES if rng.random() < 0.8 else Judgement.UNCLEAR,
            needs_support_reasons="Syntetisk bedömning: hotbild och behov av stöd.",
            assessed_on=last,
            assessed_by=specialist,
        )
    )
    for criterion in rng.sample(PoliceCriterion.values, rng.randint(2, 6)):
        rows.checks.append(
            CriterionCheck(
                participation=participation,
                criterion=criterion,
                met=rng.random() < 0.6,
                checked_on=last,
                recorded_by=specialist,
            )
        )


def _network(
    rng: random.Random, participations: list[Participation], specialist: User, maker: SyntheticPeople, today: date
) -> None:
    """Older persons some children are connected to, sometimes the same one; events about a few of them."""
    running = [p for p in participations if p.ended_on is None]
    if not running:
        return
    older = [maker.person(min_age=19, max_age=30) for _ in range(max(1, len(running) // 3))]
    save_all(older)
    basis = legal_basis_for("programme-connection", on=today)
    connections = [
        Connection(
            participation=p,
            person=person,
            named_as=f"{person.given_name} {person.family_name}",
            source=rng.choice(ConnectionSource.values),
            source_note="Syntetisk uppgift för demonstration.",
            legal_basis=basis,
            expires_on=today + timedelta(days=rng.randint(30, 300)),
            recorded_by=specialist,
        )
        for p in running
        if rng.random() < 0.6
        for person in rng.sample(older, min(len(older), rng.randint(1, 2)))
    ]
    save_all(connections)
    struck = set(rng.sample(range(len(older)), max(1, len(older) // 4)))
    events = [
        NetworkEvent(
            person=older[i],
            kind=rng.choice(NetworkEventKind.values),
            occurred_on=today - timedelta(days=rng.randint(0, 20)),
            source="Polisen (syntetisk uppgift).",
            recorded_by=specialist,
        )
        for i in sorted(struck)
    ]
    save_all(events)
    by_person = {event.person_id: event for event in events}
    windows = [
        MotivationWindow(
            participation=c.participation,
            event=by_person[c.person_id],
            connection=c,
            opened_on=by_person[c.person_id].occurred_on,
            lapses_on=by_person[c.person_id].occurred_on + timedelta(days=30),
        )
        for c in connections
        if c.person_id in by_person
    ]
    save_all(list({(w.participation_id, w.event_id): w for w in windows}.values()))


GOALS = [
    (PlanDomain.SCHOOL, InsatsKind.PARTNER, "Jag vill gå klart nian.", "Närvaro över 80 procent", "Skolans kurator"),
    (PlanDomain.TREATMENT, InsatsKind.OPEN_CARE, "Jag vill kunna sova.", "Minskad oro", "Öppenvårdsteamet"),
    (
        PlanDomain.FAMILY,
        InsatsKind.FAMILY_SUPPORT,
        "Mindre bråk hemma.",
        "Familjesamtal varannan vecka",
        "Familjeteamet",
    ),
    (PlanDomain.SAFETY, InsatsKind.OTHER, "Jag vill kunna gå ut.", "Säkerhetsplan med polisen", "Avhopparspecialisten"),
]


# The demo catalogue's services (demo/catalogue.py) that carry the goals above.
CARRIED_BY = {InsatsKind.OPEN_CARE: "kompassen", InsatsKind.FAMILY_SUPPORT: "familjebehandling"}


def _plans(
    rng: random.Random, participations: list[Participation], staff: dict[int, User], fallback: User, today: date
) -> None:
    """Goals for the children carrying out their plan, with the consents the law asks for (every guardian
    with custody, as most families give it)."""
    custodians: dict[int, list[int]] = {}
    children = [p.case.child_id for p in participations]
    pairs = Relation.objects.filter(child_id__in=children, kind=RelationKind.GUARDIAN_WITH_CUSTODY)
    for child_id, guardian_id in pairs.values_list("child_id", "relative_id"):
        custodians.setdefault(child_id, []).append(guardian_id)
    items: list[PlanItem] = []
    services = {s.key: s for s in Service.objects.filter(key__in=CARRIED_BY.values())}
    for participation in participations:
        worker = staff.get(participation.case.responsible_id or 0, fallback)
        for domain, insats, goal_child, goal_worker, responsible in rng.sample(GOALS, rng.randint(1, len(GOALS))):
            starts = max(participation.raised_on, today - timedelta(days=rng.randint(0, 120)))
            items.append(
                PlanItem(
                    participation=participation,
                    domain=domain,
                    goal_child=goal_child,
                    goal_worker=goal_worker,
                    insats=insats,
                    service=services.get(CARRIED_BY.get(insats, "")),
                    description=goal_worker,
                    responsible=responsible,
                    starts_on=starts,
                    follow_up_on=starts + timedelta(days=90),
                    status=ItemStatus.ONGOING,
                    created_by=worker,
                )
            )
    save_all(items)
    consents = [
        Consent(
            item=item,
            given_by=ConsentBy.GUARDIAN,
            guardian_id=guardian,
            given_on=item.starts_on,
            how="Muntligt vid mötet",
            recorded_by=item.created_by,
        )
        for item in items
        if item.insats != InsatsKind.PARTNER
        for guardian in custodians.get(item.participation.case.child_id, [])
    ]
    save_all(consents)


# About one child in eight carrying out a plan is cared for away from home, most under LVU [ours].
CARED_FOR_AWAY = 8
CARE = [
    (CareGround.LVU_CARE, CareSetting.HVB, "Behandling på HVB med skolgång på hemmet."),
    (CareGround.LVU_APPLICATION, CareSetting.SPECIAL_HOME, "Vård på särskilt ungdomshem under utredningen."),
    (CareGround.SOL_PLACEMENT, CareSetting.FAMILY_HOME, "Familjehem i en annan stadsdel, skolan som förut."),
]


def _care_plans(participations: list[Participation], staff: dict[int, User], fallback: User, today: date) -> None:
    """A vårdplan for the few cared for away from home. Each child's own random stream, drawn from its
    participation's id, so that adding these leaves every other seeded row as it was."""
    plans = []
    for participation in participations:
        own = random.Random(f"care-{participation.pk}")
        if own.randrange(CARED_FOR_AWAY):
            continue
        ground, setting, insatser = own.choice(CARE)
        made = max(participation.raised_on, today - timedelta(days=own.randint(10, 200)))
        basis = legal_basis_for("care-plan", on=made)
        if basis is None:
            continue
        plans.append(
            CarePlan(
                participation=participation,
                ground=ground,
                setting=setting,
                legal_basis=basis,
                made_on=made,
                placed_on=made + timedelta(days=own.randint(0, 7)) if made + timedelta(days=7) <= today else None,
                insatser=insatser,
                contact="Umgänge med vårdnadshavarna varannan helg; syskonen vid varje besök.",
                goal="Att barnet kan bo tryggt, gå i skolan och lämna kretsen runt sig.",
                child_view="Vill hellre bo hemma men förstår varför.",
                guardians_view="Instämmer i den planerade vården.",
                created_by=staff.get(participation.case.responsible_id or 0, fallback),
            )
        )
    save_all(plans)
