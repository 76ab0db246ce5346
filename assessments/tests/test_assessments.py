"""Recording an assessment: bad input refused with every reason at once, nothing half-saved, the attempt
logged; who may assess; append-only; corrections."""

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import translation

from access.actor import Actor
from access.models import AccessEvent
from assessments.models import Assessment, Rating
from assessments.services import AnswerInput, assessment_record
from assessments.tests.helpers import answers, assessed, data, open_instrument
from conftest import World, grant_emergency

pytestmark = pytest.mark.django_db


def _refused(world: World, user: str = "hanna", **changes: Any) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        assessment_record(
            actor=Actor.system(world.user(user)), case_public_id=world.own_case.public_id, data=data(**changes)
        )
    return caught.value


def _codes(error: ValidationError) -> dict[str, list[str]]:
    return {name: [e.code for e in errors] for name, errors in error.error_dict.items()}  # type: ignore[misc]


def test_an_assessment_is_saved_whole_with_the_childs_own_part(world: World) -> None:
    made = assessed(world)
    assert made.instrument == open_instrument()
    ratings = {r.item.key: (r.value, r.comment) for r in Rating.objects.filter(assessment=made).select_related("item")}
    assert len(ratings) == 11
    assert ratings["barn-trygghet"] == (1, "Jag är rädd när jag går hem.")
    assert made.child_part == "answered"


def test_a_rating_outside_the_scale_is_refused_in_swedish_and_english_nothing_saved_and_logged(world: World) -> None:
    with translation.override("sv"):
        error = _refused(world, answers=answers(**{"rs-individ-risk": AnswerInput(value="7")}))
    assert _codes(error) == {"item-rs-individ-risk": ["out_of_scale"]}
    assert "7 finns inte på frågans skala. Välj ett av: 1 (Inga kända), 2" in error.messages[0]
    with translation.override("en"):
        english = _refused(world, answers=answers(**{"rs-individ-risk": AnswerInput(value="7")}))
    assert "7 is not on the item's scale. Choose one of: 1 (None known), 2" in english.messages[0]
    assert not Assessment.objects.exists() and not Rating.objects.exists()
    refused = AccessEvent.objects.filter(action="refused", view_name="assessments.assessment")
    reasons = list(refused.values_list("reason", "case_id"))
    assert reasons == [("item-rs-individ-risk:out_of_scale", world.own_case.pk)] * 2


def test_every_problem_is_told_at_once(world: World) -> None:
    bad = answers(
        **{
            "rs-skola-risk": AnswerInput(value="x"),
            "okand": AnswerInput(value="1"),
            "barn-vad-jag-vill": AnswerInput(value="2"),
        }
    )
    del bad["rs-familj-skydd"]
    error = _refused(world, answers=bad, assessed_on=None, child_part="")
    assert _codes(error) == {
        "__all__": ["unknown_item"],
        "assessed_on": ["required"],
        "item-rs-skola-risk": ["out_of_scale"],
        "item-rs-familj-skydd": ["required"],
        "item-barn-vad-jag-vill": ["no_scale"],
        "child_part": ["child_part"],
    }
    assert not Assessment.objects.exists()


@pytest.mark.parametrize(
    ("child_part", "note", "child_answers", "code"),
    [
        ("answered", "", False, ("child_part", "child_empty")),
        ("declined", "", True, ("child_part", "child_answers")),
        ("not-asked", "", False, ("child_part_note", "required")),
    ],
)
def test_the_childs_part_is_the_childs_choice_but_never_left_unsaid(
    world: World, child_part: str, note: str, child_answers: bool, code: tuple[str, str]
) -> None:
    given = answers() if child_answers else {k: v for k, v in answers().items() if not k.startswith("barn-")}
    error = _refused(world, answers=given, child_part=child_part, child_part_note=note)
    assert _codes(error) == {code[0]: [code[1]]}


def test_a_child_who_declines_is_recorded_as_declining(world: World) -> None:
    given = {k: v for k, v in answers().items() if not k.startswith("barn-")}
    made = assessed(world, answers=given, child_part="declined")
    assert made.child_part == "declined"


def test_who_may_assess(world: World) -> None:
    assert assessed(world, user="bo").assessed_by == world.user("bo")  # treatment staff assess too
    for user in ("fia", "adam"):
        with pytest.raises(PermissionDenied):
            assessed(world, user=user)
    with pytest.raises(Http404):
        assessed(world, user="sara")  # another team's case
    with pytest.raises(Http404):
        assessed(world, user="olle", case=world.protected_case)  # a protected child he is not named for
    grant_emergency(world.user("sara"), world.own_case)
    with pytest.raises(Http404):
        assessed(world, user="sara")  # emergency access reads, never changes
    assert AccessEvent.objects.filter(action="denied", view_name="assessments.assessment").count() == 5
    assert Assessment.objects.count() == 1


def test_assessments_and_ratings_are_append_only(world: World) -> None:
    made = assessed(world)
    for statement in (
        lambda: Assessment.objects.filter(pk=made.pk).update(assessed_on="2020-01-01"),
        lambda: Rating.objects.filter(assessment=made).update(value=3),
        lambda: Rating.objects.filter(assessment=made).delete(),
        lambda: open_instrument().items.update(text="Ändrad"),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            statement()


def test_a_correction_is_a_new_assessment_naming_what_it_corrects(world: World) -> None:
    first = assessed(world)
    error = _refused(world, corrects=str(first.public_id))
    assert _codes(error) == {"correction_reason": ["required"]}
    second = assessed(world, corrects=str(first.public_id), correction_reason="Fel värde för skolan.")
    assert second.corrects == first
    error = _refused(world, corrects=str(first.public_id), correction_reason="Igen.")
    assert _codes(error) == {"__all__": ["corrected"]}
    page = Client()
    page.force_login(world.user("hanna"))
    html = page.get(
        reverse("assessments:assessment", args=[world.own_case.public_id, first.public_id])
    ).content.decode()
    assert "Rättad av bedömningen" in html


def test_the_form_shows_every_error_and_the_scale_as_radio_groups(world: World) -> None:
    client = Client()
    client.force_login(world.user("hanna"))
    url = reverse("assessments:assessment_new", args=[world.own_case.public_id])
    page = client.get(url).content.decode()
    assert page.count('<fieldset class="ds-fieldset"') == 34  # 30 of the worker's, 3 of the child's, the child's part
    response = client.post(url, {"assessed_on": "", "item-rs-individ-risk": "9"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_item-rs-individ-risk_0"' in html and "9 finns inte på frågans skala" in html
    assert html.count("Välj ett värde: frågan måste besvaras.") == 9 * 2  # in the summary and by the field
    assert not Assessment.objects.exists()
