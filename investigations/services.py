"""Opening, extending and completing investigations on the four-month clock (20 kap. 3 § SoL 2025)."""

from datetime import date, timedelta
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from cases.models import Case, CaseStatus
from core.errors import field_error
from core.fields import TEXT_LIMIT
from deadlines import rules
from deadlines.models import Deadline, DeadlineKind, NoticeKind
from deadlines.notices import notify, unit_managers
from deadlines.services import deadline_meet, deadline_start
from deadlines.sources import DeadlineSource
from investigations.events import investigation_opened
from investigations.models import ChildParticipation, Investigation, InvestigationOutcome

# An investigation opened this soon after another on the case closed is presumed to continue it
# (JO 2565-2016: closing and reopening on the same question must not restart the clock). [ours]
SAME_QUESTION_WINDOW = timedelta(days=90)


def _source(investigation: Investigation) -> DeadlineSource:
    return DeadlineSource.investigation(investigation.pk)


def _recently_closed(case: Case, opened_on: date) -> Investigation | None:
    return (
        case.investigations.filter(completed_on__gte=opened_on - SAME_QUESTION_WINDOW)
        .order_by("-completed_on", "-id")
        .first()
    )


def _current_due(investigation: Investigation) -> date:
    deadline = (
        Deadline.objects.filter(source=_source(investigation).key, kind=DeadlineKind.INVESTIGATION)
        .order_by("-id")
        .first()
    )
    return deadline.due_on if deadline else rules.investigation_due(investigation.clock_started_on)


def investigation_open(
    *, actor: Actor, case: Case, question: str, opened_on: date, new_question_reason: str = ""
) -> Investigation:
    """`case` comes from the caller's `changing_case`. Signals waiting for a preliminary assessment join it."""
    question = question.strip()
    if not question:
        raise field_error("investigation_question", _("Skriv vad utredningen gäller."), "question")
    if len(question) > 300:
        raise field_error("investigation_question", _("Högst %(n)d tecken.") % {"n": 300}, "max_length")
    if case.status != CaseStatus.OPEN:
        raise ValidationError(_("Ärendet är avslutat. Öppna det igen först."), code="case_closed")
    if case.investigations.filter(completed_on__isnull=True).exists():
        raise ValidationError(_("En utredning pågår redan i ärendet."), code="investigation_open")
    previous = _recently_closed(case, opened_on)
    continues = previous if previous is not None and not new_question_reason.strip() else None
    with transaction.atomic():
        investigation = Investigation.objects.create(
            case=case,
            question=question,
            opened_on=opened_on,
            clock_started_on=continues.clock_started_on if continues else opened_on,
            continues=continues,
            new_question_reason=new_question_reason.strip()[:2000],
            opened_by=actor.user,
        )
        due_on = _current_due(continues) if continues else rules.investigation_due(opened_on)
        deadline_start(
            case=case,
            kind=DeadlineKind.INVESTIGATION,
            started_on=investigation.clock_started_on,
            due_on=max(due_on, opened_on),
            subject=question,
            source=_source(investigation),
        )
        deadline_start(
            case=case,
            kind=DeadlineKind.INVESTIGATION_NOTICE,
            started_on=opened_on,
            due_on=rules.investigation_notice_due(opened_on),
            subject=question,
            source=_source(investigation),
        )
        if previous is not None:
            # Reopened on the same question, or said to be a new one: either way the manager looks.
            notify(recipients=unit_managers(case), kind=NoticeKind.REOPENED, case=case)
        investigation_opened.send(sender=Investigation, case=case, investigation=investigation)
    return investigation


def _locked(case: Case, investigation_id: UUID | str) -> Investigation:
    investigation = Investigation.objects.select_for_update().filter(public_id=investigation_id, case=case).first()
    if investigation is None:
        raise ValidationError(_("Utredningen finns inte i detta ärende."), code="not_in_case")
    investigation.case = case
    return investigation


