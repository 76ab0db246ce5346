"""A page writes its log rows together: the case and what it shows with it, in one grant lookup and one
insert, committed with the read or rolled back with it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from access.actor import Actor
from access.models import AccessEvent
from access.reads import reading_case
from conftest import World, grant_emergency, signed_in

pytestmark = pytest.mark.django_db


def test_the_case_page_looks_up_grants_once_for_the_case_and_its_relatives(world: World) -> None:
    client = signed_in(world.user("hanna"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("casefile:case_detail", args=[world.own_case.public_id])).status_code == 200
    # The visibility rule's own subquery names the table too; the log's lookup is a query of its own.
    grant_lookups = [q for q in queries.captured_queries if q["sql"].startswith('SELECT "access_emergencyaccess"')]
    assert len(grant_lookups) == 1
    assert AccessEvent.objects.count() == 2  # the case, and the guardian shown with it


def test_rows_written_through_a_grant_are_flagged_in_a_batch_too(world: World) -> None:
    grant_emergency(world.user("sara"), world.own_case)
    signed_in(world.user("sara")).get(reverse("casefile:case_detail", args=[world.own_case.public_id]))
    rows = AccessEvent.objects.filter(username="sara").values_list("view_name", "emergency")
    assert sorted(rows) == [("case.overview", True), ("case.overview.related", True)]


def test_a_read_that_fails_leaves_none_of_its_rows(world: World) -> None:
    actor = Actor.system(world.user("hanna"))
    with pytest.raises(RuntimeError), reading_case(actor, world.own_case.public_id, view_name="test.read"):
        raise RuntimeError("the page broke after the read")
    assert not AccessEvent.objects.exists()


def test_a_refused_read_keeps_its_denied_row(world: World) -> None:
    response = signed_in(world.user("sara")).get(reverse("casefile:case_detail", args=[world.own_case.public_id]))
    assert response.status_code == 404
    assert list(AccessEvent.objects.values_list("action", "case_id")) == [("denied", world.own_case.pk)]
