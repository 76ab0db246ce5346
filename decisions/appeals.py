"""The day a decision reached a party, the party's three weeks to appeal, and how they ended.

FL 33 § (via 14 kap. 10 § SoL): the party is told the decision and how to appeal. FL 44 §: the appeal
must reach the committee within three weeks of the day the party got the decision. Only a decision
whose legal basis can be appealed starts the clock. When the weeks have run out the worker records
either that no appeal came in (the decision has gained legal force against that party) or the day
one did; FL 45 § then asks the committee to try whether it came in time, which Utväg says.
"""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from core.uuids import parse_uuid
from deadlines import rules
from deadlines.models import DeadlineKind
from deadlines.services import deadline_meet, deadline_start, open_deadline
from deadlines.sources import DeadlineSource
from decisions.models import DecisionDelivery, DeliveryMethod, PartyKind
from decisions.selectors import decision_in_case


@dataclass(frozen=True)
class DeliveryInput:
    party_kind: str
    party_name: str
    delivered_on: date
    method: str


def _delivery_errors(data: DeliveryInput, decided_on: date | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.party_kind not in PartyKind.values:
        errors["party_kind"] = _("Välj vem som fick del av beslutet.")
    elif data.party_kind != PartyKind.CHILD and not data.party_name.strip():
        errors["party_name"] = _("Skriv namnet på den som fick del av beslutet.")
    if data.method not in DeliveryMethod.values:
        errors["method"] = _("Välj hur beslutet lämnades.")
    if data.delivered_on > timezone.localdate():
        errors["delivered_on"] = _("Datumet kan inte ligga i framtiden.")
    elif decided_on is not None and data.delivered_on < decided_on:
        errors["delivered_on"] = _("Ingen kan ha fått del av beslutet före beslutsdagen.")
    return errors


def decision_delivery_record(
    *, actor: Actor, case_public_id: object, decision_id: UUID | str, data: DeliveryInput
) -> DecisionDelivery:
    with changing_case(actor, case_public_id, view_name="decision.delivery", action=CaseAction.DECIDE) as case:
        decision = decision_in_case(case, decision_id)
        errors: dict[str, str | ValidationError] = {**_delivery_errors(data, decision.decided_on if decision else None)}
        if decision is None:
            errors["__all__"] = _("Beslutet finns inte i detta ärende.")
        if errors:
            raise ValidationError(errors)
        assert decision is not None
        delivery = DecisionDelivery.objects.create(
            decision=decision,
            party_kind=data.party_kind,
            party_name=data.party_name.strip()[:200],
            delivered_on=data.delivered_on,
            method=data.method,
            recorded_by=actor.user,
            recorded_at=timezone.now(),
        )
        if decision.appealable:
            deadline_start(
                case=case,
                kind=DeadlineKind.APPEAL_PERIOD,
                started_on=delivery.delivered_on,
                due_on=rules.appeal_period_ends(delivery.delivered_on),
                subject=_("%(kind)s %(day)s: %(party)s")
                % {
                    "kind": decision.get_kind_display(),
                    "day": decision.decided_on.isoformat(),
                    "party": delivery.party_name or delivery.get_party_kind_display(),
                },
                source=DeadlineSource.delivery(delivery.pk),
            )
    return delivery


def appeal_period_settle(
    *, actor: Actor, case_public_id: object, delivery_id: UUID | str, appeal_received_on: date | None
) -> DecisionDelivery:
    """No appeal came in (only once the weeks have run out), or one did on `appeal_received_on`."""
    with changing_case(actor, case_public_id, view_name="decision.appeal_period", action=CaseAction.DECIDE) as case:
        key = parse_uuid(delivery_id)
        delivery = (
            DecisionDelivery.objects.select_for_update().filter(decision__case=case, public_id=key).first()
            if key
            else None
        )
        if delivery is None:
            raise ValidationError(_("Delfåendet finns inte i detta ärende."), code="not_in_case")
        source = DeadlineSource.delivery(delivery.pk)
        clock = open_deadline(source, DeadlineKind.APPEAL_PERIOD)
        if clock is None:
            raise ValidationError(_("Överklagandetiden är redan avslutad."), code="already_settled")
        today = timezone.localdate()
        if appeal_received_on is None and today <= clock.due_on:
            raise ValidationError(
                _("Överklagandetiden löper till och med %(day)s.") % {"day": clock.due_on.isoformat()},
                code="period_running",
            )
        if appeal_received_on is not None and not (delivery.delivered_on <= appeal_received_on <= today):
            raise ValidationError(
                {"appeal_received_on": _("Datumet ska ligga mellan delfåendet och i dag.")}, code="received_on"
            )
        delivery.appeal_received_on = appeal_received_on
        delivery.settled_at = timezone.now()
        delivery.save(update_fields=["appeal_received_on", "settled_at"])
        deadline_meet(source=source, kind=DeadlineKind.APPEAL_PERIOD)
    return delivery


def appealed_in_time(delivery: DecisionDelivery) -> bool | None:
    """FL 45 §: whether the appeal came in within the three weeks (None when none came)."""
    if delivery.appeal_received_on is None:
        return None
    return delivery.appeal_received_on <= rules.appeal_period_ends(delivery.delivered_on)
