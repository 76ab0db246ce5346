"""Outcomes: recorded against the field definitions, every bad value told at once, append-only with
corrections as new records, read through `access` and logged, and the same queries however many."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection, transaction
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from conftest import World, signed_in
from programme.models import EndReason, Participation
from programme.outcome_models import OutcomeField, OutcomeRecord, OutcomeValue
from programme.outcome_selectors import outcome_page, outcomes_page
from programme.outcomes import value_field
from programme.services import EndInput, participation_end
from programme.tests.helpers import days_ago, raised
from programme.tests.outcome_helpers import recorded

pytestmark = pytest.mark.django_db


def _refused(world: World, participation: Participation, user: str = "hanna", **overrides: Any) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        recorded(world, participation, user=user, **overrides)
    return refused.value


def test_an_outcome_is_recorded_with_a_value_per_field_in_the_column_its_kind_uses(world: World) -> None:
    participation = raised(world, days=10)
    record = recorded(world, participation)
    values = {v.field.key: v for v in OutcomeValue.objects.filter(record=record).select_related("field")}
    assert set(values) == {
        "new_suspicions",
        "threat_incidents",
        "protective_measures",
        "school_attendance",
        "occupation",
        "occupation_note",
        "own_safety",
        "own_wellbeing",
    }  # relocated_on was left empty: not known, so not stored
    assert (values["threat_incidents"].number, values["protective_measures"].flag) == (1, True)
    assert (values["school_attendance"].code, values["occupation_note"].text) == ("mostly", "Åttan på en ny skola")
    assert record.recorded_by == world.user("hanna") and record.child_words.startswith("Det känns lugnare")


def test_every_bad_value_is_told_at_once_nothing_is_saved_and_the_attempt_is_logged(world: World) -> None:
    participation = raised(world, days=10)
    bad = {
        "new_suspicions": -1,
        "threat_incidents": True,  # a yes where a count belongs
        "protective_measures": "kanske",
        "school_attendance": "sometimes",
        "relocated_on": timezone.localdate() + timedelta(days=3),
        "occupation_note": "x" * 201,
        "own_safety": 6,
        "own_wellbeing": -1,
        "shoe_size": 38,
    }
    refused = _refused(world, participation, values=bad, source="neighbour", child_words=" ")
    assert set(refused.error_dict) == {
        "source",
        "child_words",
        *(value_field(key) for key in bad),
    }
    assert not OutcomeRecord.objects.exists() and not OutcomeValue.objects.exists()
    row = AccessEvent.objects.get(view_name="programme.outcome_record")
    assert row.action == AccessAction.REFUSED and "value_own_safety:scale-5" in row.reason


def test_an_occasion_is_refused_before_it_opens_in_the_future_and_after_the_end_before_the_end(world: World) -> None:
    participation = raised(world, days=10)
    early = _refused(world, participation, occasion="entry-6")
    assert [e.code for e in early.error_dict["recorded_on"]] == ["too_early"]
    future = _refused(world, participation, on=timezone.localdate() + timedelta(days=1))
    assert [e.code for e in future.error_dict["recorded_on"]] == ["future"]
    not_ended = _refused(world, participation, occasion="end-6")
    assert [e.code for e in not_ended.error_dict["occasion"]] == ["not_yet"]


def test_an_ended_participation_is_followed_up_after_its_end(world: World) -> None:
    participation = raised(world, days=400)
    actor = Actor.system(world.user("hanna"))
    ids = {"case_public_id": world.own_case.public_id, "participation_id": participation.public_id}
    participation_end(actor=actor, **ids, data=EndInput(ended_on=days_ago(200), end_reason=EndReason.DROPPED_OUT))
    record = recorded(world, participation, occasion="end-6", values={"dropout_reason": "threat"})
    assert record.occasion == "end-6"


def test_a_recorded_occasion_is_corrected_by_a_new_record_and_the_old_one_stays(world: World) -> None:
    participation = raised(world, days=10)
    first = recorded(world, participation)
    twice = _refused(world, participation)
    assert [e.code for e in twice.error_dict["occasion"]] == ["recorded"]
    fixed = recorded(world, participation, corrects=first.public_id, values={"threat_incidents": 0})
    assert fixed.corrects == first
    again = _refused(world, participation, corrects=first.public_id)  # only the latest is corrected
    assert "corrects" in again.error_dict
    page = outcomes_page(Actor.system(world.user("hanna")), world.own_case.public_id, participation.public_id)
    assert [row.record for row in page.occasions if row.due.occasion == "entry"] == [fixed]
    assert len(page.records) == 2


def test_records_and_values_refuse_update_and_delete_in_the_database(world: World) -> None:
    participation = raised(world, days=10)
    record = recorded(world, participation)
    for change in (
        lambda: OutcomeRecord.objects.filter(pk=record.pk).update(source="school"),
        lambda: OutcomeValue.objects.filter(record=record).update(number=9),
        lambda: OutcomeValue.objects.filter(record=record).delete(),
        lambda: OutcomeField.objects.filter(key="own_safety").update(kind="scale-10"),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            change()
    # A field is retired, not changed: its label and retirement may still be set.
    OutcomeField.objects.filter(key="debt").update(retired_on=timezone.localdate() + timedelta(days=1))


def test_a_retired_field_is_no_longer_asked_and_old_records_still_show_it(world: World) -> None:
    participation = raised(world, days=10)
    record = recorded(world, participation, values={"debt": True})
    OutcomeField.objects.filter(key="debt").update(retired_on=timezone.localdate())
    page = outcome_page(
        Actor.system(world.user("hanna")), world.own_case.public_id, participation.public_id, record.public_id
    )
    assert ("debt", "Ja") in [(row.field.key, row.shown) for row in page.rows]
    refused = _refused(world, participation, occasion="entry-6", values={"debt": True})
    assert "value_debt" in refused.error_dict or "recorded_on" in refused.error_dict


def test_treatment_staff_another_team_and_an_unnamed_worker_of_a_protected_child_are_refused(world: World) -> None:
    participation = raised(world, days=10)
    with pytest.raises(PermissionDenied):
        recorded(world, participation, user="bo")
    assert AccessEvent.objects.get(view_name="programme.outcome_record").reason == "role:programme"
    with pytest.raises(Http404):
        recorded(world, participation, user="sara")
    protected = raised(world, user="hanna", case=world.protected_case, days=10)
    with pytest.raises(Http404):
        recorded(world, protected, user="olle")
    with pytest.raises(Http404):
        outcomes_page(Actor.system(world.user("olle")), world.protected_case.public_id, protected.public_id)
    assert not OutcomeRecord.objects.exists()


def test_the_form_records_an_outcome_with_its_log_rows_and_shows_every_error_at_once(world: World) -> None:
    participation = raised(world, days=10)
    client = signed_in(world.user("adam"))
    url = reverse("programme:outcome_new", args=[world.own_case.public_id, participation.public_id])
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    assert client.get(url).status_code == 200
    empty = client.post(url, {"value_new_suspicions": "många"})
    html = empty.content.decode()
    for label in ("Tillfälle", "Varifrån uppgifterna främst kommer", "Barnets egna ord", "Nya misstankar om brott"):
        assert label in html
    assert html.count('class="ds-link" href="#id_') >= 4  # the error summary links to each field
    data = {
        "occasion": "entry",
        "recorded_on": timezone.localdate().isoformat(),
        "source": "child",
        "child_words": "Jag är rädd ibland.",
        "value_new_suspicions": "2",
        "value_protective_measures": "no",
        "value_own_safety": "2",
        "value_school_attendance": "",
    }
    response = client.post(url, data)
    record = OutcomeRecord.objects.get()
    assert response["Location"] == reverse(
        "programme:outcome", args=[world.own_case.public_id, participation.public_id, record.public_id]
    )
    assert {v.field.key: (v.number, v.flag) for v in record.values.select_related("field")} == {
        "new_suspicions": (2, None),
        "protective_measures": (None, False),
        "own_safety": (2, None),
    }
    rows = AccessEvent.objects.exclude(pk__in=before).order_by("pk").values_list("action", "view_name")
    # The form's occasions are the participation's: read (and logged) before every form is built.
    assert list(rows) == [*[("view", "programme.outcome_record.form")] * 3, ("write", "programme.outcome_record")]
    page = client.get(response["Location"]).content.decode()
    assert "Jag är rädd ibland." in page and "Inte känt" in page


def test_the_participation_page_shows_the_occasions_with_their_due_dates(world: World) -> None:
    participation = raised(world, days=170)  # 6 months on is within the month before it is due
    recorded(world, participation, on=days_ago(160))
    html = (
        signed_in(world.user("hanna"))
        .get(reverse("programme:participation", args=[world.own_case.public_id, participation.public_id]))
        .content.decode()
    )
    assert "Vid start" in html and "Registrerad" in html
    assert "6 månader efter start" in html and "Ska registreras" in html


def _queries(client: object, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200  # type: ignore[attr-defined]
    return len(captured)


def test_the_outcome_pages_and_api_read_in_the_same_number_of_queries_however_many_records(world: World) -> None:
    participation = raised(world, days=800)
    participation_end(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        participation_id=participation.public_id,
        data=EndInput(ended_on=days_ago(50), end_reason=EndReason.COMPLETED),
    )
    client = signed_in(world.user("hanna"))
    args = [world.own_case.public_id, participation.public_id]
    urls = [
        reverse("programme:outcomes", args=args),
        reverse("programme:participation", args=args),
        reverse("api:participation_outcomes", args=args),
    ]
    first = recorded(world, participation, on=days_ago(790))
    one = [_queries(client, url) for url in urls]
    latest = first
    for occasion, ago in (("entry-6", 600), ("entry-12", 420), ("entry-24", 60)):
        latest = recorded(world, participation, occasion=occasion, on=days_ago(ago))
    for _ in range(5):
        latest = recorded(world, participation, occasion="entry-24", on=days_ago(60), corrects=latest.public_id)
    assert [_queries(client, url) for url in urls] == one
    record_url = reverse("programme:outcome", args=[*args, first.public_id])
    assert _queries(client, record_url) == _queries(
        client, reverse("programme:outcome", args=[*args, latest.public_id])
    )


def test_the_api_gives_codes_and_values_and_is_logged_as_an_api_read(world: World) -> None:
    participation = raised(world, days=10)
    record = recorded(world, participation)
    client = signed_in(world.user("hanna"))
    response = client.get(
        reverse("api:participation_outcomes", args=[world.own_case.public_id, participation.public_id])
    )
    assert response.status_code == 200
    body = response.json()
    assert body["occasions"][0] == {
        "occasion": "entry",
        "due_on": body["occasions"][0]["due_on"],
        "status": "recorded",
        "record_id": str(record.public_id),
    }
    values = {v["field"]: v["value"] for v in body["records"][0]["values"]}
    assert values["own_safety"] == 4 and values["protective_measures"] is True and values["occupation"] == "school"
    row = AccessEvent.objects.filter(view_name="api.programme.outcomes").get()
    assert row.action == AccessAction.API
    assert (
        signed_in(world.user("sara"))
        .get(reverse("api:participation_outcomes", args=[world.own_case.public_id, participation.public_id]))
        .status_code
        == 404
    )


def test_the_form_and_a_record_speak_english_with_the_language_switch(world: World) -> None:
    participation = raised(world, days=10)
    record = recorded(world, participation)
    client = signed_in(world.user("hanna"))
    client.cookies["django_language"] = "en"
    args = [world.own_case.public_id, participation.public_id]
    form = client.get(reverse("programme:outcome_new", args=args)).content.decode()
    assert "How safe the child says they feel" in form and "Crime, threats and protection" in form
    assert "Hur trygg" not in form
    page = client.get(reverse("programme:outcome", args=[*args, record.public_id])).content.decode()
    assert "Outcome: At entry" in page and "Mostly present, some absence" in page
