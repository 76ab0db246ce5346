"""The casework pages: constant queries as a case grows, journal autosave, and nothing typed is lost."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import World, signed_in
from demo.growth import grow_casework
from journal.models import JournalEntry

pytestmark = pytest.mark.django_db


def _client(world: World, username: str = "hanna") -> Client:
    return signed_in(world.user(username))


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("route", ["casefile:case_timeline", "casefile:case_detail", "journal:journal"])
def test_case_pages_keep_a_constant_number_of_queries_from_10_to_1000_events(world: World, route: str) -> None:
    client = _client(world)
    url = reverse(route, args=[world.own_case.public_id])
    grow_casework(world.own_case, world.user("hanna"), 10)
    small = _queries(client, url)
    grow_casework(world.own_case, world.user("hanna"), 990)
    assert _queries(client, url) == small


def test_the_work_queue_keeps_a_constant_number_of_queries(world: World) -> None:
    client = _client(world)
    grow_casework(world.own_case, world.user("hanna"), 10)
    small = _queries(client, reverse("deadlines:work_queue"))
    grow_casework(world.protected_case, world.user("hanna"), 990)
    assert _queries(client, reverse("deadlines:work_queue")) == small


def test_the_timeline_shows_every_kind_of_event_in_order(world: World) -> None:
    grow_casework(world.own_case, world.user("hanna"), 10)
    page = _client(world).get(reverse("casefile:case_timeline", args=[world.own_case.public_id])).content.decode()
    for label in ("Aktualisering", "Skyddsbedömning", "Beslut", "Journalanteckning", "Frist"):
        assert label in page, label
    assert page.index("Oro nummer 0.") < page.index("Oro nummer 1.")


def test_autosave_keeps_one_draft_and_answers_with_a_status_line(world: World) -> None:
    client = _client(world)
    url = reverse("journal:journal_save", args=[world.own_case.public_id])
    first = client.post(url, {"body": "Samtal med Elias"}, headers={"HX-Request": "true"})
    assert first.status_code == 200 and "Utkastet sparades" in first.content.decode()
    draft = JournalEntry.objects.get()
    client.post(url, {"body": "Samtal med Elias i skolan", "entry": draft.public_id}, headers={"HX-Request": "true"})
    draft.refresh_from_db()
    assert JournalEntry.objects.count() == 1 and draft.body == "Samtal med Elias i skolan"


def test_a_failed_save_shows_the_text_again_and_says_it_is_not_saved(world: World) -> None:
    client = _client(world)
    text = "Viktig anteckning " + "x" * 20_000
    response = client.post(reverse("journal:journal_save", args=[world.own_case.public_id]), {"body": text})
    assert response.status_code == 422
    page = response.content.decode()
    assert "Texten är inte sparad" in page and "Viktig anteckning" in page
    assert not JournalEntry.objects.exists()


def test_signing_locks_the_entry_and_a_correction_keeps_the_original_readable(world: World) -> None:
    client = _client(world)
    url = reverse("journal:journal_save", args=[world.own_case.public_id])
    client.post(url, {"body": "Träffade Elias måndag.", "sign": "1"})
    original = JournalEntry.objects.get()
    assert original.signed_at is not None
    response = client.post(url, {"body": "Ändrat i efterhand", "entry": original.public_id})
    assert response.status_code == 422  # the page again, with the refusal and the text as typed
    original.refresh_from_db()
    assert original.body == "Träffade Elias måndag."
    client.post(url, {"body": "Rättelse: det var tisdag.", "corrects": original.public_id, "sign": "1"})
    page = client.get(reverse("journal:journal", args=[world.own_case.public_id])).content.decode()
    assert "Träffade Elias måndag." in page and "Rättelse: det var tisdag." in page
    assert "Rättad, se senare anteckning" in page


def test_registering_a_likely_duplicate_asks_for_confirmation_and_keeps_what_was_typed(world: World) -> None:
    client = _client(world)
    data = {
        "kind": "police",
        "received_at": "2026-11-20T21:40",
        "given_name": "Elias",
        "family_name": "Berg",
        "birth_date": "2011-03-04",
        "reporter_type": "mandatory",
        "content": "Gripen efter ett rån.",
    }
    first = client.get(reverse("intake:signal_new")).content.decode()
    assert "Jag har kontrollerat" not in first
    response = client.post(reverse("intake:signal_new"), data)
    page = response.content.decode()
    assert response.status_code == 200 and "Det finns redan ett barn" in page and "Gripen efter ett rån." in page
    assert client.post(reverse("intake:signal_new"), {**data, "not_a_duplicate": "on"}).status_code == 302
