"""Utväg sends no mail: a forgotten password is reset by an administrator, and nothing half-saves (audit 5)."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from conftest import World, signed_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("email", ["hanna@example.invalid", "nobody@example.invalid"])
def test_asking_for_a_reset_answers_the_same_page_whether_or_not_the_account_exists(world: World, email: str) -> None:
    world.user("hanna").email = "hanna@example.invalid"
    world.user("hanna").save()
    response = Client().post("/accounts/password/reset/", {"email": email})
    assert response.status_code == 200
    assert "Kontakta systemadministratören" in response.content.decode()


def test_allauths_email_page_is_not_there_and_saves_nothing(world: World) -> None:
    response = signed_in(world.user("hanna")).post(
        "/accounts/email/", {"action_add": "", "email": "ny@example.invalid"}
    )
    assert response.status_code == 404
    assert not EmailAddress.objects.filter(email="ny@example.invalid").exists()
