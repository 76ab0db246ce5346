"""Single sign-on reaches only accounts an administrator created."""

from pathlib import Path

import pytest
from allauth.socialaccount.models import SocialAccount, SocialLogin
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse

from accounts.adapters import StaffSocialAccountAdapter
from accounts.models import User
from conftest import World
from utvag.tests.test_settings import GOOD, _check

PROVIDER = {
    "openid_connect": {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": "municipality",
                "name": "Kommunens inloggning",
                "client_id": "utvag",
                "secret": "s",
                "settings": {"server_url": "https://idp.example/.well-known/openid-configuration"},
            }
        ],
    }
}


def test_it_never_signs_anyone_up(db: None) -> None:
    login = SocialLogin(user=User(username="stranger"), account=SocialAccount(provider="municipality", uid="x"))
    assert StaffSocialAccountAdapter().is_open_for_signup(RequestFactory().get("/"), login) is False


def test_the_sign_in_page_offers_the_municipalitys_provider_when_configured(db: None, settings: object) -> None:
    assert "Kommunens inloggning" not in Client().get(reverse("account_login")).content.decode()
    settings.SOCIALACCOUNT_PROVIDERS = PROVIDER  # type: ignore[attr-defined]
    body = Client().get(reverse("account_login")).content.decode()
    assert "Kommunens inloggning" in body
    assert "/accounts/oidc/municipality/login/" in body


def test_staff_accounts_carry_the_email_sso_finds_them_by(world: World) -> None:
    call_command(
        "create_staff_user",
        "nisse",
        "--role",
        "sysadmin",
        "--first-name",
        "Nils",
        "--last-name",
        "Ek",
        "--email",
        " Nils.Ek@Kommun.example ",
    )
    assert User.objects.get(username="nisse").email == "nils.ek@kommun.example"


@pytest.mark.parametrize("missing", ["UTVAG_OIDC_CLIENT_ID", "UTVAG_OIDC_CLIENT_SECRET"])
def test_production_refuses_half_configured_sso(tmp_path: Path, missing: str) -> None:
    env = {
        **GOOD,
        "UTVAG_OIDC_SERVER_URL": "https://idp.example",
        "UTVAG_OIDC_CLIENT_ID": "utvag",
        "UTVAG_OIDC_CLIENT_SECRET": "s",
    }
    env.pop(missing)
    result = _check(env, tmp_path)
    assert result.returncode != 0
    assert missing in result.stderr
