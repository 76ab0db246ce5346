"""Reading decisions for a form: only within a case that came through `access.reads`."""

from uuid import UUID

from cases.models import Case
from decisions.models import Decision, DecisionDelivery


def decision_in_case(case: Case, decision_id: UUID | str) -> Decision | None:
    """A decision of a case the caller has just read (checked and logged)."""
    return Decision.objects.filter(case=case, public_id=decision_id).first()


def delivery_in_case(case: Case, delivery_id: UUID | str) -> DecisionDelivery | None:
    return (
        DecisionDelivery.objects.filter(decision__case=case, public_id=delivery_id).select_related("decision").first()
    )
