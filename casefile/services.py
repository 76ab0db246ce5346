"""Closing and reopening a case: the whole case file's concern, since closing writes off every stage's open clocks."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from cases.models import Case, CaseStatus, ClosureOutcome, ClosureReason
from core.errors import field_error
from deadlines.models import Deadline
from investigations.models import Investigation


def case_close(*, actor: Actor, case_public_id: object, reason: str, outcome: str) -> Case:
    """Close with a coded reason and outcome. Open clocks that no longer apply are written off, not lost."""
    with changing_case(actor, case_public_id, view_name="case.close", action=CaseAction.CLOSE) as case:
        if reason not in ClosureReason.values:
            raise field_error("reason", _("Välj skäl till avslut."), "reason")
        if outcome not in ClosureOutcome.values:
            raise field_error("outcome", _("Välj utfall."), "outcome")
        if case.status != CaseStatus.OPEN:
            raise ValidationError(_("Ärendet är redan avslutat."), code="already_closed")
        if Investigation.objects.filter(case=case, completed_on__isnull=True).exists():
            raise ValidationError(
                _("Avsluta den pågående utredningen innan ärendet avslutas."), code="investigation_open"
            )
        now = timezone.now()
        Deadline.objects.filter(case=case, met_at__isnull=True, cancelled_at__isnull=True).update(
            cancelled_at=now, cancel_reason=_("Ärendet avslutades.")
        )
        case.status, case.closed_at = CaseStatus.CLOSED, now
        case.closure_reason, case.closure_outcome = reason, outcome
        case.save(update_fields=["status", "closed_at", "closure_reason", "closure_outcome"])
    return case


def case_reopen(*, actor: Actor, case_public_id: object) -> Case:
    """Reopen: the history (closure, reason, everything recorded) stays; the case is open again."""
    with changing_case(actor, case_public_id, view_name="case.reopen", action=CaseAction.CLOSE) as case:
        if case.status == CaseStatus.OPEN:
            raise ValidationError(_("Ärendet är redan öppet."), code="already_open")
        case.status, case.closed_at, case.closure_reason, case.closure_outcome = CaseStatus.OPEN, None, "", ""
        case.save(update_fields=["status", "closed_at", "closure_reason", "closure_outcome"])
    return case
