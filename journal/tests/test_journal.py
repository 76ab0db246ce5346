"""The case journal as an auditor reads it: who wrote what, when, and that signed text never changes.

hanna and olle work in team Norr A, which holds `own_case`; sara is in another team; lars reviews
logs and sees no case content.
"""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from conftest import World
from journal.models import MAX_BODY_LENGTH, JournalEntry
from journal.selectors import case_journal
from journal.services import journal_draft_discard, journal_draft_save, journal_entry_sign


def _actor(world: World, name: str) -> Actor:
    return Actor.system(world.user(name))


def _draft(world: World, name: str = "hanna", body: str = "Samtal med Elias.", **kwargs: object) -> JournalEntry:
    return journal_draft_save(actor=_actor(world, name), case_public_id=world.own_case.public_id, body=body, **kwargs)  # type: ignore[arg-type]


def _signed(world: World, name: str = "hanna", body: str = "Samtal med Elias.", **kwargs: object) -> JournalEntry:
    draft = _draft(world, name, body, **kwargs)
    return journal_entry_sign(
        actor=_actor(world, name), case_public_id=world.own_case.public_id, entry_public_id=draft.public_id
    )


# Drafts and signing


def test_it_autosaves_into_the_same_row(world: World) -> None:
    first = _draft(world, body="Samtal")
    second = _draft(world, body="Samtal med Elias och mamma.", entry_public_id=first.public_id)
    assert second.pk == first.pk
    stored = JournalEntry.objects.get()
    assert stored.body == "Samtal med Elias och mamma."
    assert stored.created_at == first.created_at
    assert stored.updated_at >= first.updated_at
    assert stored.signed_at is None


def test_it_records_when_and_by_whom_an_entry_was_signed(world: World) -> None:
    entry = _signed(world)
    stored = JournalEntry.objects.get(pk=entry.pk)
    assert stored.author == world.user("hanna")
    assert stored.signed_by == world.user("hanna")
    assert stored.signed_at is not None and timezone.is_aware(stored.signed_at)
    assert stored.event_date == timezone.localdate()


def test_it_logs_each_write_to_the_case(world: World) -> None:
    _signed(world)
    writes = AccessEvent.objects.filter(action=AccessAction.WRITE, case_id=world.own_case.pk, username="hanna")
    assert sorted(writes.values_list("view_name", flat=True)) == ["journal.draft_save", "journal.sign"]


def test_it_refuses_a_second_signature(world: World) -> None:
    entry = _signed(world)
    with pytest.raises(ValidationError) as excinfo:
        journal_entry_sign(
            actor=_actor(world, "hanna"), case_public_id=world.own_case.public_id, entry_public_id=entry.public_id
        )
    assert excinfo.value.code == "already_signed"
    assert JournalEntry.objects.get(pk=entry.pk).signed_at == entry.signed_at


def test_it_refuses_to_edit_or_discard_a_signed_entry_through_the_services(world: World) -> None:
    entry = _signed(world, body="Original")
    with pytest.raises(ValidationError) as excinfo:
        _draft(world, body="Ändrad", entry_public_id=entry.public_id)
    assert excinfo.value.code == "not_editable"
    with pytest.raises(ValidationError) as excinfo:
        journal_draft_discard(
            actor=_actor(world, "hanna"), case_public_id=world.own_case.public_id, entry_public_id=entry.public_id
        )
    assert excinfo.value.code == "not_editable"
    assert JournalEntry.objects.get(pk=entry.pk).body == "Original"


def test_it_discards_an_own_draft(world: World) -> None:
    draft = _draft(world)
    journal_draft_discard(
        actor=_actor(world, "hanna"), case_public_id=world.own_case.public_id, entry_public_id=draft.public_id
    )
    assert not JournalEntry.objects.exists()


# The database itself


