"""The reminder: when an occasion falls due with nothing recorded, the case's worker is told, once; not
when it is recorded, not when the child moved away, and not about an occasion missed long ago."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from access.actor import Actor
from cases.models import Case
from conftest import World
from deadlines.models import Notice, NoticeKind
from programme.models import EndReason, Participation
from programme.occasions import occasion_due
from programme.outcome_models import OutcomeReminder
from programme.outcome_reminders import remind_due_outcomes
from programme.services import EndInput, participation_end
from programme.tests.helpers import days_ago, raised
from programme.tests.outcome_helpers import recorded

pytestmark = pytest.mark.django_db


def _told() -> list[tuple[str, int]]:
    return sorted(Notice.objects.filter(kind=NoticeKind.OUTCOME_DUE).values_list("recipient__username", "case_id"))


def _due_on(participation: Participation, occasion: str) -> date:
    due = occasion_due(participation, occasion)
    assert due is not None
    return due.due_on


def test_the_worker_holding_the_case_is_told_once_when_an_occasion_falls_due(world: World) -> None:
    participation = raised(world, days=10)
    due_on = _due_on(participation, "entry")
    assert remind_due_outcomes(today=due_on - timedelta(days=1)) == 0  # not due yet
    assert remind_due_outcomes(today=due_on) == 1
    assert remind_due_outcomes(today=due_on) == 0  # the same day again
    assert remind_due_outcomes(today=due_on + timedelta(days=5)) == 0  # and later: once
    assert _told() == [("hanna", world.own_case.pk)]  # not olle, her colleague, nor the specialist who raised it
    assert OutcomeReminder.objects.get().occasion == "entry"


def test_nobody_is_told_about_an_occasion_already_recorded(world: World) -> None:
    participation = raised(world, days=10)
    recorded(world, participation)
    assert remind_due_outcomes(today=_due_on(participation, "entry")) == 0
    assert _told() == []


def test_the_new_worker_is_told_when_the_case_changed_hands(world: World) -> None:
    participation = raised(world, days=10)
    Case.objects.filter(pk=world.own_case.pk).update(responsible=world.user("olle"))
    assert remind_due_outcomes(today=_due_on(participation, "entry")) == 1
    assert _told() == [("olle", world.own_case.pk)]


def test_a_child_who_moved_away_is_not_followed_up_here_after_the_move(world: World) -> None:
    participation = raised(world, days=100)
    recorded(world, participation, on=days_ago(95))
    participation_end(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        participation_id=participation.public_id,
        data=EndInput(ended_on=days_ago(90), end_reason=EndReason.MOVED),
    )
    participation.refresh_from_db()
    for occasion in ("entry-6", "end-6", "end-12"):
        assert remind_due_outcomes(today=_due_on(participation, occasion)) == 0
    assert _told() == []


def test_an_occasion_after_the_end_is_reminded_and_one_missed_long_ago_is_not(world: World) -> None:
    participation = raised(world, days=400)
    participation_end(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        participation_id=participation.public_id,
        data=EndInput(ended_on=days_ago(20), end_reason=EndReason.COMPLETED),
    )
    participation.refresh_from_db()
    # Today: the entry, 6- and 12-month occasions were missed months ago; nothing is told about them.
    assert remind_due_outcomes(today=timezone.localdate()) == 0
    assert remind_due_outcomes(today=_due_on(participation, "end-6")) == 1
    assert list(OutcomeReminder.objects.values_list("occasion", flat=True)) == ["end-6"]


def test_the_daily_command_runs_the_sweep(world: World) -> None:
    raised(world, days=40)  # the entry occasion fell due ten days ago
    call_command("remind_outcomes")
    assert _told() == [("hanna", world.own_case.pk)]
