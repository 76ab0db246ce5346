"""Each clock counts from the right day, by the right amount, past the right days off."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from deadlines import rules

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)


def test_protection_assessment_is_due_the_same_day_when_the_signal_comes_in_during_the_day() -> None:
    assert rules.protection_assessment_due(at(2026, 11, 20, 9)) == date(2026, 11, 20)


def test_protection_assessment_after_a_late_signal_is_due_the_next_day_even_a_saturday() -> None:
    # "Genast": the social emergency service works weekends, so no moving past days off.
    assert rules.protection_assessment_due(at(2026, 11, 20, 21, 40)) == date(2026, 11, 21)


def test_the_day_a_signal_came_in_is_the_swedish_day_not_utcs() -> None:
    just_after_midnight_in_sweden = datetime(2026, 6, 4, 22, 30, tzinfo=ZoneInfo("UTC"))
    assert rules.received_day(just_after_midnight_in_sweden) == date(2026, 6, 5)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (at(2026, 11, 9, 10), date(2026, 11, 23)),  # an ordinary Monday
        (at(2026, 6, 5, 10), date(2026, 6, 22)),  # day 14 is midsommarafton; then a weekend
        (at(2026, 3, 20, 10), date(2026, 4, 7)),  # day 14 is Good Friday; Easter Monday too
        (at(2026, 12, 10, 10), date(2026, 12, 28)),  # julafton, juldagen, annandag, weekend
        (at(2026, 12, 18, 10), date(2027, 1, 4)),  # nyårsafton, nyårsdagen, weekend
        (at(2026, 11, 7, 12), date(2026, 11, 23)),  # day 14 is a Saturday
    ],
)
def test_preliminary_assessment_is_due_fourteen_days_after_receipt_moved_past_days_off(
    received: datetime, due: date
) -> None:
    assert rules.preliminary_assessment_due(received) == due


@pytest.mark.parametrize(
    ("opened", "due"),
    [
        (date(2026, 1, 12), date(2026, 5, 12)),
        (date(2026, 2, 28), date(2026, 6, 29)),  # 28 June 2026 is a Sunday
        (date(2025, 10, 31), date(2026, 3, 2)),  # no 31 February: the 28th, a Saturday
    ],
)
def test_investigation_is_due_four_months_after_it_was_opened(opened: date, due: date) -> None:
    assert rules.investigation_due(opened) == due


@pytest.mark.parametrize(
    ("decided", "due"),
    [
        (date(2026, 11, 20), date(2026, 11, 27)),  # Friday to Friday: the decision day is not counted
        (date(2026, 12, 17), date(2026, 12, 28)),  # lands on julafton
    ],
)
def test_lvu_court_referral_is_due_one_week_after_the_decision(decided: date, due: date) -> None:
    assert rules.lvu_court_referral_due(decided) == due


@pytest.mark.parametrize(
    ("executed", "due"),
    [
        (date(2026, 11, 20), date(2026, 12, 18)),
        (date(2026, 5, 22), date(2026, 6, 22)),  # lands on midsommarafton
    ],
)
def test_lvu_care_application_is_due_four_weeks_after_custody_was_carried_out(executed: date, due: date) -> None:
    assert rules.lvu_care_application_due(executed) == due


def test_lvu_review_is_due_six_months_after_care_began() -> None:
    assert rules.lvu_review_due(date(2026, 6, 24)) == date(2026, 12, 28)  # 24 Dec is julafton


def test_reporter_feedback_is_due_a_week_after_the_preliminary_decision() -> None:
    assert rules.reporter_feedback_due(date(2026, 3, 27)) == date(2026, 4, 7)  # Good Friday, Easter Monday
