"""Reading the vårdplan: the one in force, the plans it replaced, and when the first revision is due."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import CaseRead, reading_case
from programme.care_plan_models import CarePlan
from programme.care_plans import first_revision_due, is_child
from programme.models import Participation
from programme.rows import participation_in_case


@dataclass(frozen=True)
class CarePlanPage:
    read: CaseRead
    participation: Participation
    current: CarePlan | None
    earlier: list[CarePlan]  # newest first
    revision_due: date | None  # 9 kap. 13 §: the first revision, while none has been made since
    revision_overdue: bool


def care_plan_page(
    actor: Actor, public_id: object, participation_id: object, *, for_form: bool = False
) -> CarePlanPage:
    view_name = "programme.care_plan.form" if for_form else "programme.care_plan"
    action = CaseAction.PROGRAMME if for_form else None
    with reading_case(actor, public_id, view_name=view_name, for_action=action) as read:
        participation = participation_in_case(read.case, participation_id)  # type: ignore[arg-type]
        plans = list(participation.care_plans.select_related("legal_basis", "created_by").order_by("-made_on", "-id"))
        replaced = {plan.revises_id for plan in plans}
        current = next((plan for plan in plans if plan.pk not in replaced), None)
        due = _revision_due(current, read.case.child.birth_date)
        return CarePlanPage(
            read=read,
            participation=participation,
            current=current,
            earlier=[plan for plan in plans if plan is not current],
            revision_due=due,
            revision_overdue=due is not None and due < timezone.localdate(),
        )


def _revision_due(current: CarePlan | None, birth: date | None) -> date | None:
    """Due while the plan in force was made before the two years were up, for a child: the revision must
    take up the long-term housing, which a plan made before that day cannot have done, so only a plan made
    on or after it meets the rule (read strictly, to be on the safe side)."""
    due = first_revision_due(current.placed_on) if current else None
    if current is None or due is None or current.made_on >= due or not is_child(birth, due):
        return None
    return due
