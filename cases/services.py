from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.reads import changing_case
from accounts.models import Team, User
from cases.models import Case, CaseReferenceCounter, CaseStatus, ClosureOutcome, ClosureReason
from core.errors import field_error
from people.models import Person


def case_reference(year: int, number: int) -> str:
    return f"BoU-{year}-{number:06d}"


def allocate_case_numbers(year: int, count: int = 1) -> range:
    """Reserve `count` consecutive case numbers for `year`; concurrent callers wait on the row lock."""
    with transaction.atomic():
        CaseReferenceCounter.objects.get_or_create(year=year)
        counter = CaseReferenceCounter.objects.select_for_update().get(year=year)
        first = counter.last_number + 1
        counter.last_number += count
        counter.save(update_fields=["last_number"])
    return range(first, first + count)


def case_open(*, child: Person, team: Team, responsible: User | None = None, summary: str = "") -> Case:
    if responsible is not None and responsible.team_id != team.pk:
        raise ValidationError(_("Ansvarig handläggare måste tillhöra ärendets team."), code="responsible_team")
    now = timezone.now()
    with transaction.atomic():
        case = Case(
            reference=case_reference(now.year, allocate_case_numbers(now.year)[0]),
            child=child,
            team=team,
            responsible=responsible,
            opened_at=now,
            summary=summary.strip(),
        )
        case.full_clean()
        case.save()
        return case


def case_close(*, actor: Actor, case_public_id: object, reason: str, outcome: str) -> Case:
    with changing_case(actor, case_public_id, view_name="case.close") as case:
        """Close with a coded reason and outcome. Open clocks that no longer apply are written off, not lost."""
        from deadlines.models import Deadline

        if reason not in ClosureReason.values:
            raise field_error("reason", _("Välj skäl till avslut."), "reason")
        if outcome not in ClosureOutcome.values:
            raise field_error("outcome", _("Välj utfall."), "outcome")
        if case.status != CaseStatus.OPEN:
            raise ValidationError(_("Ärendet är redan avslutat."), code="already_closed")
        if case.investigations.filter(completed_on__isnull=True).exists():  # type: ignore[attr-defined]
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
    with changing_case(actor, case_public_id, view_name="case.reopen") as case:
        if case.status == CaseStatus.OPEN:
            raise ValidationError(_("Ärendet är redan öppet."), code="already_open")
        case.status, case.closed_at, case.closure_reason, case.closure_outcome = CaseStatus.OPEN, None, "", ""
        case.save(update_fields=["status", "closed_at", "closure_reason", "closure_outcome"])
    return case