def investigation_open_for_case(
    *, actor: Actor, case_public_id: object, question: str, opened_on: date, new_question_reason: str = ""
) -> Investigation:
    with changing_case(actor, case_public_id, view_name="investigation.open", action=CaseAction.INVESTIGATE) as case:
        return investigation_open(
            actor=actor, case=case, question=question, opened_on=opened_on, new_question_reason=new_question_reason
        )


def investigation_deadline(investigation: Investigation) -> Deadline:
    deadline = (
        Deadline.objects.select_for_update()
        .filter(source=_source(investigation).key, kind=DeadlineKind.INVESTIGATION)
        .order_by("-id")
        .first()
    )
    assert deadline is not None, "every investigation starts its deadline when opened"
    return deadline


def participation_record(
    *,
    actor: Actor,
    case_public_id: object,
    investigation_id: UUID | str,
    participation: str,
    views: str,
    read_and_commented: bool = False,
) -> Investigation:
    with changing_case(
        actor, case_public_id, view_name="investigation.participation", action=CaseAction.INVESTIGATE
    ) as case:
        if participation not in ChildParticipation.values:
            raise field_error("participation", _("Välj hur barnet har deltagit."), "participation")
        views = views.strip()
        if not views:
            raise ValidationError(
                {
                    "views": _(
                        "Skriv barnets åsikter, eller varför de saknas och hur barnets inställning annars klarlagts."
                    )
                },
                code="views",
            )
        if len(views) > TEXT_LIMIT:
            raise field_error("views", _("Högst %(n)d tecken.") % {"n": TEXT_LIMIT}, "max_length")
        investigation = _locked(case, investigation_id)
        if not investigation.is_open:
            raise ValidationError(_("Utredningen är avslutad."), code="investigation_completed")
        child = investigation.case.child
        if read_and_commented and (child.birth_date is None or _age(child.birth_date) < 15):
            raise ValidationError(
                {"read_and_commented": _("Endast ett barn som fyllt 15 år läser och kommenterar utredningen själv.")},
                code="under_15",
            )
        investigation.child_participation = participation
        investigation.child_views = views
        investigation.child_read_and_commented = read_and_commented
        investigation.save(update_fields=["child_participation", "child_views", "child_read_and_commented"])
    return investigation


def _age(birth: date, on: date | None = None) -> int:
    on = on or timezone.localdate()
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def investigation_complete(
    *,
    actor: Actor,
    case_public_id: object,
    investigation_id: UUID | str,
    outcome: str,
    summary: str,
    completed_on: date,
) -> Investigation:
    with changing_case(
        actor, case_public_id, view_name="investigation.complete", action=CaseAction.INVESTIGATE
    ) as case:
        if outcome not in InvestigationOutcome.values:
            raise field_error("outcome", _("Välj utfall."), "outcome")
        summary = summary.strip()
        if not summary:
            raise field_error("summary", _("Skriv sammanfattning och bedömning."), "summary")
        if completed_on > timezone.localdate():
            raise field_error("completed_on", _("Datumet kan inte ligga i framtiden."), "future")
        investigation = _locked(case, investigation_id)
        if not investigation.is_open:
            raise ValidationError(_("Utredningen är redan avslutad."), code="investigation_completed")
        if completed_on < investigation.opened_on:
            raise field_error("completed_on", _("Utredningen kan inte avslutas innan den inleddes."), "reversed")
        if outcome != InvestigationOutcome.DISCONTINUED and not investigation.child_participation:
            raise ValidationError(
                _("Dokumentera barnets delaktighet (åsikter, eller varför inte) innan utredningen avslutas."),
                code="participation_missing",
            )
        investigation.completed_on = completed_on
        investigation.outcome = outcome
        investigation.summary = summary[:TEXT_LIMIT]
        investigation.save(update_fields=["completed_on", "outcome", "summary"])
        deadline_meet(source=_source(investigation), kind=DeadlineKind.INVESTIGATION)
    return investigation
