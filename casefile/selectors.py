"""Reading cases for display, through access.selectors, with the access log written alongside."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import BooleanField, ExpressionWrapper, Q

from access import selectors as access
from access.actor import Actor
from access.models import AccessAction, EmergencyAccess
from access.reads import CaseRead, log_result_set, reading_case
from cases.models import Case, CaseStatus
from core.history import ChangeRow, change_rows
from deadlines.models import Deadline, DeadlineKind
from deadlines.sources import DeadlineSource
from decisions.models import Decision
from intake.models import Signal
from investigations.models import Investigation
from people.models import Relation

MY_WORK_LIMIT = 100


def my_work_cases(actor: Actor, *, via_api: bool = False) -> list[Case]:
    """Open cases the actor is responsible for first, then the rest of the team's (or unit's)."""
    user = actor.user
    with transaction.atomic():
        cases: list[Case] = list(
            access.visible_cases(user)
            .filter(status=CaseStatus.OPEN)
            .select_related("child", "team", "responsible")
            .annotate(mine=ExpressionWrapper(Q(responsible_id=user.pk), output_field=BooleanField()))
            .order_by("-mine", "-opened_at", "id")[:MY_WORK_LIMIT]
        )
        if cases:
            log_result_set(
                actor,
                action=AccessAction.API if via_api else AccessAction.LIST,
                view_name="api.cases" if via_api else "case.my_work",
                subjects=[(c.child_id, c.pk) for c in cases],
            )
    return cases


@dataclass
class CaseWork:
    """What is being done in the case: signals and their assessments, investigations, decisions, clocks."""

    signals: list[Signal]
    investigations: list[Investigation]
    decisions: list[Decision]
    open_deadlines: list[Deadline]
    may_change: bool  # the reader may change the case here (own team or unit manager, not via a grant)

    @property
    def open_investigation(self) -> Investigation | None:
        return next((i for i in self.investigations if i.is_open), None)

    @property
    def custody_decisions_to_refer(self) -> list[Decision]:
        waiting = {d.source for d in self.open_deadlines if d.kind == DeadlineKind.LVU_COURT_REFERRAL}
        return [d for d in self.decisions if DeadlineSource.decision(d.pk).key in waiting]


@dataclass
class CaseOverview:
    case: Case
    grant: EmergencyAccess | None  # the emergency grant the case is seen through, if any
    relations: list[Relation]
    hidden_relatives: int
    history: list[ChangeRow]
    work: CaseWork


def case_work(read: CaseRead) -> CaseWork:
    """For a case the caller has read through access (which logged it); five queries, whatever its size."""
    case = read.case
    # The page shows what was done and when, not the texts: those stay encrypted until opened.
    signals = list(
        Signal.objects.filter(case=case)
        .select_related("protection_assessment", "preliminary_assessment__delegation", "registered_by")
        .defer(
            "content",
            "reporter_name",
            "reporter_contact",
            "protection_assessment__reasoning",
            "protection_assessment__measures",
            "preliminary_assessment__reasons",
            "preliminary_assessment__child_heard_how",
        )
        .order_by("received_at", "id")
    )
    investigations = list(
        Investigation.objects.filter(case=case).defer("child_views", "summary").order_by("opened_on", "id")
    )
    open_deadlines = list(
        Deadline.objects.filter(case=case, met_at__isnull=True, cancelled_at__isnull=True).select_related("legal_basis")
    )
    # Each record gets its own open clocks, so the page needs no lookups of its own.
    by_source: dict[str, list[Deadline]] = {}
    for deadline in open_deadlines:
        by_source.setdefault(deadline.source, []).append(deadline)
    for record, source in [
        *((s, DeadlineSource.signal(s.pk)) for s in signals),
        *((i, DeadlineSource.investigation(i.pk)) for i in investigations),
    ]:
        record.open_deadlines = by_source.get(source.key, [])  # type: ignore[attr-defined]  # for the template
    return CaseWork(
        signals=signals,
        investigations=investigations,
        decisions=list(
            Decision.objects.filter(case=case)
            .select_related("legal_basis", "delegation", "signed_by", "corrects")
            .defer("reasons", "corrects__reasons")
        ),
        open_deadlines=open_deadlines,
        may_change=read.may_write,
    )


def case_overview(actor: Actor, public_id: object) -> CaseOverview:
    with reading_case(actor, public_id, view_name="case.overview") as read:
        case = read.case
        relations = list(access.relatives_of_visible_child(actor.user, case.child_id))
        shown = [r for r in relations if not r.relative_hidden]  # type: ignore[attr-defined]  # a queryset annotation
        if shown:
            log_result_set(
                actor,
                action=AccessAction.LIST,
                view_name="case.overview.related",
                subjects=[(r.relative_id, case.pk) for r in shown],
            )
        return CaseOverview(
            case=case,
            grant=read.grant,
            relations=shown,
            hidden_relatives=len(relations) - len(shown),
            history=change_rows(case.history.all()),
            work=case_work(read),
        )
