"""A page writes its log rows together: the case and what it shows with it, in one grant lookup and one
insert, committed with the read or rolled back with it."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from access import log
from access.actor import Actor
from access.logchain import verify_access_log
from access.models import AccessAction, AccessEvent
from access.reads import reading_case
from conftest import World, grant_emergency, signed_in

pytestmark = pytest.mark.django_db


def test_the_case_page_looks_up_grants_once_for_the_case_and_its_relatives(world: World) -> None:
    client = signed_in(world.user("hanna"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("casefile:case_detail", args=[world.own_case.public_id])).status_code == 200
    # Her own team's case is read by the plain part of the rule, which asks no grant: the one query that
    # names the grants is the log's (on PostgreSQL together with the rows' ids).
    grant_lookups = [q for q in queries.captured_queries if "access_emergencyaccess" in q["sql"]]
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


def test_the_ids_and_the_grants_come_in_one_query_and_are_what_each_alone_would_be(world: World) -> None:
    """On PostgreSQL the rows' ids and the actor's live grants come in one round trip: the grants are
    `live_grants`' (the case, its child and the child's relatives, by case and by person), the ids new."""
    grant_emergency(world.user("sara"), world.own_case)
    grant_emergency(world.user("sara"), world.protected_case)
    for name in ("sara", "hanna"):
        actor = Actor.system(world.user(name))
        with CaptureQueriesContext(connection) as queries:
            ids, grants = log._ids_and_grants(actor, 3)
        assert grants == log.live_grants(actor, timezone.now()), name
        if connection.vendor == "postgresql":
            assert ids is not None and len(set(ids)) == 3 and list(ids) == sorted(ids)
            assert len(queries) == (2 if grants.by_case else 1)  # the relatives, only when there is a grant
        else:
            assert ids is None  # taken by sign_events from SQLite's counter
    sara = log._ids_and_grants(Actor.system(world.user("sara")), 1)[1]
    assert set(sara.by_case) == {world.own_case.pk, world.protected_case.pk}
    assert world.guardian.pk in sara.by_person  # the child's relative, through the grant to her case


def test_rows_of_one_batch_that_differ_in_every_way_are_stored_as_macd(world: World) -> None:
    """Each column's values are prepared for the database once per write: rows that differ in what,
    why and whether through a grant must still be stored exactly as they were MACed."""
    hanna = Actor(user=world.user("hanna"), ip_address="10.0.0.7")
    nobody = Actor(user=world.user("olle"))  # no address: stored as NULL
    with transaction.atomic(), log.batched():
        log.write_access_events(hanna, action=AccessAction.VIEW, view_name="case.overview", subjects=[(1, 2)])
        log.write_access_events(
            hanna, action=AccessAction.DENIED, view_name="case.close.form", subjects=[(3, 4)], reason="role:close"
        )
        log.write_access_events(hanna, action=AccessAction.LIST, view_name="case.my_work", subjects=[(5, 6), (7, None)])
        log.write_access_events(nobody, action=AccessAction.SEARCH, view_name="person.search", subjects=[])
    rows = list(AccessEvent.objects.order_by("id"))
    assert [(r.username, r.action, r.view_name, r.person_id, r.case_id, r.reason, r.ip_address) for r in rows] == [
        ("hanna", "view", "case.overview", 1, 2, "", "10.0.0.7"),
        ("hanna", "denied", "case.close.form", 3, 4, "role:close", "10.0.0.7"),
        ("hanna", "list", "case.my_work", 5, 6, "", "10.0.0.7"),
        ("hanna", "list", "case.my_work", 7, None, "", "10.0.0.7"),
        ("olle", "search", "person.search", None, None, "", None),
    ]
    assert all(log.event_mac(row) == row.mac for row in rows)
    assert verify_access_log().ok
