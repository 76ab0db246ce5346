"""Reading the programme: a participation's page, and the summary the case page shows.

Every read starts from a case read through `access.reads` (checked and logged); the programme's rows
are then read within that case only.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import get_language

from access.actor import Actor
from access.models import AccessAction
from access.reads import CaseRead, log_result_set, reading_case
from cases.models import Case
from decisions.models import Decision
from delegation.models import DecisionKind
from programme.models import (
    STAGE_ORDER,
    Connection,
    CriterionCheck,
    DefectorAssessment,
    Milestone,
    MotivationRecord,
    MotivationWindow,
    Participation,
    PhaseTransition,
    PoliceCriterion,
)
from programme.outcome_selectors import OccasionRow, occasion_rows
from programme.rows import participation_in_case
from web.chart import Chart, Series, line_chart

CHART_HEIGHT = 160


@dataclass(frozen=True)
class Wait:
    """Days from the first contact to a step, or, while it has not come, the days waited so far."""

    since: date
    reached_on: date | None

    @property
    def days(self) -> int:
        return ((self.reached_on or timezone.localdate()) - self.since).days


@dataclass(frozen=True)
class Criterion:
    criterion: PoliceCriterion
    check: CriterionCheck | None  # the latest check, None when never checked


@dataclass(frozen=True)
class Restricted:
    """What only the child's own team and the named defector specialists see (`may_see_restricted`)."""

    connections: list[Connection]  # newest first, withdrawn and expired ones too
    windows: list[MotivationWindow]  # newest first

    @property
    def open_windows(self) -> list[MotivationWindow]:
        today = timezone.localdate()
        return [w for w in self.windows if w.is_open_on(today)]

    @property
    def live_connections(self) -> list[Connection]:
        today = timezone.localdate()
        return [c for c in self.connections if c.withdrawn_at is None and c.expires_on >= today]


@dataclass(frozen=True)
class ProgrammePage:
    read: CaseRead
    participation: Participation
    transitions: list[PhaseTransition]
    assessments: list[DefectorAssessment]  # newest first
    criteria: list[Criterion]
    motivation: list[MotivationRecord]  # oldest first
    to_first_meeting: Wait
    to_first_support: Wait
    chart: Chart | None = field(default=None)
    restricted: Restricted | None = field(default=None)  # None: not this reader's to see
    occasions: list[OccasionRow] = field(default_factory=list)

    @property
    def current(self) -> PhaseTransition:
        return self.transitions[-1]

    @property
    def case(self) -> Case:
        return self.read.case


def _first_meeting(transitions: list[PhaseTransition]) -> date | None:
    return next((t.entered_on for t in transitions if t.phase.milestone == Milestone.FIRST_MEETING), None)


def _first_support(case: Case, since: date) -> date | None:
    """The first decision on an insats on or after the first contact: granted or not, it is an answer."""
    return (
        Decision.objects.filter(case=case, kind=DecisionKind.SUPPORT, decided_on__gte=since)
        .order_by("decided_on")
        .values_list("decided_on", flat=True)
        .first()
    )


def _criteria(checks: list[CriterionCheck]) -> list[Criterion]:
    latest = {check.criterion: check for check in checks}  # checks come oldest first
    return [Criterion(criterion=c, check=latest.get(c.value)) for c in PoliceCriterion]


def programme_page(
    actor: Actor,
    public_id: object,
    participation_id: object,
    *,
    view_name: str = "programme.participation",
    action: AccessAction = AccessAction.VIEW,
) -> ProgrammePage:
    with reading_case(actor, public_id, view_name=view_name, action=action) as read:
        participation = participation_in_case(read.case, participation_id)  # type: ignore[arg-type]
        transitions = list(
            participation.transitions.select_related("phase", "recorded_by").order_by("entered_on", "id")
        )
        motivation = list(participation.motivation.select_related("heard_by").order_by("heard_on", "id"))
        checks = list(participation.criterion_checks.order_by("checked_on", "id"))
        return ProgrammePage(
            read=read,
            participation=participation,
            transitions=transitions,
            assessments=list(
                participation.defector_assessments.select_related("definition", "assessed_by").order_by(
                    "-assessed_on", "-id"
                )
            ),
            criteria=_criteria(checks),
            motivation=motivation,
            to_first_meeting=Wait(participation.raised_on, _first_meeting(transitions)),
            to_first_support=Wait(participation.raised_on, _first_support(read.case, participation.raised_on)),
            chart=line_chart(
                [Series(name="", levels=len(STAGE_ORDER), values=[(m.heard_on, m.level) for m in motivation])],
                height=CHART_HEIGHT,
            ),
            restricted=_restricted(actor, read, participation),
            occasions=occasion_rows(participation, list(participation.outcomes.all()), timezone.localdate()),
        )


def _restricted(actor: Actor, read: CaseRead, participation: Participation) -> Restricted | None:
    """The connections and windows, with a `list` row for every person a connection names."""
    if not read.sees_restricted:
        return None
    connections = list(
        participation.connections.select_related("legal_basis", "recorded_by").order_by("-recorded_at", "-id")
    )
    if connections:
        log_result_set(
            actor,
            action=AccessAction.LIST,
            view_name="programme.connections",
            subjects=[(c.person_id, read.case.pk) for c in connections],
        )
    windows = participation.windows.select_related("event", "connection", "acted_by").order_by("-opened_on", "-id")
    return Restricted(connections=connections, windows=list(windows))


@dataclass(frozen=True)
class ParticipationRow:
    """A participation as the case page lists it: where it stands, and since when."""

    participation: Participation
    phase: str
    since: date
    open_window: bool  # only ever true for a reader who may see windows


def participations_of(case: Case, *, with_windows: bool) -> list[ParticipationRow]:
    """For the case page, of a case the caller has just read: each participation with where it stands,
    newest first, in one query whatever their number. `with_windows`: whether the reader may see the
    motivation windows (`access.rules.may_see_restricted`)."""
    current = PhaseTransition.objects.filter(participation=OuterRef("pk")).order_by("-entered_on", "-id")
    english = (get_language() or "sv").startswith("en")
    rows = (
        Participation.objects.filter(case=case)
        .annotate(
            phase_name=Subquery(current.values("phase__name_en" if english else "phase__name_sv")[:1]),
            phase_since=Subquery(current.values("entered_on")[:1]),
        )
        .order_by("-raised_on", "-id")
    )
    if with_windows:
        today = timezone.localdate()
        open_windows = MotivationWindow.objects.filter(
            participation=OuterRef("pk"), acted_on__isnull=True, lapses_on__gte=today
        )
        rows = rows.annotate(open_window=Exists(open_windows))
    return [
        ParticipationRow(
            participation=p, phase=p.phase_name, since=p.phase_since, open_window=getattr(p, "open_window", False)
        )
        for p in rows
    ]