def test_the_database_refuses_to_change_or_delete_a_signed_entry(world: World) -> None:
    entry = _signed(world, body="Original")
    with pytest.raises(DatabaseError), transaction.atomic():
        JournalEntry.objects.filter(pk=entry.pk).update(body="Ändrad i efterhand")
    with pytest.raises(DatabaseError), transaction.atomic():
        JournalEntry.objects.filter(pk=entry.pk).update(signed_at=None, signed_by=None)
    with pytest.raises(DatabaseError), transaction.atomic():
        entry.delete()
    raw_sql: list[tuple[str, list[date | int]]] = [
        ("UPDATE journal_journalentry SET event_date = %s WHERE id = %s", [date(2020, 1, 1), entry.pk]),
        ("DELETE FROM journal_journalentry WHERE id = %s", [entry.pk]),
    ]
    for statement, params in raw_sql:
        with (
            pytest.raises(DatabaseError, match="append-only: journal_journalentry refuses"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, params)
    stored = JournalEntry.objects.get(pk=entry.pk)
    assert (stored.body, stored.event_date, stored.signed_at) == ("Original", entry.event_date, entry.signed_at)


def test_the_database_lets_drafts_change_and_go(world: World) -> None:
    draft = _draft(world)
    JournalEntry.objects.filter(pk=draft.pk).update(body="Autosparad")
    assert JournalEntry.objects.get(pk=draft.pk).body == "Autosparad"
    JournalEntry.objects.filter(pk=draft.pk).delete()
    assert not JournalEntry.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE exists only on PostgreSQL")
def test_the_database_refuses_truncate_on_postgresql(world: World) -> None:
    _signed(world)
    with (
        pytest.raises(DatabaseError, match="append-only: journal_journalentry refuses"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        # Fire the deferred foreign-key checks first, or PostgreSQL refuses for that reason instead.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        # With the disputes that point at the entries, or the foreign key refuses before the trigger.
        cursor.execute("TRUNCATE journal_journalentry, journal_journaldispute")
    assert JournalEntry.objects.count() == 1


def test_the_body_is_encrypted_at_rest(world: World) -> None:
    entry = _signed(world, body="Elias berättade om hot.")
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM journal_journalentry WHERE id = %s", [entry.pk])
        (raw,) = cursor.fetchone()
    assert "Elias" not in raw


# Corrections


def test_a_correction_is_a_new_entry_and_the_original_stays(world: World) -> None:
    original = _signed(world, body="Mötet var den 3 mars.")
    correction = _signed(
        world, name="olle", body="Rättelse: mötet var den 4 mars.", corrects_public_id=original.public_id
    )
    assert correction.pk != original.pk
    assert correction.corrects_id == original.pk
    stored = JournalEntry.objects.get(pk=original.pk)
    assert (stored.body, stored.signed_at) == ("Mötet var den 3 mars.", original.signed_at)

    view = case_journal(_actor(world, "karin"), world.own_case)
    assert [item.entry.pk for item in view.items] == [original.pk, correction.pk]
    assert [c.pk for c in view.items[0].corrections] == [correction.pk]
    assert view.items[1].entry.corrects == original


def test_it_allows_chains_of_corrections(world: World) -> None:
    original = _signed(world, body="Första")
    second = _signed(world, body="Andra", corrects_public_id=original.public_id)
    third = _signed(world, body="Tredje", corrects_public_id=second.public_id)
    again = _signed(world, body="Ännu en rättelse av den första", corrects_public_id=original.public_id)
    view = case_journal(_actor(world, "hanna"), world.own_case)
    by_pk = {item.entry.pk: item for item in view.items}
    assert [c.pk for c in by_pk[original.pk].corrections] == [second.pk, again.pk]
    assert [c.pk for c in by_pk[second.pk].corrections] == [third.pk]


@pytest.mark.parametrize("target", ["draft", "other_case", "not_a_uuid"])
def test_it_corrects_only_signed_entries_of_the_same_case(world: World, target: str) -> None:
    if target == "draft":
        corrects: object = _draft(world).public_id
    elif target == "other_case":
        sara = _actor(world, "sara")
        elsewhere = journal_draft_save(actor=sara, case_public_id=world.other_team_case.public_id, body="Söder")
        corrects = journal_entry_sign(
            actor=sara, case_public_id=world.other_team_case.public_id, entry_public_id=elsewhere.public_id
        ).public_id
    else:
        corrects = "inte-ett-id"
    before = JournalEntry.objects.count()
    with pytest.raises(ValidationError) as excinfo:
        _draft(world, body="Rättelse", corrects_public_id=corrects)
    assert excinfo.value.code == "correct_signed_only"
    assert JournalEntry.objects.count() == before


# Who may do what


def test_a_colleague_cannot_change_sign_or_discard_someone_elses_draft(world: World) -> None:
    draft = _draft(world, body="Hannas utkast")
    olle = _actor(world, "olle")
    case_id = world.own_case.public_id
    attempts = [
        lambda: journal_draft_save(
            actor=olle, case_public_id=case_id, body="Olles text", entry_public_id=draft.public_id
        ),
        lambda: journal_entry_sign(actor=olle, case_public_id=case_id, entry_public_id=draft.public_id),
        lambda: journal_draft_discard(actor=olle, case_public_id=case_id, entry_public_id=draft.public_id),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as excinfo:
            attempt()
        assert excinfo.value.code == "not_editable"
    stored = JournalEntry.objects.get(pk=draft.pk)
    assert (stored.body, stored.signed_at) == ("Hannas utkast", None)


@pytest.mark.parametrize("name", ["sara", "lars"])
def test_staff_without_the_case_get_404_and_the_attempt_is_logged(world: World, name: str) -> None:
    draft = _draft(world)
    actor = _actor(world, name)
    case_id = world.own_case.public_id
    with pytest.raises(Http404):
        journal_draft_save(actor=actor, case_public_id=case_id, body="Intrång")
    with pytest.raises(Http404):
        journal_entry_sign(actor=actor, case_public_id=case_id, entry_public_id=draft.public_id)
    with pytest.raises(Http404):
        journal_draft_discard(actor=actor, case_public_id=case_id, entry_public_id=draft.public_id)
    denied = AccessEvent.objects.filter(username=name, action=AccessAction.DENIED, case_id=world.own_case.pk)
    assert sorted(denied.values_list("view_name", flat=True)) == [
        "journal.discard",
        "journal.draft_save",
        "journal.sign",
    ]
    assert not AccessEvent.objects.filter(username=name, action=AccessAction.WRITE).exists()
    assert list(JournalEntry.objects.values_list("pk", "signed_at")) == [(draft.pk, None)]


def test_the_unit_manager_may_write_in_the_units_cases(world: World) -> None:
    assert _signed(world, name="karin").signed_by == world.user("karin")


def test_drafts_are_seen_only_by_their_author(world: World) -> None:
    signed = _signed(world, body="Signerad")
    hannas_draft = _draft(world, body="Hannas utkast")
    olles_draft = _draft(world, name="olle", body="Olles utkast")
    for name, own_draft in (("hanna", hannas_draft), ("olle", olles_draft)):
        view = case_journal(_actor(world, name), world.own_case)
        assert [item.entry.pk for item in view.items] == [signed.pk]
        assert [d.pk for d in view.drafts] == [own_draft.pk]


# Input


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"body": ""}, "empty"),
        ({"body": " \n\t "}, "empty"),
        ({"body": "x" * (MAX_BODY_LENGTH + 1)}, "too_long"),
        ({"event_date": timezone.localdate() + timedelta(days=1)}, "future"),
        ({"event_date": date(2011, 3, 3)}, "before_birth"),  # Elias was born 2011-03-04
    ],
)
def test_it_refuses_bad_input_and_saves_nothing(world: World, kwargs: dict[str, object], code: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        _draft(world, **{"body": "Text", **kwargs})  # type: ignore[arg-type]
    assert excinfo.value.code == code
    assert not JournalEntry.objects.exists()
    # The write and its log row are one transaction: nothing written, no WRITE row either.
    assert not AccessEvent.objects.filter(action=AccessAction.WRITE).exists()


def test_it_refuses_bad_input_on_autosave_and_keeps_the_last_good_text(world: World) -> None:
    draft = _draft(world, body="Sparad text")
    with pytest.raises(ValidationError):
        _draft(world, body="   ", entry_public_id=draft.public_id)
    assert JournalEntry.objects.get(pk=draft.pk).body == "Sparad text"


def test_it_accepts_the_longest_body_and_past_dates(world: World) -> None:
    entry = _signed(world, body="x" * MAX_BODY_LENGTH, event_date=date(2024, 5, 6))
    assert (len(entry.body), entry.event_date) == (MAX_BODY_LENGTH, date(2024, 5, 6))


def test_it_stores_markup_verbatim(world: World) -> None:
    body = '<script>alert("x")</script> & <b>fet</b>\r\n  {{ mall }}  '
    entry = _draft(world, body=body)
    assert JournalEntry.objects.get(pk=entry.pk).body == body


# Reading


def test_the_journal_is_chronological_by_event_date(world: World) -> None:
    late = _signed(world, body="Senare händelse", event_date=date(2025, 6, 2))
    early = _signed(world, body="Tidigare händelse, skriven i efterhand", event_date=date(2025, 6, 1))
    same_day = _signed(world, body="Samma dag, signerad sist", event_date=date(2025, 6, 2))
    view = case_journal(_actor(world, "olle"), world.own_case)
    assert [item.entry.pk for item in view.items] == [early.pk, late.pk, same_day.pk]


def test_reading_the_journal_writes_no_log_row_of_its_own(world: World) -> None:
    _signed(world)
    before = AccessEvent.objects.count()
    case_journal(_actor(world, "hanna"), world.own_case)
    assert AccessEvent.objects.count() == before


def _queries_for_journal(world: World, entries: int) -> int:
    for n in range(entries):
        entry = _signed(world, body=f"Anteckning {n}")
        if n % 3 == 0:
            _signed(world, name="olle", body=f"Rättelse {n}", corrects_public_id=entry.public_id)
    _draft(world, body="Utkast", corrects_public_id=entry.public_id)
    with CaptureQueriesContext(connection) as queries:
        view = case_journal(_actor(world, "hanna"), world.own_case)
        # Everything a journal page shows, touched once: authors, signers, what a correction corrects.
        for entry in [*(item.entry for item in view.items), *view.drafts]:
            assert entry.author.username
            assert entry.signed_by is None or entry.signed_by.username
            assert entry.corrects is None or entry.corrects.author.username
        assert all(c.signed_by for item in view.items for c in item.corrections)
    return len(queries)


def test_the_journal_costs_the_same_queries_for_3_and_30_entries(world: World) -> None:
    small = _queries_for_journal(world, 3)
    JournalEntry.objects.filter(signed_at__isnull=True).delete()
    large = _queries_for_journal(world, 27)
    assert small == large == 4  # this page of signed entries, drafts, their corrections, disputes


def test_saving_and_signing_are_one_transaction_so_a_failed_signature_leaves_nothing_saved(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Audit, point 7: a crash between saving and signing left a draft while the page said nothing was saved."""
    import journal.services

    def crash(*args: object) -> None:
        raise DatabaseError("the server went away")

    monkeypatch.setattr(journal.services, "_sign", crash)
    hanna = Actor.system(world.user("hanna"))
    with pytest.raises(DatabaseError):
        journal_draft_save(actor=hanna, case_public_id=world.own_case.public_id, body="Träffade Elias.", sign=True)
    assert not JournalEntry.objects.exists()


def test_text_saved_and_signed_at_once_is_signed(world: World) -> None:
    hanna = Actor.system(world.user("hanna"))
    entry = journal_draft_save(actor=hanna, case_public_id=world.own_case.public_id, body="Träffade Elias.", sign=True)
    assert JournalEntry.objects.get(pk=entry.pk).signed_by == world.user("hanna")
