"""Reading decisions for a form: only within a case that came through `access.reads`."""

from uuid import UUID

from cases.models import Case
from decisions.models import Communication, Decision, DecisionDelivery


def decision_in_case(case: Case, decision_id: UUID | str) -> Decision | None:
    """A decision of a case the caller has just read (checked and logged)."""
    return Decision.objects.filter(case=case, public_id=decision_id).first()


def delivery_in_case(case: Case, delivery_id: UUID | str) -> DecisionDelivery | None:
    return (
        DecisionDelivery.objects.filter(decision__case=case, public_id=delivery_id).select_related("decision").first()
    )


def communication_in_case(case: Case, communication_id: UUID | str) -> Communication | None:
    return Communication.objects.filter(case=case, public_id=communication_id).first()


def case_communications(case: Case) -> list[Communication]:
    return list(Communication.objects.filter(case=case).order_by("sent_on", "id"))
