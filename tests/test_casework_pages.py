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


def test_the_case_page_shows_the_newest_signals_and_pages_the_older_ones(world: World) -> None:
    from casefile.selectors import OVERVIEW_PAGE

    grow_casework(world.own_case, world.user("hanna"), 1000)  # 200 signals, "Oro nummer 0." the oldest
    client = _client(world)
    url = reverse("casefile:case_detail", args=[world.own_case.public_id])
    first = client.get(url).content.decode()
    assert first.count('aria-labelledby="signal-') == OVERVIEW_PAGE == 10
    assert "?aktualiseringar=2" in first and "?beslut=2" in first
    last = client.get(url, {"aktualiseringar": 200 // OVERVIEW_PAGE}).content.decode()
    assert last.count('aria-labelledby="signal-') == OVERVIEW_PAGE and "?aktualiseringar=19" in last
    assert "?aktualiseringar=21" not in last
    assert client.get(url, {"aktualiseringar": "x"}).status_code == 200  # not a number: the first page


def test_a_custody_waiting_for_the_court_stays_on_the_first_page_however_much_came_after(
    world: World, delegation: dict
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from decisions.tests.test_decisions import decision, record

    day = timezone.localdate() - timedelta(days=400)
    record(world, decision("lvu-6", day, executed_on=day))
    grow_casework(world.own_case, world.user("hanna"), 1000)  # 200 decisions since
    page = _client(world).get(reverse("casefile:case_detail", args=[world.own_case.public_id])).content.decode()
    assert "har underställts förvaltningsrätten" in page  # the button to record the referral


def test_the_timeline_shows_the_newest_events_and_every_older_one_exactly_once_page_by_page(world: World) -> None:
    import re
    from urllib.parse import unquote

    from casefile.timeline import PAGE_EVENTS

    grow_casework(world.own_case, world.user("hanna"), 1000)  # 200 signals, "Oro nummer 0." the oldest
    client = _client(world)
    url = reverse("casefile:case_timeline", args=[world.own_case.public_id])
    first = client.get(url).content.decode()
    assert "Oro nummer 0." not in first
    signals: list[str] = []
    query: dict[str, str] = {}
    for _page in range(2000 // PAGE_EVENTS):  # about 1,400 events in all
        page = client.get(url, query).content.decode()
        events = re.findall(r"<li>(.*?)</li>", page.split('<ol class="u-timeline">')[1].split("</ol>")[0], re.S)
        assert 0 < len(events) <= PAGE_EVENTS
        signals += re.findall(r"Oro nummer (\d+)\.", page)
        older = re.search(r'href="\?fore=([^"&]+)&amp;visade=(\d+)"', page)
        if older is None:
            break
        query = {"fore": unquote(older.group(1)), "visade": older.group(2)}
    assert older is None, "the pages never reached the oldest event"
    assert sorted(signals, key=int) == [str(n) for n in range(200)]  # each once: none lost, none repeated


def test_events_at_the_same_moment_across_a_page_edge_are_neither_lost_nor_repeated() -> None:
    from types import SimpleNamespace

    from django.utils import timezone

    from casefile import timeline

    moment = timezone.now()
    # Clocks due the same day all stand at that day's end: 250 events at one moment, plus 30 earlier.
    events = [timeline.Event(moment, "Frist", f"t{n}", "", "BoU", order=(9, n)) for n in range(250)]
    events += [timeline.Event(moment.replace(year=2020), "Frist", f"e{n}", "", "BoU", order=(9, n)) for n in range(30)]
    case = SimpleNamespace(child=None)
    seen: list[str] = []
    edge = None
    for _page in range(280 // timeline.PAGE_EVENTS + 2):
        page = timeline._page(case, events, edge)  # type: ignore[arg-type]
        seen += [e.title for e in page.events]
        edge = page.older
        if edge is None:
            break
    assert sorted(seen) == sorted(e.title for e in events)


def test_the_journal_shows_its_newest_entries_and_a_correction_of_an_older_one_still_names_it(world: World) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from access.actor import Actor
    from journal.services import journal_draft_save
    from web.paging import PAGE_SIZE

    hanna = Actor.system(world.user("hanna"))
    long_ago = timezone.localdate() - timedelta(days=400)
    first = journal_draft_save(
        actor=hanna, case_public_id=world.own_case.public_id, body="Första mötet.", event_date=long_ago, sign=True
    )
    grow_casework(world.own_case, world.user("hanna"), 1000)  # 200 entries after it
    assert first is not None
    journal_draft_save(
        actor=hanna,
        case_public_id=world.own_case.public_id,
        body="Rättelse av första mötet.",
        sign=True,
        corrects_public_id=first.public_id,
    )
    client = _client(world)
    url = reverse("journal:journal", args=[world.own_case.public_id])
    page = client.get(url).content.decode()
    assert page.count('<li id="entry-') == PAGE_SIZE and "?sida=2" in page
    assert "Rättelse av första mötet." in page and "Första mötet." not in page.replace("Rättelse av första", "")
    assert "Rättelse av anteckningen" in page  # names the original, which is on an older page
