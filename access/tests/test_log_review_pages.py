"""Asking the access log: who saw this child, what did this user do, and a random sample (stickprov)."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.log import write_access_events
from access.models import AccessAction, AccessEvent
from access.review import LogQuestion, sample_log, search_log
from conftest import World
from core.identity import synthetic_identity_number


def _client(world: World, username: str) -> Client:
    client = Client()
    client.force_login(world.user(username))
    return client


def _ask(client: Client, **fields: Any) -> str:
    today = timezone.localdate()
    data = {"first_day": (today - timedelta(days=7)).isoformat(), "last_day": today.isoformat(), **fields}
    response = client.post(reverse("access:access_log"), data)
    assert response.status_code == 200
    return response.content.decode()


def _read(world: World, username: str, case_attr: str, times: int = 1) -> None:
    case = getattr(world, case_attr)
    for _ in range(times):
        write_access_events(
            Actor(world.user(username)),
            action=AccessAction.VIEW,
            view_name="case.overview",
            subjects=[(case.child_id, case.pk)],
        )


def _question(**kwargs: Any) -> LogQuestion:
    today = timezone.localdate()
    return LogQuestion(first_day=today - timedelta(days=1), last_day=today, **kwargs)


def test_the_log_reviewer_finds_who_saw_a_child_by_identity_number(world: World) -> None:
    _read(world, "hanna", "own_case")
    _read(world, "sara", "other_team_case")
    page = _ask(_client(world, "lars"), identity_number=world.own_case.child.identity_number)
    assert "hanna" in page and world.own_case.reference in page
    assert "sara" not in page
    # Asking names the child, so the question itself is logged against the child.
    asked = AccessEvent.objects.get(view_name="access_log.search")
    assert (asked.username, asked.action, asked.person_id) == ("lars", "search", world.own_case.child_id)


def test_the_identity_number_never_lands_in_the_url_or_the_page(world: World) -> None:
    number = world.own_case.child.identity_number
    assert number
    page = _ask(_client(world, "lars"), identity_number=number)
    assert number not in page.replace(f'value="{number}"', "")  # only echoed back into its own input
    assert "?" not in reverse("access:access_log")


def test_a_unit_manager_sees_only_rows_about_their_unit(world: World) -> None:
    _read(world, "hanna", "own_case")
    _read(world, "sara", "other_team_case")  # Söder's staff in Söder's case: not Norr's business
    client = _client(world, "karin")
    assert "sara" not in _ask(client)
    assert "sara" not in _ask(client, identity_number=world.other_team_case.child.identity_number)
    assert "hanna" in _ask(client, username="hanna")


def test_a_number_nobody_has_finds_nothing_and_says_no_more(world: World) -> None:
    _read(world, "hanna", "own_case")
    nobody = synthetic_identity_number(date(2009, 1, 1), 999).display
    page = _ask(_client(world, "lars"), identity_number=nobody)
    assert "Inga händelser matchar frågan." in page
    assert "hanna" not in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"identity_number": "20111304-1234"}, "personnummer"),
        ({"first_day": "2026-05-02", "last_day": "2026-05-01"}, "Periodens slut kan inte vara före dess början."),
        ({"first_day": "inte ett datum"}, "Fyll i ett giltigt datum."),
    ],
)
def test_bad_questions_get_a_message_and_no_rows(world: World, fields: dict[str, str], message: str) -> None:
    _read(world, "hanna", "own_case")
    page = _ask(_client(world, "lars"), **fields)
    assert message.lower() in page.lower()
    assert "case.overview" not in page
    assert not AccessEvent.objects.filter(view_name__startswith="access_log").exists()


def test_pages_follow_on_without_overlap(world: World) -> None:
    _read(world, "hanna", "own_case", times=130)
    actor = Actor(world.user("lars"))
    first = search_log(actor, _question(username="hanna"))
    assert len(first.rows) == 100 and first.next_cursor is not None
    second = search_log(actor, _question(username="hanna"), older_than=first.next_cursor)
    assert len(second.rows) == 30 and second.next_cursor is None
    seen = [row.event.pk for row in first.rows + second.rows]
    assert len(set(seen)) == 130
    assert seen == sorted(seen, reverse=True)


def test_the_older_button_carries_the_question_on(world: World) -> None:
    _read(world, "hanna", "own_case", times=101)
    _read(world, "olle", "own_case", times=5)
    client = _client(world, "lars")
    first = search_log(Actor(world.user("lars")), _question(username="hanna"))
    assert first.next_cursor is not None
    page = _ask(client, username="hanna", fore=first.next_cursor.encode())
    assert page.count("<td>hanna</td>") == 1
    assert "olle" not in page


def test_a_sample_is_random_repeatable_and_only_of_what_matches(world: World) -> None:
    _read(world, "hanna", "own_case", times=200)
    _read(world, "olle", "own_case", times=200)
    actor = Actor(world.user("lars"))
    sample = sample_log(actor, _question(username="olle"), seed=4711)
    ids = [row.event.pk for row in sample.rows]
    assert 0 < len(ids) <= 25
    assert {row.event.username for row in sample.rows} == {"olle"}
    assert ids == [row.event.pk for row in sample_log(actor, _question(username="olle"), seed=4711).rows]
    assert ids != [row.event.pk for row in sample_log(actor, _question(username="olle"), seed=4712).rows]


def test_the_sample_button_names_its_number(world: World) -> None:
    _read(world, "hanna", "own_case", times=40)
    page = _ask(_client(world, "lars"), stickprov="1", seed="123")
    assert "Stickprov nr 123" in page
    assert AccessEvent.objects.filter(view_name="access_log.sample", username="lars").count() == 1


def test_nobody_else_may_ask_the_log(world: World) -> None:
    _read(world, "hanna", "own_case")
    for name in ("hanna", "sara", "anna"):
        response = _client(world, name).post(reverse("access:access_log"), {"first_day": "2026-01-01"})
        assert response.status_code == 404
    assert not AccessEvent.objects.filter(view_name__startswith="access_log").exists()


def test_a_page_of_the_log_costs_the_same_queries_however_many_rows(world: World) -> None:
    actor = Actor(world.user("lars"))
    counts = []
    for more_reads in (3, 60):
        _read(world, "hanna", "own_case", times=more_reads)
        _read(world, "olle", "protected_case", times=more_reads)
        with CaptureQueriesContext(connection) as queries:
            search_log(actor, _question(emergency_only=False))
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_log_reads_in_names_and_plain_words_and_the_names_shown_are_logged(world: World) -> None:
    """Audit, point 6: not "unit_manager", "case.overview" and "Person-id 145"."""
    world.user("hanna").first_name, world.user("hanna").last_name = "Hanna", "Lind"
    world.user("hanna").save()
    _read(world, "hanna", "own_case")
    _read(world, "hanna", "protected_case")
    page = _ask(_client(world, "lars"), username="hanna")
    assert "Hanna Lind (hanna)" in page and "Handläggare" in page and "Ärendets sida" in page
    assert "Elias Berg" in page  # the child whose case was read
    assert "Alva" not in page and "Skyddad person" in page  # lars is not named for the protected child
    assert "caseworker" not in page and "case.overview" not in page
    named = AccessEvent.objects.filter(username="lars", view_name="access_log.names")
    assert set(named.values_list("person_id", flat=True)) == {
        world.own_case.child_id,
        world.protected_case.child_id,
    }
