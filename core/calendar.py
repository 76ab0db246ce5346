"""Statutory time limits, counted the way Swedish law counts them.

Lag (1930:173) om beräkning av lagstadgad tid: when the last day of a time limit falls on a
Saturday, a Sunday, another public holiday, midsommarafton, julafton or nyårsafton, the act may be
done on the next weekday that is none of those. `holidays` gives the public holidays (PUBLIC) and
exactly those three eves (DE_FACTO).

A limit "within N days/weeks/months of X" ends on X + N (the day of X itself is day 0); months keep
the day number and fall back to the month's last day (31 October + 4 months = 28 February).
"""

import calendar
from datetime import date, timedelta
from functools import cache

import holidays
from holidays.constants import DE_FACTO, PUBLIC


@cache
def _swedish_days_off(year: int) -> holidays.HolidayBase:
    days: holidays.HolidayBase = holidays.country_holidays(
        "SE", years=year, categories=(PUBLIC, DE_FACTO), language="sv"
    )
    return days


def is_day_off(day: date) -> bool:
    """Saturday, Sunday, a public holiday, midsommarafton, julafton or nyårsafton."""
    return day.weekday() >= 5 or day in _swedish_days_off(day.year)


def next_working_day(day: date) -> date:
    """`day` itself when it is a working day, otherwise the first working day after it."""
    while is_day_off(day):
        day += timedelta(days=1)
    return day


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def statutory_deadline(start: date, *, days: int = 0, weeks: int = 0, months: int = 0) -> date:
    """The last day of a time limit running from `start`, moved past days off (Lag 1930:173)."""
    return next_working_day(add_months(start, months) + timedelta(days=days, weeks=weeks))
