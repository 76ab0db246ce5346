"""Starting, meeting, cancelling and extending deadlines. Called by the services that own the clocks.

These functions do not check access: their callers have the case from `access.reads.changing_case`.
"""

from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from cases.models import Case
from core.legal import legal_basis_for
from deadlines import tasks
from deadlines.models import NOT_ESCALATED, Deadline, DeadlineKind, Extension, NoticeKind
from deadlines.notices import notify, unit_managers
from deadlines.rules import SWEDEN
from deadlines.sources import DeadlineSource

MORNING = time(7, 0)

# Which provision each clock rests on (core.LegalBasis.key); the row in force on the start day is used.
LEGAL_KEYS = {
    DeadlineKind.PROTECTION_ASSESSMENT: "protection-assessment",
    DeadlineKind.PRELIMINARY_ASSESSMENT: "preliminary-assessment",
    DeadlineKind.APPLICATION_INVESTIGATION: "investigation-open",
    DeadlineKind.REPORTER_FEEDBACK: "reporter-feedback",
    DeadlineKind.INVESTIGATION: "investigation-time-limit",
    DeadlineKind.INVESTIGATION_NOTICE: "investigation-notice",
    DeadlineKind.LVU_COURT_REFERRAL: "lvu-court-referral",
    DeadlineKind.LVU_CARE_APPLICATION: "lvu-care-application",
    DeadlineKind.LVU_REVIEW: "lvu-review",
    DeadlineKind.APPEAL_PERIOD: "appeal-period",
    DeadlineKind.POLICE_PLACEMENT_DECISION: "police-placement",
    DeadlineKind.SHELTER_COURT_REFERRAL: "shelter-court-referral",
    DeadlineKind.SHELTER_APPLICATION: "shelter-application-time",
    DeadlineKind.SHELTER_REVIEW: "shelter-review",
    DeadlineKind.LVU_SECRET_REVIEW: "lvu-secret-review",
}


def _morning(day: date) -> datetime:
    return datetime.combine(day, MORNING, tzinfo=SWEDEN)


def _schedule(deadline: Deadline) -> None:
    """Queue the reminder (the morning before) and the escalation (the morning after the due day).

    Enqueued in the caller's transaction: with the database task backend the task rows commit or roll
    back together with the deadline. Each task re-reads the deadline and does nothing if it was met,
    cancelled or moved (it carries the due date it was scheduled for).
    """
    reminder_at = _morning(deadline.due_on - timedelta(days=1))
    if reminder_at > timezone.now():
        tasks.remind_deadline.using(run_after=reminder_at).enqueue(deadline.pk, deadline.due_on.isoformat())
    if deadline.kind in NOT_ESCALATED:
        return
    tasks.escalate_deadline.using(run_after=_morning(deadline.due_on + timedelta(days=1))).enqueue(
        deadline.pk, deadline.due_on.isoformat()
    )


def deadline_start(
    *, case: Case, kind: DeadlineKind, started_on: date, due_on: date, subject: str, source: DeadlineSource
) -> Deadline:
    deadline = Deadline(
        case=case,
        kind=kind,
        legal_basis=legal_basis_for(LEGAL_KEYS[kind], on=started_on),
        started_on=started_on,
        due_on=due_on,
        subject=subject[:200],
        source=source.key,
    )
    deadline.full_clean()
    deadline.save()
    _schedule(deadline)
    return deadline


def open_deadline(source: DeadlineSource, kind: DeadlineKind) -> Deadline | None:
    return (
        Deadline.objects.select_for_update()
        .filter(source=source.key, kind=kind, met_at__isnull=True, cancelled_at__isnull=True)
        .first()
    )


def deadline_meet(*, source: DeadlineSource, kind: DeadlineKind, at: datetime | None = None) -> Deadline | None:
    """Mark the open deadline of `kind` started by `source` as met (a late act still meets it)."""
    deadline = open_deadline(source, kind)
    if deadline is not None:
        deadline.met_at = at or timezone.now()
        deadline.save(update_fields=["met_at"])
    return deadline


