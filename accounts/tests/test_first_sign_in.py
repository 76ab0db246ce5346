"""A one-time password has been seen by an administrator: the person replaces it before anything else."""

from django.test import Client
from django.urls import reverse

from accounts.models import Role, User
from accounts.services import staff_user_create, staff_user_reset_second_factor
from conftest import World

NEW_PASSWORD = "mitt eget långa lösenord 7"


def _new_account(world: World) -> tuple[User, str]:
    return staff_user_create(
        username="nora",
        first_name="Nora",
        last_name="Ny",
        role=Role.CASEWORKER,
        unit=None,
        team=world.team_a,
        created_by=world.user("anna"),
    )


def _signed_in(username: str, password: str) -> Client:
    client = Client()
    assert client.login(username=username, password=password)
    return client


def test_a_new_account_changes_its_password_then_enrols_a_second_factor(world: World) -> None:
    user, one_time = _new_account(world)
    client = _signed_in("nora", one_time)
    response = client.get(reverse("casefile:my_work"))
    assert response["Location"] == reverse("account_change_password")
    assert client.get(reverse("api:my_cases")).status_code == 401
    assert client.get(reverse("account_change_password")).status_code == 200

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": one_time, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.must_change_password
    assert client.get(reverse("casefile:my_work"))["Location"] == reverse("mfa_activate_totp")


def test_a_wrong_old_password_changes_nothing(world: World) -> None:
    user, one_time = _new_account(world)
    client = _signed_in("nora", one_time)
    client.post(
        reverse("account_change_password"),
        {"oldpassword": "fel", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    user.refresh_from_db()
    assert user.must_change_password
    assert client.get(reverse("casefile:my_work"))["Location"] == reverse("account_change_password")


def test_a_reset_second_factor_asks_for_a_new_password_too(world: World) -> None:
    hanna = world.user("hanna")
    one_time = staff_user_reset_second_factor(changed_by=world.user("anna"), user=hanna)
    hanna.refresh_from_db()
    assert hanna.must_change_password
    assert _signed_in("hanna", one_time).get(reverse("casefile:my_work"))["Location"] == reverse(
        "account_change_password"
    )
