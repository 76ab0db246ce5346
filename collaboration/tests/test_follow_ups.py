"""A meeting item's follow-up day puts the case in its worker's work queue (issue 16 point 1): told once on
the day, not before and not a month after; the newest correction's day counts; never about a closed case;
the same handful of queries however many items."""

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from casefile.services import case_close
from cases.models import Case
from cases.services import case_open
from collaboration import follow_ups
from collaboration.follow_ups import REMIND_WITHIN, remind_meeting_follow_ups
from collaboration.meetings import ItemInput, MeetingInput, meeting_create, meeting_item_record
from collaboration.models import Meeting, MeetingFollowUpReminder, MeetingItem, MeetingKind
from conftest import World, make_person, signed_in
from deadlines.models import Notice, NoticeKind

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
HELD = TODAY - timedelta(days=60)


def _call_in(world: World) -> Meeting:
    return meeting_create(
        actor=Actor.system(world.user("hanna")),
        data=MeetingInput(
            kind=MeetingKind.CUSTOM_U18,
            held_on=HELD,
            title="Custom under 18, område Norr",
            participants="Polisen (lokalpolisområde Norr), socialtjänsten (socialsekreterare)",
        ),
    )


def _item(world: World, meeting: Meeting, case: Case | None = None, **changes: Any) -> MeetingItem:
    case = case or world.own_case
    data = ItemInput(
        discussed="Elias kallades med vårdnadshavaren; polisen berättade om oron.",
        decided="Elias erbjöds samtal med avhopparkoordinatorn.",
        invited=frozenset({str(case.child.public_id)}),
        came=frozenset({str(case.child.public_id)}),
    )
    return meeting_item_record(
        actor=Actor.system(world.user("hanna")),
        case_public_id=case.public_id,
        meeting_id=meeting.public_id,
        data=replace(data, **changes),
    )


def _corrected(world: World, meeting: Meeting, original: MeetingItem, follow_up_on: date | None) -> MeetingItem:
    return _item(world, meeting, corrects=str(original.public_id), follow_up_on=follow_up_on)


def _told() -> list[tuple[str, int]]:
    return sorted(
        Notice.objects.filter(kind=NoticeKind.MEETING_FOLLOW_UP).values_list("recipient__username", "case_id")
    )


def test_the_responsible_worker_is_told_once_on_the_follow_up_day(world: World) -> None:
    day = HELD + timedelta(days=14)
    item = _item(world, _call_in(world), follow_up_on=day)
    assert remind_meeting_follow_ups(today=day - timedelta(days=1)) == 0  # not before the day
    assert remind_meeting_follow_ups(today=day) == 1
    assert remind_meeting_follow_ups(today=day) == 0  # the same day again
    assert remind_meeting_follow_ups(today=day + timedelta(days=5)) == 0  # and later: once
    assert _told() == [("hanna", world.own_case.pk)]  # not olle, her colleague in the team
    reminder = MeetingFollowUpReminder.objects.get()
    assert (reminder.item, reminder.follow_up_on) == (item, day)


def test_a_follow_up_day_a_month_gone_is_not_told(world: World) -> None:
    day = HELD + timedelta(days=1)
    _item(world, _call_in(world), follow_up_on=day)
    assert remind_meeting_follow_ups(today=day + REMIND_WITHIN + timedelta(days=1)) == 0  # 31 days after
    assert remind_meeting_follow_ups(today=day + REMIND_WITHIN) == 1  # 30 days after: still told
    assert _told() == [("hanna", world.own_case.pk)]


def test_an_item_without_a_follow_up_day_is_never_told(world: World) -> None:
    _item(world, _call_in(world))
    assert remind_meeting_follow_ups(today=TODAY) == 0
    assert _told() == []


def test_a_correction_moves_the_follow_up_day_and_one_without_a_day_cancels_it(world: World) -> None:
    meeting = _call_in(world)
    first, moved_to = HELD + timedelta(days=10), HELD + timedelta(days=20)
    moved = _corrected(world, meeting, _item(world, meeting, follow_up_on=first), moved_to)
    assert remind_meeting_follow_ups(today=first) == 0  # the corrected item's day no longer counts
    assert remind_meeting_follow_ups(today=moved_to) == 1
    assert MeetingFollowUpReminder.objects.get().item == moved

    cancelled = HELD + timedelta(days=30)
    _corrected(world, meeting, _item(world, meeting, follow_up_on=cancelled), None)
    assert remind_meeting_follow_ups(today=cancelled) == 0
    assert MeetingFollowUpReminder.objects.count() == 1


def test_a_correction_that_keeps_a_day_already_told_is_not_told_again(world: World) -> None:
    meeting = _call_in(world)
    day = HELD + timedelta(days=10)
    told = _item(world, meeting, follow_up_on=day)
    assert remind_meeting_follow_ups(today=day) == 1
    kept = _corrected(world, meeting, told, day)  # words put right, the day the same
    assert remind_meeting_follow_ups(today=day + timedelta(days=1)) == 0
    later = day + timedelta(days=7)
    _corrected(world, meeting, kept, later)  # and then the day moved: told on the new day
    assert remind_meeting_follow_ups(today=later) == 1
    assert len(_told()) == 2


