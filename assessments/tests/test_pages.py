"""The assessments' pages and API: change per domain as a chart with its table, in a fixed number of
queries however many assessments a child has."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.services import AnswerInput
from assessments.tests.helpers import answers, assessed
from conftest import World

pytestmark = pytest.mark.django_db


def _client(world: World, user: str = "hanna") -> Client:
    client = Client()
    client.force_login(world.user(user))
    return client


def test_change_per_domain_is_a_chart_with_its_table(world: World) -> None:
    assessed(world, days_ago=60, answers=answers(**{"rs-skola-risk": AnswerInput(value="3")}))
    assessed(world, days_ago=0, answers=answers(**{"rs-skola-risk": AnswerInput(value="1")}))
    html = _client(world).get(reverse("assessments:assessment_list", args=[world.own_case.public_id])).content.decode()
    assert html.count("<svg") == 6  # the five areas of risk and protective factors, and the child's safety
    assert "3 · Finns tydligt" in html and "1 · Inga kända" in html
    assert "Barnet: Jag är rädd när jag går hem." in html


@pytest.mark.parametrize("route", ["assessments:assessment_list", "api:assessment_list"])
def test_the_same_number_of_queries_however_many_assessments(world: World, route: str) -> None:
    client = _client(world)
    url = reverse(route, args=[world.own_case.public_id])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    queries()  # the session's first request renews it: not the page's own work
    first = assessed(world, days_ago=30)
    assessed(world, days_ago=20, corrects=str(first.public_id), correction_reason="Fel dag.")
    two = queries()
    for days in range(10):
        assessed(world, days_ago=days)
    assert queries() == two


def test_the_api_gives_ids_and_values_the_childs_answers_marked_as_the_childs(world: World) -> None:
    made = assessed(world)
    body = _client(world).get(reverse("api:assessment_list", args=[world.own_case.public_id])).json()
    (only,) = body["assessments"]
    assert only["id"] == str(made.public_id) and only["instrument"] == "utvag-oppen"
    child = [r for r in only["ratings"] if r["respondent"] == "child"]
    assert child == [
        {
            "item": "barn-trygghet",
            "domain": "barn-trygghet",
            "respondent": "child",
            "value": 1,
            "comment": "Jag är rädd när jag går hem.",
        }
    ]


def test_the_case_page_links_to_the_assessments(world: World) -> None:
    html = _client(world).get(reverse("casefile:case_detail", args=[world.own_case.public_id])).content.decode()
    assert reverse("assessments:assessment_list", args=[world.own_case.public_id]) in html
