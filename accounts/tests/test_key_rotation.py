"""After rotation the old field key can be removed and everything still reads."""

import pytest
from allauth.mfa.models import Authenticator
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from conftest import TEST_TOTP_SECRET, World
from core import crypto
from people.models import Person


def _raw(person: Person) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT address FROM people_person WHERE id = %s", [person.pk])
        return str(cursor.fetchone()[0])


def test_rotation_lets_the_old_key_go(world: World, settings: object) -> None:
    old_keys = list(settings.FIELD_ENCRYPTION_KEYS)  # type: ignore[attr-defined]
    child = world.own_case.child
    before = _raw(child)
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, *old_keys]  # type: ignore[attr-defined]
    call_command("rotate_field_keys")
    assert _raw(child) != before

    settings.FIELD_ENCRYPTION_KEYS = [new_key]  # type: ignore[attr-defined]
    reread = Person.objects.get(pk=child.pk)
    assert (reread.address, reread.identity_number) == ("Storgatan 1", child.identity_number)
    assert reread.history.first().address == "Storgatan 1"  # the change history is re-encrypted too
    totp = Authenticator.objects.filter(user=world.user("hanna"), type=Authenticator.Type.TOTP).get()
    assert crypto.decrypt(totp.data["secret"]) == TEST_TOTP_SECRET


def test_without_rotation_the_old_key_cannot_go(world: World, settings: object) -> None:
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="cannot be read"):
        Person.objects.get(pk=world.own_case.child.pk)