def test_nobody_is_told_about_a_closed_case(world: World) -> None:
    day = HELD + timedelta(days=14)
    _item(world, _call_in(world), follow_up_on=day)
    case_close(
        actor=Actor.system(world.user("hanna")), case_public_id=world.own_case.public_id, reason="moved", outcome="n/a"
    )
    assert remind_meeting_follow_ups(today=day) == 0
    assert _told() == []
    assert not MeetingFollowUpReminder.objects.exists()


def test_a_case_nobody_holds_is_told_to_every_case_worker_of_its_team(world: World) -> None:
    child = make_person("Noah", "Lund", date(2011, 6, 1), 612)
    unheld = case_open(child=child, team=world.team_a)
    day = HELD + timedelta(days=3)
    _item(world, _call_in(world), case=unheld, follow_up_on=day)
    assert remind_meeting_follow_ups(today=day) == 2
    assert _told() == [("hanna", unheld.pk), ("olle", unheld.pk)]


def test_the_notice_shows_in_the_workers_work_queue_with_the_way_to_the_cases_meetings(world: World) -> None:
    _item(world, _call_in(world), follow_up_on=TODAY)
    remind_meeting_follow_ups(today=TODAY)
    meetings = reverse("collaboration:case_meetings", args=[world.own_case.public_id])
    page = signed_in(world.user("hanna")).get(reverse("deadlines:work_queue")).content.decode()
    assert "Uppföljning efter samverkansmöte" in page
    assert world.own_case.reference in page and "Elias" in page
    assert meetings in page
    other = signed_in(world.user("olle")).get(reverse("deadlines:work_queue")).content.decode()
    assert "Uppföljning efter samverkansmöte" not in other  # told to the worker holding the case


def test_the_daily_command_runs_the_sweep(world: World) -> None:
    _item(world, _call_in(world), follow_up_on=TODAY - timedelta(days=2))
    call_command("remind_meeting_follow_ups")
    assert _told() == [("hanna", world.own_case.pk)]
    call_command("remind_meeting_follow_ups")  # run twice in a day: still once
    assert len(_told()) == 1


def test_a_sweep_that_meets_another_sweeps_reminder_starts_again_from_what_stands(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = _call_in(world)
    child = make_person("Noah", "Lund", date(2011, 6, 1), 612)
    other_case = case_open(child=child, team=world.team_a, responsible=world.user("olle"))
    ours, theirs = _item(world, meeting, follow_up_on=TODAY), _item(world, meeting, case=other_case, follow_up_on=TODAY)
    # Another sweep told olle's case after this one read what was due, and before it wrote.
    MeetingFollowUpReminder.objects.create(item=theirs, follow_up_on=TODAY, sent_at=timezone.now())
    real, reads = follow_ups._due, []

    def stale_then_real(today: date) -> list[MeetingItem]:
        reads.append(today)
        if len(reads) == 1:
            return list(MeetingItem.objects.filter(pk__in=[ours.pk, theirs.pk]).select_related("case__responsible"))
        return real(today)

    monkeypatch.setattr(follow_ups, "_due", stale_then_real)
    assert remind_meeting_follow_ups(today=TODAY) == 1
    assert len(reads) == 2
    assert _told() == [("hanna", world.own_case.pk)]
    assert set(MeetingFollowUpReminder.objects.values_list("item", flat=True)) == {ours.pk, theirs.pk}


def _due_items(world: World, meeting: Meeting, n: int, serial: int) -> None:
    """`n` items due today in `n` cases, every other one held by nobody, and as many never due."""
    cases = [
        case_open(
            child=make_person("Barn", f"Nummer{serial + i}", date(2011, 1, 1), serial + i),
            team=world.team_a,
            responsible=world.user("olle") if i % 2 else None,
        )
        for i in range(n)
    ]
    now = timezone.now()
    MeetingItem.objects.bulk_create(
        MeetingItem(
            meeting=meeting,
            case=case,
            discussed="Togs upp.",
            follow_up_on=day,
            recorded_by=world.user("hanna"),
            recorded_at=now,
        )
        for case in cases
        for day in (TODAY, TODAY + timedelta(days=5))
    )


def test_the_sweep_takes_the_same_queries_for_five_items_as_for_fifty(world: World) -> None:
    meeting = _call_in(world)
    _due_items(world, meeting, 5, serial=100)
    with CaptureQueriesContext(connection) as five:
        assert remind_meeting_follow_ups(today=TODAY) == 2 + 3 * 2  # olle twice; the unheld: hanna and olle each
    _due_items(world, meeting, 45, serial=200)
    with CaptureQueriesContext(connection) as fifty:
        remind_meeting_follow_ups(today=TODAY)
    assert MeetingFollowUpReminder.objects.count() == 50
    assert len(fifty.captured_queries) == len(five.captured_queries)
