"""The clocks of lag (2024:79), 14 § LVU and the police's placement, past Swedish days off.

`core.calendar` moves a last day off a Saturday, Sunday, public holiday, midsommarafton, julafton or
nyårsafton (Lag 1930:173); the police's placement is "genast" and is never moved (the social emergency
service works every day). The dates below are counted from that calendar.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from conftest import World
from deadlines import rules
from deadlines.models import Deadline, DeadlineKind
from protection.tests.measuring import provider, second_guardian, shelter, shelter_input

SWEDEN = ZoneInfo("Europe/Stockholm")


@pytest.mark.parametrize(
    ("placed_at", "due"),
    [
        (datetime(2026, 11, 28, 22, 0, tzinfo=SWEDEN), date(2026, 11, 29)),  # Saturday night: Sunday
        (datetime(2026, 11, 28, 10, 0, tzinfo=SWEDEN), date(2026, 11, 28)),  # Saturday morning: that day
        (datetime(2026, 12, 24, 20, 0, tzinfo=SWEDEN), date(2026, 12, 25)),  # julafton evening: juldagen
        (datetime(2026, 12, 31, 23, 30, tzinfo=ZoneInfo("UTC")), date(2027, 1, 1)),  # 00:30 on nyårsdagen in Sweden
    ],
)
def test_the_committees_decision_after_the_police_placement_is_due_at_once_whatever_the_day(
    placed_at: datetime, due: date
) -> None:
    assert rules.police_placement_decision_due(placed_at) == due


@pytest.mark.parametrize(
    ("decided", "due"),
    [
        (date(2026, 11, 30), date(2026, 12, 7)),  # an ordinary week
        (date(2026, 12, 17), date(2026, 12, 28)),  # julafton, juldagen, annandag jul (a Saturday), Sunday
        (date(2026, 12, 24), date(2027, 1, 4)),  # nyårsafton, nyårsdagen, a weekend
        (date(2026, 10, 24), date(2026, 11, 2)),  # alla helgons dag on a Saturday, then Sunday
    ],
)
def test_an_immediate_shelter_is_referred_to_the_court_within_a_week(decided: date, due: date) -> None:
    assert rules.shelter_court_referral_due(decided) == due


@pytest.mark.parametrize(
    ("decided", "due"),
    [
        (date(2027, 2, 12), date(2027, 3, 30)),  # långfredagen, a weekend, annandag påsk
        (date(2026, 2, 20), date(2026, 4, 7)),  # the same over 2026's Easter
        (date(2026, 5, 8), date(2026, 6, 22)),  # midsommarafton, midsommardagen, Sunday
        (date(2026, 11, 30), date(2027, 1, 11)),  # an ordinary Monday
    ],
)
def test_the_application_for_skyddat_boende_is_due_within_six_weeks(decided: date, due: date) -> None:
    assert rules.shelter_application_due(decided) == due


@pytest.mark.parametrize(
    ("from_day", "due"),
    [
        (date(2026, 12, 25), date(2027, 6, 28)),  # midsommarafton 2027, then a weekend
        (date(2026, 8, 31), date(2027, 3, 1)),  # no 31 February: the 28th, a Sunday
        (date(2026, 12, 2), date(2027, 6, 2)),
    ],
)
def test_skyddat_boende_is_considered_every_six_months(from_day: date, due: date) -> None:
    assert rules.shelter_review_due(from_day) == due


@pytest.mark.parametrize(
    ("from_day", "due"),
    [
        (date(2026, 9, 13), date(2026, 12, 14)),  # 13 December is a Sunday: Monday
        (date(2026, 11, 30), date(2027, 3, 1)),  # no 30 February: the 28th, a Sunday
        (date(2026, 9, 24), date(2026, 12, 28)),  # julafton, juldagen, annandag jul, Sunday
        (date(2026, 9, 2), date(2026, 12, 2)),
    ],
)
def test_a_secret_whereabouts_is_considered_every_three_months(from_day: date, due: date) -> None:
    assert rules.lvu_secret_review_due(from_day) == due


@pytest.mark.django_db
def test_the_clocks_start_from_the_recorded_decision_over_alla_helgons_dag(world: World, delegation: dict) -> None:
    father = second_guardian(world)
    shelter(world, shelter_input(world, provider(), other_guardian_id=father.pk, decided_on=date(2026, 10, 24)))
    due = {d.kind: (d.started_on, d.due_on) for d in Deadline.objects.all()}
    assert due == {
        DeadlineKind.SHELTER_COURT_REFERRAL: (date(2026, 10, 24), date(2026, 11, 2)),
        DeadlineKind.SHELTER_APPLICATION: (date(2026, 10, 24), date(2026, 12, 7)),  # 5 December is a Saturday
        DeadlineKind.SHELTER_REVIEW: (date(2026, 10, 24), date(2027, 4, 26)),  # 24 April 2027 is a Saturday
    }
    bases = {d.kind: d.legal_basis and d.legal_basis.key for d in Deadline.objects.select_related("legal_basis")}
    assert bases == {
        DeadlineKind.SHELTER_COURT_REFERRAL: "shelter-court-referral",
        DeadlineKind.SHELTER_APPLICATION: "shelter-application-time",
        DeadlineKind.SHELTER_REVIEW: "shelter-review",
    }
