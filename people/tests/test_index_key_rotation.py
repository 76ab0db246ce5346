"""The blind-index key can be rotated without a moment when a child cannot be found by number.

The order matters: add the new key first (newest), run `rotate_index_key`, and only then remove the
old key. Removed too early, every person still indexed under it is lost to search and to the
duplicate check.
"""

import base64
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import override_settings
from pytest_django.fixtures import Settings

from access.actor import Actor
from casefile.persons import search_persons
from conftest import World, make_person
from core.identity import identity_index, synthetic_identity_number
from people import keyrotation
from people.models import Person
from people.services import person_create

NEW_KEY = base64.urlsafe_b64encode(b"N" * 32).decode()
ELIAS = synthetic_identity_number(date(2011, 3, 4), 123)  # the child of world.own_case


def _found(world: World) -> list[Person]:
    result = search_persons(Actor(user=world.user("hanna")), ELIAS.display)
    assert not result.error
    return result.persons


def _index(person: Person) -> str | None:
    return Person.objects.get(pk=person.pk).identity_index


def test_it_finds_the_child_through_every_step_of_a_rotation(world: World, settings: Settings) -> None:
    child = world.own_case.child
    old_key = settings.BLIND_INDEX_KEYS[0]
    old_index = _index(child)
    assert _found(world) == [child]

    settings.BLIND_INDEX_KEYS = [NEW_KEY, old_key]
    assert _index(child) == old_index  # still under the old key, and found through it
    assert _found(world) == [child]

    call_command("rotate_index_key")
    assert _index(child) == identity_index(ELIAS) != old_index
    assert _found(world) == [child]

    settings.BLIND_INDEX_KEYS = [NEW_KEY]
    assert _found(world) == [child]


def test_a_person_added_during_rotation_is_indexed_with_the_new_key(world: World, settings: Settings) -> None:
    old_key = settings.BLIND_INDEX_KEYS[0]
    settings.BLIND_INDEX_KEYS = [NEW_KEY, old_key]
    person = make_person("Nora", "Ny", date(2012, 2, 2), 222)
    assert _index(person) == identity_index(synthetic_identity_number(date(2012, 2, 2), 222))
    with override_settings(BLIND_INDEX_KEYS=[old_key]):
        assert _index(person) != identity_index(synthetic_identity_number(date(2012, 2, 2), 222))


@pytest.mark.parametrize("after_rotation", [False, True])
def test_the_duplicate_check_sees_people_under_either_key(
    world: World, settings: Settings, after_rotation: bool
) -> None:
    settings.BLIND_INDEX_KEYS = [NEW_KEY, settings.BLIND_INDEX_KEYS[0]]
    if after_rotation:
        call_command("rotate_index_key")
    with pytest.raises(ValidationError) as caught:
        person_create(given_name="Elias", family_name="Berg", synthetic_identity=ELIAS)
    assert caught.value.message_dict == {"identity_number": ["En person med detta nummer finns redan."]}


def test_removing_the_old_key_before_rotation_loses_the_child(world: World, settings: Settings) -> None:
    """Why the order matters: the stored index is still under the old key, which nobody computes now."""
    settings.BLIND_INDEX_KEYS = [NEW_KEY]
    assert _found(world) == []


def test_it_rotates_in_batches_and_resumes_after_an_interruption(
    world: World, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.BLIND_INDEX_KEYS = [NEW_KEY, settings.BLIND_INDEX_KEYS[0]]
    indexed = Person.objects.filter(identity_index__isnull=False).count()
    assert indexed >= 4
    real = keyrotation.stored_identity_index  # type: ignore[attr-defined]  # the name patched below
    calls = 0

    def failing_on_the_third(digits: str) -> str:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("interrupted")
        return real(digits)

    monkeypatch.setattr(keyrotation, "stored_identity_index", failing_on_the_third)
    with pytest.raises(RuntimeError, match="interrupted"):
        keyrotation.rotate_index_key(batch_size=2)
    # The first batch of two committed; the interrupted batch left nothing half-written.
    current = [
        p
        for p in Person.objects.filter(identity_index__isnull=False)
        if p.identity_index == real(p.identity_number or "")
    ]
    assert len(current) == 2

    monkeypatch.setattr(keyrotation, "stored_identity_index", real)
    report = keyrotation.rotate_index_key(batch_size=2)
    assert (report.checked, report.rewritten, report.already_current) == (indexed, indexed - 2, 2)
    again = keyrotation.rotate_index_key(batch_size=2)
    assert (again.rewritten, again.already_current) == (0, indexed)


def test_a_second_record_of_the_same_number_is_reported_not_overwritten(world: World, settings: Settings) -> None:
    """Made while the old key was (wrongly) left out: the duplicate check could not see the first record."""
    child = world.own_case.child
    old_key = settings.BLIND_INDEX_KEYS[0]
    old_index = _index(child)
    settings.BLIND_INDEX_KEYS = [NEW_KEY]
    duplicate = person_create(given_name="Elias", family_name="Berg", synthetic_identity=ELIAS)
    settings.BLIND_INDEX_KEYS = [NEW_KEY, old_key]
    with pytest.raises(CommandError, match="1 persons were left under an old key"):
        call_command("rotate_index_key")
    assert _index(child) == old_index
    assert _index(duplicate) == identity_index(ELIAS)
    assert keyrotation.rotate_index_key().conflicts == [str(child.public_id)]
