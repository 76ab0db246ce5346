"""Reminders the day before, escalation to the unit manager the day after; nothing for a met clock."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from conftest import World
from deadlines.models import Deadline, DeadlineKind, Notice, NoticeKind
from deadlines.services import deadline_extend, deadline_meet, deadline_start
from deadlines.sources import DeadlineSource
from deadlines.tasks import escalate_deadline, remind_deadline

pytestmark = pytest.mark.django_db


def start(world: World, days_ahead: int = 3) -> Deadline:
    today = timezone.localdate()
    return deadline_start(
        case=world.own_case,
        kind=DeadlineKind.PRELIMINARY_ASSESSMENT,
        started_on=today,
        due_on=today + timedelta(days=days_ahead),
        subject="Orosanmälan",
        source=DeadlineSource.signal(1),
    )


def test_starting_a_clock_queues_its_reminder_and_escalation_in_the_same_transaction(world: World) -> None:
    deadline = start(world)
    queued = {row.task_path.rsplit(".", 1)[-1]: row for row in DBTaskResult.objects.all()}
    assert set(queued) == {"remind_deadline", "escalate_deadline"}
    assert queued["escalate_deadline"].run_after.date() == deadline.due_on + timedelta(days=1)


def test_the_reminder_goes_to_the_responsible_worker(world: World) -> None:
    deadline = start(world)
    assert remind_deadline.call(deadline.pk, deadline.due_on.isoformat()) == 1
    assert Notice.objects.get().recipient == world.user("hanna")


def test_an_overdue_clock_is_escalated_to_the_unit_manager_once(world: World) -> None:
    deadline = start(world)
    assert escalate_deadline.call(deadline.pk, deadline.due_on.isoformat()) == 1
    notice = Notice.objects.get(kind=NoticeKind.ESCALATION)
    assert notice.recipient == world.user("karin")
    deadline.refresh_from_db()
    assert deadline.escalated_at is not None
    assert escalate_deadline.call(deadline.pk, deadline.due_on.isoformat()) == 1  # ignored duplicate
    assert Notice.objects.filter(kind=NoticeKind.ESCALATION).count() == 1


def test_a_met_or_moved_clock_is_not_escalated(world: World) -> None:
    met = start(world)
    deadline_meet(source=DeadlineSource.signal(1), kind=DeadlineKind.PRELIMINARY_ASSESSMENT)
    assert escalate_deadline.call(met.pk, met.due_on.isoformat()) == 0
    moved = deadline_start(
        case=world.own_case,
        kind=DeadlineKind.INVESTIGATION,
        started_on=timezone.localdate(),
        due_on=timezone.localdate() + timedelta(days=5),
        subject="Utredning",
        source=DeadlineSource.investigation(1),
    )
    old_due = moved.due_on.isoformat()
    deadline_extend(
        deadline=moved, new_due_on=moved.due_on + timedelta(days=30), reason="BUP", decided_by=world.user("hanna")
    )
    assert escalate_deadline.call(moved.pk, old_due) == 0
    assert not Notice.objects.exists()


def test_the_sweep_escalates_what_the_tasks_missed_once(world: World) -> None:
    from deadlines.services import escalate_overdue

    today = timezone.localdate()
    Deadline.objects.create(  # a clock already past its day, loaded in bulk: no task was queued for it
        case=world.own_case,
        kind=DeadlineKind.PRELIMINARY_ASSESSMENT,
        started_on=today - timedelta(days=20),
        due_on=today - timedelta(days=6),
        subject="Orosanmälan",
        source=DeadlineSource.signal(9).key,
    )
    assert escalate_overdue(today=today) == 1
    assert escalate_overdue(today=today) == 0
    assert list(Notice.objects.values_list("recipient__username", "kind")) == [("karin", NoticeKind.ESCALATION)]
