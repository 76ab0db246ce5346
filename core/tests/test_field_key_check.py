"""A well-formed but wrong field key is caught at start-up and by `check --deploy`, not on the pages.

The test installation's ring is key A; key B is well-formed and never wrote anything.
"""

from datetime import date

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from conftest import World, make_person
from core.checks import field_keys_read_the_data
from core.keycheck import field_key_problems, require_readable_field_keys

KEY_B = Fernet.generate_key().decode()


def _key_a() -> str:
    return str(settings.FIELD_ENCRYPTION_KEYS[0])


def test_the_right_keys_read_the_data(world: World) -> None:
    assert field_key_problems() == []
    assert field_keys_read_the_data() == []
    require_readable_field_keys()


@override_settings(FIELD_ENCRYPTION_KEYS=[KEY_B])
def test_a_wrong_key_stops_the_server_at_start_up(world: World) -> None:
    with pytest.raises(ImproperlyConfigured, match=r"cannot decrypt .*people\.Person\.identity_number \(row "):
        require_readable_field_keys()


@override_settings(FIELD_ENCRYPTION_KEYS=[KEY_B])
def test_a_wrong_key_fails_check_deploy(world: World) -> None:
    with pytest.raises(SystemCheckError, match=r"core\.E001"):
        call_command("check", deploy=True)


def test_an_old_key_removed_before_rotation_finished_is_caught_on_the_oldest_rows(world: World) -> None:
    with override_settings(FIELD_ENCRYPTION_KEYS=[KEY_B, _key_a()]):
        make_person("Ny", "Person", date(2012, 2, 2), 901)  # the newest row, under key B
        assert field_key_problems() == []
    with override_settings(FIELD_ENCRYPTION_KEYS=[KEY_B]):
        problems = field_key_problems()
    assert problems and all("people.Person" in p or "people.HistoricalPerson" in p for p in problems), problems


def test_an_empty_database_has_nothing_to_misread(db: None) -> None:
    with override_settings(FIELD_ENCRYPTION_KEYS=[KEY_B]):
        assert field_key_problems() == []
