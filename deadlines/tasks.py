"""Background tasks (django.tasks, database backend; `manage.py db_worker` runs them)."""

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from deadlines.models import Deadline, NoticeKind
from deadlines.notices import case_workers_to_tell, notify, unit_managers


def _still_due(deadline_id: int, due_on: str) -> Deadline | None:
    deadline = (
        Deadline.objects.select_for_update(of=("self",))
        .select_related("case__team", "case__responsible")
        .filter(pk=deadline_id)
        .first()
    )
    if deadline is None or not deadline.is_open or deadline.due_on.isoformat() != due_on:
        return None
    return deadline


@task()
def remind_deadline(deadline_id: int, due_on: str) -> int:
    """The morning before a deadline: tell whoever holds the case. Returns the notices written."""
    with transaction.atomic():
        deadline = _still_due(deadline_id, due_on)
        if deadline is None:
            return 0
        return notify(
            recipients=case_workers_to_tell(deadline.case),
            kind=NoticeKind.REMINDER,
            case=deadline.case,
            deadline=deadline,
        )


@task()
def escalate_deadline(deadline_id: int, due_on: str) -> int:
    """The morning after a missed deadline: tell the unit managers, and mark it escalated."""
    with transaction.atomic():
        deadline = _still_due(deadline_id, due_on)
        if deadline is None:
            return 0
        deadline.escalated_at = timezone.now()
        deadline.missed_due_on = deadline.missed_due_on or deadline.due_on
        deadline.save(update_fields=["escalated_at", "missed_due_on"])
        return notify(
            recipients=unit_managers(deadline.case), kind=NoticeKind.ESCALATION, case=deadline.case, deadline=deadline
        )
