"""An outreach worker logs a contact in the field: counts, never a person."""

from datetime import timedelta

import pytest
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from access.models import AccessAction, AccessEvent
from conftest import World, signed_in
from outreach.models import OutreachContact
from outreach.services import identifying
from outreach.tests.helpers import contact_data, field_worker, logged

FIELD = "/falt/"


def test_the_route_is_the_field_page() -> None:
    assert reverse("outreach:field") == FIELD


def test_an_outreach_worker_logs_an_anonymous_contact_and_nothing_is_logged_as_read(world: World) -> None:
    ella = field_worker(world)
    client = signed_in(ella)
    response = client.post(FIELD, contact_data())
    assert response.status_code == 302
    assert response["Location"] == FIELD + "?sparad=1"
    contact = OutreachContact.objects.get()
    assert (contact.age_12_14, contact.age_15_17, contact.total) == (2, 4, 6)
    assert contact.offered == ["conversation", "information"]
    assert (contact.unit, contact.recorded_by) == (world.norr, ella)
    assert not AccessEvent.objects.exists()
    page = client.get(FIELD + "?sparad=1")
    assert "Kontakten är registrerad." in page.content.decode()
    assert "Centrum, kväll" in page.content.decode()
    # The page tells the draft script the draft is saved, so it forgets it.
    assert "data-draft-clear" in page.content.decode()


def test_the_unit_manager_logs_too_and_the_other_roles_are_refused_and_logged(world: World) -> None:
    assert signed_in(world.user("karin")).post(FIELD, contact_data()).status_code == 302
    for name in ("hanna", "bo", "adam", "sara", "lars", "anna"):
        client = signed_in(world.user(name))
        assert client.get(FIELD).status_code == 404, name
        assert client.post(FIELD, contact_data()).status_code == 404, name
    assert OutreachContact.objects.count() == 1
    denied = AccessEvent.objects.filter(action=AccessAction.DENIED, view_name="outreach.field")
    assert denied.count() == 12
    assert set(denied.values_list("person_id", flat=True)) == {None}


def test_every_problem_is_shown_at_once_and_nothing_is_kept(world: World) -> None:
    data = contact_data(
        day=(timezone.localdate() + timedelta(days=1)).isoformat(),
        age_12_14="",
        age_15_17="",
        note="Pratade med Kim 20110304-1234 om jobb.",
        offered=[],
        place="",
    )
    response = signed_in(field_worker(world)).post(FIELD, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"day", "under_12", "note", "offered", "place"}
    assert "framtiden" in errors["day"][0]
    assert "personnummer" in errors["note"][0]
    assert not OutreachContact.objects.exists()
    # The error summary links to each field.
    assert 'href="#id_note"' in response.content.decode()


def test_negative_counts_and_a_phone_number_are_refused(world: World) -> None:
    data = contact_data(age_12_14="-1", note="Ring 070-123 45 67 sen.")
    response = signed_in(field_worker(world)).post(FIELD, data)
    errors = response.context["form"].errors
    assert set(errors) == {"age_12_14", "note"}
    assert "telefonnummer" in errors["note"][0]
    assert not OutreachContact.objects.exists()


@pytest.mark.parametrize(
    "text",
    ["201103041234", "110304-1234", "20110364 1234", "+46 70 123 45 67", "0701234567", "040-12 34 56"],
)
def test_a_note_that_names_someone_by_number_is_refused(text: str) -> None:
    assert identifying(f"Mötte {text} vid torget") is not None


@pytest.mark.parametrize("text", ["", "Fem unga vid torget kl 21", "Åtta i gruppen, 2 äldre", "Pratade om 2026"])
def test_an_ordinary_note_passes(text: str) -> None:
    assert identifying(text) is None


def test_a_contact_is_kept_as_it_was_logged(world: World) -> None:
    contact = logged(field_worker(world))
    with pytest.raises(DatabaseError), transaction.atomic():
        OutreachContact.objects.filter(pk=contact.pk).update(age_15_17=9)
    with pytest.raises(DatabaseError), transaction.atomic():
        OutreachContact.objects.filter(pk=contact.pk).delete()


def test_the_page_lists_the_workers_own_contacts_of_today_only(world: World) -> None:
    ella, other = field_worker(world), field_worker(world, "nils")
    logged(ella, age_15_17=3)
    logged(ella, on=timezone.localdate() - timedelta(days=1), age_15_17=7)
    logged(other, age_15_17=8)
    page = signed_in(ella).get(FIELD)
    assert [c.total for c in page.context["page"].today] == [3]


def test_the_draft_is_kept_for_the_contact_form_only(world: World) -> None:
    client = signed_in(field_worker(world))
    field = client.get(FIELD).content.decode()
    assert 'data-draft="outreach-contact"' in field and "data-draft-restore" in field
    assert "/static/outreach/draft.js" in field and "nonce=" in field
    child = client.get(reverse("outreach:child")).content.decode()
    assert "data-draft" not in child and "draft.js" not in child


def _queries(client: object, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200  # type: ignore[attr-defined]
    return len(queries)


def test_the_field_page_asks_as_much_for_fifty_contacts_as_for_five(world: World) -> None:
    ella = field_worker(world)
    client = signed_in(ella)
    for _ in range(5):
        logged(ella)
    few = _queries(client, FIELD)
    for _ in range(45):
        logged(ella)
    assert _queries(client, FIELD) == few
