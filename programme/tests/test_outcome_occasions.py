"""The occasions' arithmetic: calendar months from the first contact and from the end, and where each stands."""

from datetime import date

import pytest

from programme.models import EndReason, Participation
from programme.occasions import Status, occasion_due, occasions


def _participation(raised_on: date, ended_on: date | None = None, reason: str = "") -> Participation:
    return Participation(raised_on=raised_on, ended_on=ended_on, end_reason=reason)


@pytest.mark.parametrize(
    ("raised_on", "occasion", "due_on", "opens_on"),
    [
        (date(2026, 1, 31), "entry", date(2026, 2, 28), date(2026, 1, 31)),  # 31 January + 1 month
        (date(2027, 12, 31), "entry", date(2028, 1, 31), date(2027, 12, 31)),
        (date(2027, 8, 31), "entry-6", date(2028, 2, 29), date(2028, 1, 31)),  # into a leap February
        (date(2028, 2, 29), "entry-12", date(2029, 2, 28), date(2029, 1, 29)),  # a leap day, a year on
        (date(2028, 2, 29), "entry-24", date(2030, 2, 28), date(2030, 1, 29)),
        (date(2026, 3, 15), "entry-6", date(2026, 9, 15), date(2026, 8, 15)),
    ],
)
def test_an_occasion_is_due_calendar_months_after_the_first_contact(
    raised_on: date, occasion: str, due_on: date, opens_on: date
) -> None:
    due = occasion_due(_participation(raised_on), occasion)
    assert due is not None
    assert (due.due_on, due.opens_on) == (due_on, opens_on)


def test_the_occasions_after_the_end_come_only_once_it_has_ended() -> None:
    running = _participation(date(2026, 1, 10))
    assert [d.occasion for d in occasions(running, set(), date(2026, 6, 1))] == [
        "entry",
        "entry-6",
        "entry-12",
        "entry-24",
    ]
    assert occasion_due(running, "end-6") is None
    ended = _participation(date(2026, 1, 10), date(2026, 8, 31), EndReason.COMPLETED)
    after = {d.occasion: d.due_on for d in occasions(ended, set(), date(2026, 9, 1)) if d.occasion.startswith("end")}
    assert after == {"end-6": date(2027, 2, 28), "end-12": date(2027, 8, 31), "end-24": date(2028, 8, 31)}


def test_each_occasion_is_upcoming_then_due_then_overdue_unless_recorded() -> None:
    participation = _participation(date(2026, 1, 10))

    def status(today: date, recorded: frozenset[str] = frozenset()) -> Status:
        return next(d.status for d in occasions(participation, set(recorded), today) if d.occasion == "entry-6")

    assert status(date(2026, 6, 9)) == Status.UPCOMING
    assert status(date(2026, 6, 10)) == Status.DUE  # a month before it is due
    assert status(date(2026, 7, 10)) == Status.DUE  # the due date itself
    assert status(date(2026, 7, 11)) == Status.OVERDUE
    assert status(date(2026, 7, 11), frozenset({"entry-6"})) == Status.RECORDED


def test_a_child_who_moved_away_is_followed_up_by_the_new_municipality_from_the_move() -> None:
    moved = _participation(date(2026, 1, 10), date(2026, 3, 1), EndReason.MOVED)
    statuses: dict[str, Status] = {d.occasion: d.status for d in occasions(moved, {"entry"}, date(2028, 1, 1))}
    assert statuses["entry"] == Status.RECORDED
    assert {statuses[o] for o in ("entry-6", "entry-12", "entry-24", "end-6", "end-12", "end-24")} == {Status.ELSEWHERE}
