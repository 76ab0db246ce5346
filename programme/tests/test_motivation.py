"""The child's motivation over time, in their own words, shown as a chart with a table of the same values."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from access.actor import Actor
from conftest import World, signed_in
from programme.models import MotivationRecord
from programme.motivation import MotivationInput, motivation_record
from programme.tests.helpers import days_ago, raised

pytestmark = pytest.mark.django_db


def _heard(world: World, participation: object, stage: str, days: int, words: str = "Jag vet inte.") -> None:
    motivation_record(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        participation_id=participation.public_id,  # type: ignore[attr-defined]
        data=MotivationInput(stage=stage, child_words=words, heard_on=days_ago(days)),
    )


def test_motivation_needs_a_stage_the_childs_words_and_a_day_after_first_contact(world: World) -> None:
    participation = raised(world, days=10)
    with pytest.raises(ValidationError) as refused:
        motivation_record(
            actor=Actor.system(world.user("hanna")),
            case_public_id=world.own_case.public_id,
            participation_id=participation.public_id,
            data=MotivationInput(stage="eager", child_words="  ", heard_on=days_ago(11)),
        )
    assert set(refused.value.error_dict) == {"stage", "child_words", "heard_on"}
    assert not MotivationRecord.objects.exists()


def test_the_trend_is_drawn_in_time_order_and_tabled_beside_it(world: World) -> None:
    participation = raised(world, days=30)
    _heard(world, participation, "not-considering", 28, "Jag har inga problem.")
    _heard(world, participation, "ambivalent", 14)
    _heard(world, participation, "preparing", 2, "Jag vill bort härifrån.")
    html = (
        signed_in(world.user("hanna"))
        .get(reverse("programme:participation", args=[world.own_case.public_id, participation.public_id]))
        .content.decode()
    )
    assert '<svg class="u-chart"' in html and "<polyline" in html
    assert html.index("Jag har inga problem.") < html.index("Jag vill bort härifrån.")
    assert "3/5" in html and "1/5" in html
    # Higher on the way out is higher on the chart: the last dot's y is the smallest.
    page_dots = [int(part.split(",")[1]) for part in html.split('points="')[1].split('"')[0].split()]
    assert page_dots[0] > page_dots[1] > page_dots[2]
