"""Reading cases for display, through access.selectors, with the access log written alongside."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import BooleanField, ExpressionWrapper, Q

from access import selectors as access
from access.actor import Actor
from access.models import AccessAction
from access.reads import log_result_set, read_case
from cases.models import Case, CaseStatus
from core.history import ChangeRow, change_rows
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
class CaseOverview:
    case: Case
    relations: list[Relation]
    hidden_relatives: int
    history: list[ChangeRow]


def case_overview(actor: Actor, public_id: object) -> CaseOverview:
    case = read_case(actor, public_id, view_name="case.overview")
    with transaction.atomic():
        relations = list(
            Relation.objects.filter(child_id=case.child_id).select_related("relative").order_by("kind", "id")
        )
        allowed = set(
            access.visible_persons(actor.user)
            .filter(id__in=[r.relative_id for r in relations])
            .values_list("id", flat=True)
        )
        shown = [r for r in relations if r.relative_id in allowed]
        if shown:
            log_result_set(
                actor,
                action=AccessAction.LIST,
                view_name="case.overview.related",
                subjects=[(r.relative_id, case.pk) for r in shown],
            )
    return CaseOverview(
        case=case,
        relations=shown,
        hidden_relatives=len(relations) - len(shown),
        history=change_rows(case.history.all()),
    )
