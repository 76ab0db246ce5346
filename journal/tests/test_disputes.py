"""A person may have it noted that a signed entry is wrong (14 kap. 6 § SoL); the entry stays as signed.

hanna and olle work in team Norr A, which holds `own_case`; sara is in another team.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.http import Http404
from django.test import Client
from django.urls import reverse

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from conftest import World
from journal.models import JournalDispute, JournalEntry
from journal.selectors import case_journal
from journal.services import DisputeInput, journal_dispute_record, journal_draft_save

GUARDIAN_SAYS = DisputeInput(disputed_by="guardian", disputed_by_name="Maria Berg", statement="Jag var inte där.")


def _entry(world: World, *, sign: bool = True) -> JournalEntry:
    return journal_draft_save(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        body="Mamman var på mötet.",
        sign=sign,
    )


def _dispute(
    world: World, entry: JournalEntry, name: str = "olle", data: DisputeInput = GUARDIAN_SAYS
) -> JournalDispute:
    return journal_dispute_record(
        actor=Actor.system(world.user(name)),
        case_public_id=world.own_case.public_id,
        entry_public_id=entry.public_id,
        data=data,
    )


def test_the_dispute_stands_beside_the_entry_which_is_unchanged(world: World) -> None:
    entry = _entry(world)
    dispute = _dispute(world, entry)
    stored = JournalEntry.objects.get(pk=entry.pk)
    assert (stored.body, stored.signed_at) == ("Mamman var på mötet.", entry.signed_at)
    (item,) = case_journal(Actor.system(world.user("hanna")), world.own_case).items
    assert [d.pk for d in item.disputes] == [dispute.pk]
    assert (dispute.recorded_by, dispute.statement) == (world.user("olle"), "Jag var inte där.")


def test_the_dispute_is_written_to_the_log_as_a_change_of_the_case(world: World) -> None:
    _dispute(world, _entry(world))
    row = AccessEvent.objects.filter(view_name="journal.dispute").get()
    assert (row.action, row.case_id, row.username) == (AccessAction.WRITE, world.own_case.pk, "olle")


def test_the_database_refuses_to_change_or_remove_a_dispute(world: World) -> None:
    dispute = _dispute(world, _entry(world))
    with pytest.raises(DatabaseError), transaction.atomic():
        JournalDispute.objects.filter(pk=dispute.pk).update(statement="Mildare ord.")
    with pytest.raises(DatabaseError), transaction.atomic():
        dispute.delete()
    assert JournalDispute.objects.get(pk=dispute.pk).statement == "Jag var inte där."


def test_a_draft_cannot_be_disputed(world: World) -> None:
    draft = _entry(world, sign=False)
    with pytest.raises(ValidationError) as excinfo:
        _dispute(world, draft)
    assert excinfo.value.error_dict["__all__"][0].code == "dispute_signed_only"
    assert not JournalDispute.objects.exists()


def test_every_check_is_reported_at_once_and_nothing_is_saved(world: World) -> None:
    blank = DisputeInput(disputed_by="guardian", disputed_by_name=" ", statement="  ")
    with pytest.raises(ValidationError) as excinfo:
        _dispute(world, _entry(world), data=blank)
    assert set(excinfo.value.error_dict) == {"disputed_by_name", "statement"}
    assert not JournalDispute.objects.exists()
    assert AccessEvent.objects.filter(view_name="journal.dispute", action=AccessAction.REFUSED).count() == 1


def test_the_child_needs_no_name(world: World) -> None:
    child = DisputeInput(disputed_by="child", disputed_by_name="", statement="Jag sa aldrig så.")
    assert _dispute(world, _entry(world), data=child).disputed_by == "child"


def test_staff_without_the_case_cannot_note_a_dispute(world: World) -> None:
    entry = _entry(world)
    with pytest.raises(Http404):
        _dispute(world, entry, name="sara")
    assert not JournalDispute.objects.exists()
    assert AccessEvent.objects.filter(view_name="journal.dispute", action=AccessAction.DENIED, username="sara").exists()


def test_the_page_notes_a_dispute_and_the_journal_shows_it(world: World) -> None:
    entry = _entry(world)
    client = Client()
    client.force_login(world.user("olle"))
    url = reverse("journal:journal_dispute", args=[world.own_case.public_id, entry.public_id])
    assert "Mamman var på mötet." in client.get(url).content.decode()
    response = client.post(url, {"disputed_by": "guardian", "disputed_by_name": "Maria Berg", "statement": "Fel."})
    assert response.status_code == 302
    page = client.get(reverse("journal:journal", args=[world.own_case.public_id])).content.decode()
    assert "Maria Berg anser att uppgiften är felaktig" in page
    timeline = client.get(reverse("casefile:case_timeline", args=[world.own_case.public_id])).content.decode()
    assert "Uppgift bestrids" in timeline


def test_the_page_reports_every_error_with_the_text_kept(world: World) -> None:
    client = Client()
    client.force_login(world.user("olle"))
    url = reverse("journal:journal_dispute", args=[world.own_case.public_id, _entry(world).public_id])
    response = client.post(url, {"disputed_by_name": "Maria Berg", "statement": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_disputed_by_0"' in html and 'href="#id_statement"' in html
    assert 'value="Maria Berg"' in html


def test_a_draft_or_unknown_entry_has_no_dispute_page(world: World) -> None:
    client = Client()
    client.force_login(world.user("hanna"))
    draft = _entry(world, sign=False)
    url = reverse("journal:journal_dispute", args=[world.own_case.public_id, draft.public_id])
    assert client.get(url).status_code == 404
