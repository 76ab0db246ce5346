"""The law's clocks: Lag (1930:173), Swedish holidays and the eves it names, month arithmetic."""

from datetime import date

import pytest

from core.calendar import add_months, is_day_off, next_working_day, statutory_deadline


@pytest.mark.parametrize(
    ("day", "off"),
    [
        (date(2026, 6, 19), True),  # midsommarafton, a Friday
        (date(2026, 12, 24), True),  # julafton, a Thursday
        (date(2026, 12, 31), True),  # nyårsafton
        (date(2026, 4, 3), True),  # långfredagen
        (date(2026, 4, 6), True),  # annandag påsk
        (date(2026, 11, 21), True),  # a Saturday
        (date(2026, 11, 23), False),  # an ordinary Monday
        (date(2026, 4, 4), True),  # påskafton is a Saturday anyway
        (date(2026, 12, 23), False),  # the day before julafton is a working day
    ],
)
def test_days_off(day: date, off: bool) -> None:
    assert is_day_off(day) is off


@pytest.mark.parametrize(
    ("last_day", "moved_to"),
    [
        (date(2026, 6, 19), date(2026, 6, 22)),  # midsommarafton → Monday after midsommar
        (date(2026, 12, 24), date(2026, 12, 28)),  # julafton, juldagen, annandag, Sunday → Monday
        (date(2026, 12, 31), date(2027, 1, 4)),  # nyårsafton, nyårsdagen, weekend
        (date(2026, 4, 3), date(2026, 4, 7)),  # Easter: långfredag to annandag påsk
        (date(2026, 11, 23), date(2026, 11, 23)),  # a working day stays
    ],
)
def test_a_last_day_off_moves_to_the_next_working_day(last_day: date, moved_to: date) -> None:
    assert next_working_day(last_day) == moved_to


def test_fourteen_days_from_a_friday_evening_report() -> None:
    # Received Friday 20 November 2026: the förhandsbedömning is due Friday 4 December.
    assert statutory_deadline(date(2026, 11, 20), days=14) == date(2026, 12, 4)


def test_four_months_keep_the_day_or_fall_back_to_the_month_end() -> None:
    assert add_months(date(2025, 10, 31), 4) == date(2026, 2, 28)
    assert add_months(date(2027, 10, 31), 4) == date(2028, 2, 29)  # leap year
    assert statutory_deadline(date(2026, 2, 24), months=4) == date(2026, 6, 24)


def test_lvu_one_week_and_four_weeks() -> None:
    decided = date(2026, 12, 17)  # a Thursday
    assert statutory_deadline(decided, weeks=1) == date(2026, 12, 28)  # julafton → after Christmas
    assert statutory_deadline(decided, weeks=4) == date(2027, 1, 14)