def deadlines_meet_in_case(*, case: Case, kind: DeadlineKind) -> int:
    """Mark every open deadline of `kind` in the case as met (a review decided meets every review due)."""
    return Deadline.objects.filter(case=case, kind=kind, met_at__isnull=True, cancelled_at__isnull=True).update(
        met_at=timezone.now()
    )


def deadlines_cancel_in_case(*, case: Case, kind: DeadlineKind, reason: str) -> int:
    """Cancel every open deadline of `kind` in the case: the measure it was for has ended."""
    return Deadline.objects.filter(case=case, kind=kind, met_at__isnull=True, cancelled_at__isnull=True).update(
        cancelled_at=timezone.now(), cancel_reason=reason[:300]
    )


def deadline_cancel(*, source: DeadlineSource, kind: DeadlineKind, reason: str) -> Deadline | None:
    deadline = open_deadline(source, kind)
    if deadline is not None:
        deadline.cancelled_at = timezone.now()
        deadline.cancel_reason = reason[:300]
        deadline.save(update_fields=["cancelled_at", "cancel_reason"])
    return deadline


def deadline_extend(
    *, deadline: Deadline, new_due_on: date, reason: str, decided_by: User, decided_on: date | None = None
) -> Extension:
    """Move a clock later. `decided_on`: the day someone else (a court) decided it, when not today; an
    extension decided after the clock ran out is flagged to the unit manager and keeps the missed day."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Skriv skälet till förlängningen."), code="extension_reason")
    if not deadline.is_open:
        raise ValidationError(_("Fristen är redan klar eller avskriven."), code="deadline_closed")
    if new_due_on <= deadline.due_on:
        raise ValidationError(_("Det nya datumet måste vara senare än det nuvarande."), code="extension_not_later")
    late = deadline.due_on < (decided_on or timezone.localdate())
    with transaction.atomic():
        extension = Extension(
            deadline=deadline,
            previous_due_on=deadline.due_on,
            new_due_on=new_due_on,
            reason=reason,
            decided_by=decided_by,
            decided_at=timezone.now(),
            decided_on=decided_on,
        )
        extension.full_clean()
        extension.save()
        if late:
            deadline.missed_due_on = deadline.missed_due_on or deadline.due_on
            notify(
                recipients=unit_managers(deadline.case),
                kind=NoticeKind.LATE_EXTENSION,
                case=deadline.case,
                deadline=deadline,
            )
        deadline.due_on = new_due_on
        # A new day to miss: escalate again if it passes too. The first miss stays in `missed_due_on`.
        deadline.escalated_at = None
        deadline.save(update_fields=["due_on", "escalated_at", "missed_due_on"])
        _schedule(deadline)
    return extension


def escalate_overdue(*, today: date) -> int:
    """Escalate every open clock past its day that nobody has escalated yet; returns how many.

    The per-deadline tasks do this on time; this sweep catches what they could not (a worker that was
    down, records loaded in bulk). Safe to run again: each notice is written once per deadline.
    """
    overdue = (
        Deadline.objects.select_for_update(of=("self",))
        .filter(due_on__lt=today, met_at__isnull=True, cancelled_at__isnull=True, escalated_at__isnull=True)
        .exclude(kind__in=NOT_ESCALATED)
        .select_related("case__team")
    )
    count = 0
    with transaction.atomic():
        for deadline in overdue:
            deadline.escalated_at = timezone.now()
            deadline.missed_due_on = deadline.missed_due_on or deadline.due_on
            deadline.save(update_fields=["escalated_at", "missed_due_on"])
            notify(
                recipients=unit_managers(deadline.case),
                kind=NoticeKind.ESCALATION,
                case=deadline.case,
                deadline=deadline,
            )
            count += 1
    return count
