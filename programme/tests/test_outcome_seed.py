"""The demo's outcomes: every seeded municipality has them, in the proportions of a programme that
loses touch with some children over time, with the child's own rating mostly known."""

import random
from collections import Counter
from datetime import date, timedelta

import pytest
from django.core.management import call_command

from demo.programme_outcomes import occasions_recorded
from programme.models import EndReason, Participation
from programme.occasions import Status, occasions
from programme.outcome_models import OutcomeRecord, OutcomeValue

TODAY = date(2026, 11, 23)


def test_most_baselines_are_recorded_fewer_follow_ups_and_none_after_a_move() -> None:
    rng = random.Random(3)
    participations = [
        Participation(raised_on=TODAY - timedelta(days=rng.randint(10, 900)), end_reason="") for _ in range(600)
    ]
    for p in participations[:150]:
        p.ended_on, p.end_reason = p.raised_on + timedelta(days=100), rng.choice(EndReason.values[:4])
    chosen = occasions_recorded(random.Random(1), participations, TODAY)
    come: Counter[str] = Counter(
        d.occasion.value
        for p in participations
        for d in occasions(p, set(), TODAY)
        if d.status not in (Status.UPCOMING, Status.ELSEWHERE)
    )
    made = Counter(occasion for _p, occasion, _day in chosen)
    share = {occasion: made[occasion] / come[occasion] for occasion in ("entry", "entry-6", "entry-12", "entry-24")}
    assert 0.85 < share["entry"] < 0.95
    assert share["entry"] > share["entry-6"] > share["entry-12"] > share["entry-24"] > 0.4
    moved = [p for p in participations if p.end_reason in (EndReason.MOVED, EndReason.TAKEN_OVER)]
    assert not [o for p, o, day in chosen if p in moved and p.ended_on and day > p.ended_on + timedelta(days=31)]
    assert all(day <= TODAY for _p, _o, day in chosen)


@pytest.mark.django_db
def test_the_seeded_municipality_has_outcomes_with_the_childs_own_rating() -> None:
    call_command("seed", "--scale", "demo", "--today", TODAY.isoformat())
    records = OutcomeRecord.objects.all()
    assert records.exists()
    ratings = OutcomeValue.objects.filter(field__key="own_safety")
    assert ratings.count() > 0.7 * records.count()
    assert set(ratings.values_list("number", flat=True)) <= {1, 2, 3, 4, 5}
    assert all(r.recorded_on <= TODAY and r.recorded_by_id for r in records)


@pytest.mark.django_db
def test_the_seeded_municipality_has_a_few_care_plans_each_resting_on_the_law_of_its_day() -> None:
    from programme.care_plan_models import CarePlan

    call_command("seed", "--scale", "demo", "--today", TODAY.isoformat())
    plans = list(CarePlan.objects.select_related("legal_basis", "participation"))
    carrying_out = Participation.objects.filter(transitions__phase__code="plan", ended_on__isnull=True).distinct()
    assert 0 < len(plans) < carrying_out.count() / 3  # away from home: the few, not the many
    assert all(p.legal_basis.key == "care-plan" and p.participation.raised_on <= p.made_on <= TODAY for p in plans)
    assert all(p.goal and p.child_view and p.guardians_view for p in plans)
