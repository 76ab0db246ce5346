"""Emergency access asked for by number, from the search and the not-found page (audit point 4).

The user has a personnummer and no case. A child of another team opens, for a stated reason, through
a grant that is logged and reviewed. Every other number gets the same page with the same queries:
unknown, a person with no case of their own, a protected child. Nothing tells a protected child apart.
"""

import re
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from access.models import AccessAction, AccessEvent, EmergencyAccess
from conftest import World
from core.identity import synthetic_identity_number
from people.models import Person

pytestmark = pytest.mark.django_db
URL = reverse("access:emergency_access_by_number")
REASON = "Barnet är hos oss nu och säger att det hotas, ansvarigt team svarar inte."


def _client(world: World, name: str) -> Client:
    client = Client()
    client.force_login(world.user(name))
    return client


def _number(person: Person) -> str:
    assert person.identity_number
    return str(person.identity_number)


def test_a_child_of_another_team_opens_through_a_logged_grant(world: World) -> None:
    response = _client(world, "sara").post(URL, {"identity_number": _number(world.own_case.child), "reason": REASON})
    assert response.status_code == 302
    assert response["Location"] == reverse("casefile:case_detail", args=[world.own_case.public_id])
    grant = EmergencyAccess.objects.get(user=world.user("sara"))
    assert grant.case == world.own_case and grant.reason == REASON
    started = AccessEvent.objects.get(action=AccessAction.EMERGENCY_START)
    assert (started.case_id, started.emergency, started.view_name) == (world.own_case.pk, True, "case.emergency.number")
    assert _client(world, "sara").get(response["Location"]).status_code == 200


def _refusals(world: World) -> dict[str, str]:
    return {
        "unknown": synthetic_identity_number(date(2012, 2, 2), 990).twelve_digits,
        "no case of their own": _number(world.guardian),
        "protected": _number(world.protected_case.child),
    }


def _shown(content: bytes, number: str) -> str:
    page = content.decode().replace(number, "NUMBER")
    # The CSRF token and the script nonce differ from answer to answer and say nothing about the number.
    page = re.sub(r'nonce="[^"]+"', "", page)
    page = re.sub(r'X-CSRFToken": "[^"]+"', "", page)
    return "\n".join(line for line in page.splitlines() if "csrfmiddlewaretoken" not in line)


def test_every_other_number_gets_the_same_answer_and_a_denied_row(world: World) -> None:
    client = _client(world, "sara")
    client.get(URL)  # the session's first request does work of its own
    pages, queries = {}, {}
    for kind, number in _refusals(world).items():
        with CaptureQueriesContext(connection) as captured:
            response = client.post(URL, {"identity_number": number, "reason": REASON})
        assert response.status_code == 200, kind
        pages[kind], queries[kind] = _shown(response.content, number), len(captured)
    assert len(set(pages.values())) == 1, "the answers differ"
    assert len(set(queries.values())) == 1, f"the work behind the answers differs: {queries}"
    assert "Utväg kan inte ge nödåtkomst för det numret" in pages["protected"]
    assert "Skyddade" not in pages["protected"] and world.protected_case.child.family_name not in pages["protected"]
    assert not EmergencyAccess.objects.exists()
    denied = AccessEvent.objects.filter(action=AccessAction.DENIED, view_name="case.emergency.number")
    assert sorted(denied.values_list("person_id", flat=True), key=str) == sorted(
        [None, world.guardian.pk, world.protected_case.child_id], key=str
    )
    assert set(denied.values_list("reason", flat=True)) == {REASON}


def test_named_staff_asking_for_their_own_protected_child_simply_get_the_case(world: World) -> None:
    response = _client(world, "hanna").post(
        URL, {"identity_number": _number(world.protected_case.child), "reason": REASON}
    )
    assert response["Location"] == reverse("casefile:case_detail", args=[world.protected_case.public_id])
    assert not EmergencyAccess.objects.exists()


def test_a_short_reason_and_a_bad_number_are_both_reported_and_nothing_is_written(world: World) -> None:
    before = AccessEvent.objects.count()
    response = _client(world, "sara").post(URL, {"identity_number": "20120202-000", "reason": "Brådskande."})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_identity_number"' in page and 'href="#id_reason"' in page
    assert not EmergencyAccess.objects.exists()
    assert AccessEvent.objects.count() == before


def test_roles_without_case_work_are_refused(world: World) -> None:
    assert _client(world, "lars").get(URL).status_code == 404
    assert (
        _client(world, "lars")
        .post(URL, {"identity_number": _number(world.own_case.child), "reason": REASON})
        .status_code
        == 404
    )
    assert not EmergencyAccess.objects.exists()


def test_the_search_and_the_not_found_page_offer_it_and_no_page_says_to_type_an_address(world: World) -> None:
    client = _client(world, "sara")
    search = client.post(reverse("casefile:person_search"), {"q": "Berg"}).content.decode()
    missing = client.get(reverse("casefile:case_detail", args=[world.own_case.public_id])).content.decode()
    for page in (search, missing):
        assert URL in page
        assert "nodatkomst/ sist" not in page
