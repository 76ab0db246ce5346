"""An extension decided after the clock ran out is recorded as late and told to the unit manager; the
clock keeps the day it was missed, so it never looks as if it had been met in time."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import World
from deadlines.models import Deadline, DeadlineKind, Extension, Notice, NoticeKind
from deadlines.services import deadline_extend, deadline_start, escalate_overdue
from deadlines.sources import DeadlineSource
from deadlines.tasks import escalate_deadline

pytestmark = pytest.mark.django_db


def _clock(world: World, *, due_in_days: int) -> Deadline:
    today = timezone.localdate()
    return deadline_start(
        case=world.own_case,
        kind=DeadlineKind.INVESTIGATION,
        started_on=today - timedelta(days=120),
        due_on=today + timedelta(days=due_in_days),
        subject="Barnets behov av skydd och stöd",
        source=DeadlineSource.investigation(1),
    )


def _extend(world: World, deadline: Deadline, days: int = 30) -> Extension:
    return deadline_extend(
        deadline=deadline,
        new_due_on=timezone.localdate() + timedelta(days=days),
        reason="BUP",
        decided_by=world.user("hanna"),
    )


def test_an_extension_in_time_is_not_late_and_tells_nobody(world: World) -> None:
    deadline = _clock(world, due_in_days=2)
    extension = _extend(world, deadline)
    deadline.refresh_from_db()
    assert extension.days_late == 0 and deadline.missed_due_on is None
    assert not Notice.objects.filter(kind=NoticeKind.LATE_EXTENSION).exists()


def test_an_extension_after_the_day_is_late_by_its_days_and_told_to_the_unit_manager(world: World) -> None:
    deadline = _clock(world, due_in_days=-6)
    missed = deadline.due_on
    extension = _extend(world, deadline)
    deadline.refresh_from_db()
    assert extension.days_late == 6
    assert deadline.missed_due_on == missed and deadline.due_on > missed
    notice = Notice.objects.get(kind=NoticeKind.LATE_EXTENSION)
    assert (notice.recipient, notice.deadline) == (world.user("karin"), deadline)


def test_a_second_extension_keeps_the_first_missed_day(world: World) -> None:
    deadline = _clock(world, due_in_days=-10)
    missed = deadline.due_on
    _extend(world, deadline, days=-2)  # still late: the new day has passed too
    deadline.refresh_from_db()
    _extend(world, deadline, days=20)
    deadline.refresh_from_db()
    assert deadline.missed_due_on == missed


def test_escalation_records_the_missed_day_whatever_happens_after(world: World) -> None:
    deadline = _clock(world, due_in_days=-1)
    assert escalate_deadline.call(deadline.pk, deadline.due_on.isoformat()) == 1
    deadline.refresh_from_db()
    assert deadline.missed_due_on == deadline.due_on
    other = _clock(world, due_in_days=-3)
    Deadline.objects.filter(pk=other.pk).update(source="investigation:2")
    escalate_overdue(today=timezone.localdate())
    other.refresh_from_db()
    assert other.missed_due_on == other.due_on


def test_the_case_page_and_the_timeline_show_the_missed_day_and_the_late_extension(world: World) -> None:
    deadline = _clock(world, due_in_days=-6)
    missed = deadline.due_on.isoformat()
    _extend(world, deadline)
    client = Client()
    client.force_login(world.user("hanna"))
    page = client.get(reverse("casefile:case_detail", args=[world.own_case.public_id])).content.decode()
    assert f"missad {missed}" in page
    timeline = client.get(reverse("casefile:case_timeline", args=[world.own_case.public_id])).content.decode()
    assert "Förlängning i efterhand" in timeline and "beslutad 6 dagar efter att fristen gick ut" in timeline
