"""14 § LVU: the child's whereabouts kept secret from guardians, its three-monthly consideration, its
ending, and the committee's application to Skatteverket for skyddad folkbokföring that rests on it.

The decision is reserved to the committee or its section (`delegation` migration 0004): the delegation
check of `decisions` refuses an officer's item with the law's words.
"""

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from cases.models import Case
from core.errors import Problems
from core.uuids import parse_uuid
from deadlines.models import DeadlineKind
from deadlines.services import deadlines_cancel_in_case
from decisions.models import Decision
from decisions.services import DecisionInput
from delegation.models import DecisionKind
from protection.measure_models import ProtectedRegistration, RegistrationOutcome, SecretWhereabouts
from protection.measures import custodians_of, day_between, decided_with

OUTCOMES = frozenset({RegistrationOutcome.GRANTED, RegistrationOutcome.REFUSED, RegistrationOutcome.WITHDRAWN})


@dataclass(frozen=True)
class SecretInput:
    decision: DecisionInput
    hidden_from_ids: list[int] = field(default_factory=list)


def secret_record(*, actor: Actor, case_public_id: object, data: SecretInput) -> SecretWhereabouts:
    """The whereabouts are not revealed to these guardians (at least one of the child's own)."""
    view = "protection.secret_whereabouts"
    with changing_case(actor, case_public_id, view_name=view, action=CaseAction.DECIDE) as case:
        problems = Problems()
        hidden = set(data.hidden_from_ids)
        if not hidden or not hidden <= custodians_of(case):
            problems.add(
                "hidden_from", _("Välj de vårdnadshavare som vistelseorten inte ska röjas för."), "hidden_from"
            )
        decision = decided_with(actor, case, data.decision, problems, (DecisionKind.LVU_SECRET_WHEREABOUTS,))
        secret = SecretWhereabouts.objects.create(
            case=case, decision=decision, recorded_by=actor.user, recorded_at=timezone.now()
        )
        secret.hidden_from.set(sorted(hidden))
        return secret


def _live_secret(case: Case, secret_id: UUID | str) -> SecretWhereabouts:
    key = parse_uuid(secret_id)
    found = (
        SecretWhereabouts.objects.select_for_update()
        .select_related("decision")
        .filter(case=case, public_id=key)
        .first()
        if key
        else None
    )
    if found is None:
        raise ValidationError(_("Beslutet om hemlig vistelseort finns inte i detta ärende."), code="not_in_case")
    if found.ended_on is not None:
        raise ValidationError(_("Beslutet om hemlig vistelseort har redan upphört."), code="already_ended")
    return found


def secret_review(*, actor: Actor, case_public_id: object, secret_id: UUID | str, data: DecisionInput) -> Decision:
    """The three-monthly consideration (14 § tredje stycket LVU): met, and the next one due."""
    view = "protection.secret_review"
    with changing_case(actor, case_public_id, view_name=view, action=CaseAction.DECIDE) as case:
        _live_secret(case, secret_id)
        return decided_with(actor, case, data, Problems(), (DecisionKind.LVU_SECRET_REVIEW,))


def secret_end(*, actor: Actor, case_public_id: object, secret_id: UUID | str, ended_on: date) -> SecretWhereabouts:
    """The whereabouts may be revealed again: with no secret one left, no consideration is due."""
    with changing_case(actor, case_public_id, view_name="protection.secret_end", action=CaseAction.DECIDE) as case:
        secret = _live_secret(case, secret_id)
        day_between("ended_on", ended_on, secret.decision.decided_on)
        secret.ended_on = ended_on
        secret.save(update_fields=["ended_on"])
        if not SecretWhereabouts.objects.filter(case=case, ended_on__isnull=True).exists():
            deadlines_cancel_in_case(
                case=case, kind=DeadlineKind.LVU_SECRET_REVIEW, reason=_("Vistelseorten är inte längre hemlig.")
            )
        return secret


def registration_apply(
    *, actor: Actor, case_public_id: object, secret_id: UUID | str, applied_on: date
) -> ProtectedRegistration:
    """The committee applied to Skatteverket for skyddad folkbokföring: only while the whereabouts are secret."""
    view = "protection.registration"
    with changing_case(actor, case_public_id, view_name=view, action=CaseAction.DECIDE) as case:
        secret = _live_secret(case, secret_id)
        day_between("applied_on", applied_on, secret.decision.decided_on)
        return ProtectedRegistration.objects.create(
            case=case,
            secret_whereabouts=secret,
            applied_on=applied_on,
            recorded_by=actor.user,
            recorded_at=timezone.now(),
        )


def registration_outcome(
    *, actor: Actor, case_public_id: object, registration_id: UUID | str, outcome: str, outcome_on: date
) -> ProtectedRegistration:
    """What Skatteverket answered, or that the application was withdrawn: recorded once."""
    view = "protection.registration_outcome"
    with changing_case(actor, case_public_id, view_name=view, action=CaseAction.DECIDE) as case:
        key = parse_uuid(registration_id)
        found = (
            ProtectedRegistration.objects.select_for_update().filter(case=case, public_id=key).first() if key else None
        )
        if found is None:
            raise ValidationError(_("Ansökan finns inte i detta ärende."), code="not_in_case")
        if found.outcome != RegistrationOutcome.PENDING:
            raise ValidationError(_("Utfallet är redan registrerat."), code="already_decided")
        problems = Problems()
        if outcome not in OUTCOMES:
            problems.add("outcome", _("Välj utfall."), "outcome")
        if not (found.applied_on <= outcome_on <= timezone.localdate()):
            problems.add("outcome_on", _("Datumet ska ligga mellan ansökan och i dag."), "outcome_on")
        problems.raise_any()
        found.outcome, found.outcome_on = outcome, outcome_on
        found.save(update_fields=["outcome", "outcome_on"])
        return found
