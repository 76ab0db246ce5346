"""Bad input on people: a clear message, nothing half-saved."""

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from conftest import make_person
from people.models import Person, Relation, RelationKind
from people.services import person_create, relation_create


def test_it_stores_the_number_encrypted_and_finds_it_by_blind_index(db: None) -> None:
    person = person_create(given_name="Ebba", family_name="Lund", identity_number="20170101-2393")
    raw = Person.objects.filter(pk=person.pk).values_list("identity_number", flat=True)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT identity_number FROM people_person WHERE id = %s", [person.pk])
        stored = cursor.fetchone()[0]
    assert "201701012393" not in stored
    assert list(raw) == ["201701012393"]
    assert person.identity_index and len(person.identity_index) == 64


@pytest.mark.parametrize(
    ("fields", "field_in_error"),
    [
        ({"identity_number": "20170101-2394"}, "identity_number"),
        ({"identity_number": "not a number"}, "identity_number"),
        ({"given_name": "   "}, "given_name"),
        ({"given_name": "x" * 101}, "given_name"),
        ({"identity_number": "", "reserve_identity_note": ""}, "reserve_identity_note"),
        ({"protection_level": "made-up"}, "protection_level"),
    ],
)
def test_it_rejects_bad_input_and_saves_nothing(db: None, fields: dict[str, str], field_in_error: str) -> None:
    values: dict[str, Any] = {"given_name": "Ebba", "family_name": "Lund", "identity_number": "20170101-2393", **fields}
    with pytest.raises(ValidationError) as error:
        person_create(**values)
    assert field_in_error in error.value.message_dict
    assert not Person.objects.exists()


def test_it_refuses_a_second_person_with_the_same_number(db: None) -> None:
    person_create(given_name="Ebba", family_name="Lund", identity_number="20170101-2393")
    with pytest.raises(ValidationError) as error:
        person_create(given_name="Other", family_name="Name", identity_number="201701012393")
    assert "identity_number" in error.value.message_dict
    assert Person.objects.count() == 1


def test_markup_in_names_is_stored_as_text_and_shown_escaped(db: None) -> None:
    person = make_person("<script>alert(1)</script>", "Lund", date(2011, 1, 1), 5)
    assert person.given_name == "<script>alert(1)</script>"


def test_a_guardian_cannot_be_linked_to_themselves(db: None) -> None:
    person = make_person("Ebba", "Lund", date(2011, 1, 1), 5)
    with pytest.raises(ValidationError):
        relation_create(child=person, relative=person, kind=RelationKind.GUARDIAN_WITH_CUSTODY)
    with pytest.raises(IntegrityError), transaction.atomic():
        Relation.objects.create(child=person, relative=person, kind=RelationKind.SIBLING)
    assert not Relation.objects.exists()


def test_change_history_records_who_changed_what(db: None) -> None:
    person = make_person("Ebba", "Lund", date(2011, 1, 1), 5)
    person.family_name = "Holm"
    person.save()
    versions = list(person.history.order_by("history_date").values_list("family_name", "history_type"))
    assert versions == [("Lund", "+"), ("Holm", "~")]


def test_synthetic_identities_are_refused_where_they_are_not_allowed(db: None, settings: object) -> None:
    settings.SYNTHETIC_IDENTITIES_ALLOWED = False  # type: ignore[attr-defined]
    with pytest.raises(ValidationError):
        make_person("Ebba", "Lund", date(2011, 1, 1), 5)
    assert not Person.objects.exists()
