"""The administrators' account pages and the unit manager's page for naming staff for protected persons.

From conftest's world: anna is the administrator; karin manages unit Norr (hanna, olle, bo, fia, adam);
sara works in Söder. Every account has a second factor. Alva (the protected child in Norr) is visible
to hanna and karin, who are named for her; olle is not.
"""

import logging
import re

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from access.models import AccessEvent, ProtectedIdentityAuthorization
from accounts.models import Role, User
from conftest import World

NEW_ACCOUNT = {
    "username": "nisse",
    "first_name": "Nils",
    "last_name": "Ek",
    "email": "nils.ek@kommun.example",
    "role": "caseworker",
    "unit": "",
    "team": "",
}


def _client(world: World, username: str) -> Client:
    client = Client()
    client.force_login(world.user(username))
    return client


def _one_time_password(body: str) -> str:
    match = re.search(r'<code id="one-time-password">([^<]+)</code>', body)
    assert match, "no one-time password on the page"
    return match.group(1)


def _session_data() -> str:
    return " ".join(str(session.get_decoded()) for session in Session.objects.all())


def _signed_in() -> set[str]:
    return {str(session.get_decoded().get(SESSION_KEY)) for session in Session.objects.all()}


def test_it_creates_an_account_and_shows_the_password_once(world: World, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client = _client(world, "anna")
    response = client.post(reverse("administration:account_create"), {**NEW_ACCOUNT, "team": world.team_a.pk})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    password = _one_time_password(response.content.decode())
    user = User.objects.get(username="nisse")
    assert (user.role, user.team, user.unit, user.is_active) == (Role.CASEWORKER, world.team_a, world.norr, True)
    assert user.check_password(password)
    assert not Authenticator.objects.filter(user=user).exists()
    # Never kept anywhere else: not in the session (nor the messages in it), not on any other page.
    assert password not in _session_data()
    assert password not in client.get(reverse("administration:account_detail", args=[user.pk])).content.decode()
    assert password not in client.get(reverse("administration:account_list")).content.decode()
    assert password not in caplog.text
    assert password not in str(list(user.history.values()))  # type: ignore[attr-defined]


def test_the_history_says_who_created_it(world: World) -> None:
    _client(world, "anna").post(reverse("administration:account_create"), {**NEW_ACCOUNT, "team": world.team_a.pk})
    record = User.objects.get(username="nisse").history.get()  # type: ignore[attr-defined]
    assert (record.history_type, record.history_user, record.history_change_reason) == (
        "+",
        world.user("anna"),
        "account.create",
    )
    assert not hasattr(record, "password")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"role": "god"}, "Välj ett giltigt alternativ"),
        ({"team": ""}, "ange team"),
        ({"role": "unit_manager", "team": ""}, "måste ha en enhet"),
        ({"username": "hanna"}, "finns redan ett konto"),
        ({"username": "HANNA"}, "finns redan ett konto"),
        ({"username": "nisse <b>"}, "användarnamn"),
        ({"email": "maria.berg@kommun.example"}, "e-postadressen"),
    ],
)
def test_it_refuses_bad_input(world: World, changes: dict[str, str], message: str) -> None:
    User.objects.filter(username="olle").update(email="maria.berg@kommun.example")
    before = User.objects.count()
    data = {**NEW_ACCOUNT, "team": str(world.team_a.pk), **changes}
    response = _client(world, "anna").post(reverse("administration:account_create"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert message.lower() in body.lower()
    assert 'id="one-time-password"' not in body
    assert User.objects.count() == before


def test_markup_in_names_is_shown_as_text(world: World) -> None:
    client = _client(world, "anna")
    data = {**NEW_ACCOUNT, "first_name": "<script>alert(1)</script>", "last_name": "<b>Ek</b>", "team": world.team_a.pk}
    pages = [client.post(reverse("administration:account_create"), data).content.decode()]
    user = User.objects.get(username="nisse")
    pages.append(client.get(reverse("administration:account_list")).content.decode())
    pages.append(client.get(reverse("administration:account_detail", args=[user.pk])).content.decode())
    for body in pages:
        assert "<script>alert(1)</script>" not in body
        assert "<b>Ek</b>" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_it_moves_an_account_and_records_who_and_what(world: World) -> None:
    hanna = world.user("hanna")
    response = _client(world, "anna").post(
        reverse("administration:account_detail", args=[hanna.pk]),
        {"role": "unit_manager", "unit": world.team_soder.unit_id},
    )
    assert response.status_code == 302
    hanna.refresh_from_db()
    assert (hanna.role, hanna.unit, hanna.team) == (Role.UNIT_MANAGER, world.team_soder.unit, None)
    record = hanna.history.latest()  # type: ignore[attr-defined]
    assert (record.history_user, record.history_change_reason) == (world.user("anna"), "account.placement")
    page = _client(world, "anna").get(reverse("administration:account_detail", args=[hanna.pk])).content.decode()
    assert "Roll, enhet eller team ändrades" in page


def test_it_checks_a_change_like_a_new_account(world: World) -> None:
    bo = world.user("bo")
    response = _client(world, "anna").post(reverse("administration:account_detail", args=[bo.pk]), {"role": "outreach"})
    assert "ange team" in response.content.decode()
    bo.refresh_from_db()
    assert (bo.role, bo.team) == (Role.TREATMENT, world.team_a)


def test_an_administrator_does_not_change_their_own_account(world: World) -> None:
    anna = world.user("anna")
    before = anna.history.count()  # type: ignore[attr-defined]
    client = _client(world, "anna")
    assert "ditt eget konto" in client.get(reverse("administration:account_detail", args=[anna.pk])).content.decode()
    response = client.post(
        reverse("administration:account_detail", args=[anna.pk]), {"role": "unit_manager", "unit": world.norr.pk}
    )
    assert "eget konto" in response.content.decode()
    anna.refresh_from_db()
    assert anna.role == Role.SYSADMIN
    assert anna.history.count() == before  # type: ignore[attr-defined]


def test_a_sign_in_is_not_a_change_to_the_account(world: World) -> None:
    hanna = world.user("hanna")
    hanna.set_password("ett långt lösenord 42")
    hanna.save()
    before = hanna.history.count()  # type: ignore[attr-defined]
    assert Client().login(username="hanna", password="ett långt lösenord 42")
    hanna.refresh_from_db()
    assert hanna.last_login is not None
    assert hanna.history.count() == before  # type: ignore[attr-defined]


def test_deactivation_ends_the_accounts_sessions(world: World) -> None:
    hanna_browser = _client(world, "hanna")
    karin_browser = _client(world, "karin")
    assert hanna_browser.get(reverse("casefile:my_work")).status_code == 200
    hanna = world.user("hanna")
    response = _client(world, "anna").post(reverse("administration:account_deactivate", args=[hanna.pk]))
    assert response.status_code == 302
    hanna.refresh_from_db()
    assert not hanna.is_active
    assert str(hanna.pk) not in _signed_in()
    assert str(world.user("karin").pk) in _signed_in()
    assert hanna_browser.get(reverse("casefile:my_work")).status_code == 302  # back to sign-in
    assert karin_browser.get(reverse("casefile:my_work")).status_code == 200
    record = hanna.history.latest()  # type: ignore[attr-defined]
    assert (record.history_user, record.history_change_reason, record.is_active) == (
        world.user("anna"),
        "account.deactivate",
        False,
    )


def test_deactivation_withdraws_namings_for_protected_persons_for_good(world: World) -> None:
    hanna = world.user("hanna")
    naming = hanna.protected_authorizations.get()  # type: ignore[attr-defined]
    client = _client(world, "anna")
    client.post(reverse("administration:account_deactivate", args=[hanna.pk]))
    assert not hanna.protected_authorizations.exists()  # type: ignore[attr-defined]
    withdrawn = naming.history.latest()
    assert (withdrawn.history_type, withdrawn.history_user) == ("-", world.user("anna"))
    client.post(reverse("administration:account_reactivate", args=[hanna.pk]))
    assert not hanna.protected_authorizations.exists()  # type: ignore[attr-defined]
    page = _client(world, "hanna").get(reverse("casefile:my_work")).content.decode()
    assert world.protected_case.reference not in page


def test_a_refused_deactivation_withdraws_nothing(world: World) -> None:
    anna = world.user("anna")
    ProtectedIdentityAuthorization.objects.create(
        person=world.protected_case.child, user=anna, granted_by=world.user("karin"), granted_at=timezone.now()
    )
    _client(world, "anna").post(reverse("administration:account_deactivate", args=[anna.pk]))  # one's own: refused
    anna.refresh_from_db()
    assert anna.is_active and anna.protected_authorizations.exists()  # type: ignore[attr-defined]


def test_a_deactivated_account_can_be_reactivated(world: World) -> None:
    hanna = world.user("hanna")
    client = _client(world, "anna")
    client.post(reverse("administration:account_deactivate", args=[hanna.pk]))
    client.post(reverse("administration:account_reactivate", args=[hanna.pk]))
    hanna.refresh_from_db()
    assert hanna.is_active
    reasons = list(hanna.history.values_list("history_change_reason", flat=True))  # type: ignore[attr-defined]
    assert reasons[:2] == ["account.reactivate", "account.deactivate"]


def test_an_administrator_cannot_deactivate_themselves(world: World) -> None:
    anna = world.user("anna")
    client = _client(world, "anna")
    response = client.post(reverse("administration:account_deactivate", args=[anna.pk]), follow=True)
    assert "inaktivera ditt eget konto" in response.content.decode()
    anna.refresh_from_db()
    assert anna.is_active
    assert client.get(reverse("administration:account_list")).status_code == 200


def test_it_removes_every_second_factor_and_sets_a_new_one_time_password(world: World) -> None:
    hanna = world.user("hanna")
    hanna_browser = _client(world, "hanna")
    assert Authenticator.objects.filter(user=hanna).exists()
    response = _client(world, "anna").post(reverse("administration:account_reset_2fa", args=[hanna.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    password = _one_time_password(response.content.decode())
    assert not Authenticator.objects.filter(user=hanna).exists()
    assert hanna_browser.get(reverse("casefile:my_work")).status_code == 302  # signed out
    hanna.refresh_from_db()
    assert hanna.check_password(password)
    record = hanna.history.latest()  # type: ignore[attr-defined]
    assert (record.history_user, record.history_change_reason) == (world.user("anna"), "account.second_factor_reset")
    # Signed in with the one-time password, the account reaches nothing before it chooses its own
    # password and then enrols a second factor (accounts/tests/test_first_sign_in.py).
    fresh = Client()
    assert fresh.login(username="hanna", password=password)
    response = fresh.get(reverse("casefile:my_work"))
    assert (response.status_code, response["Location"]) == (302, reverse("account_change_password"))


def test_an_administrator_does_not_reset_their_own(world: World) -> None:
    anna = world.user("anna")
    response = _client(world, "anna").post(reverse("administration:account_reset_2fa", args=[anna.pk]))
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=anna).exists()


def test_it_shows_role_unit_and_second_factor(world: World) -> None:
    User.objects.create_user(username="ny", password=None, role=Role.LOG_REVIEWER)
    body = _client(world, "anna").get(reverse("administration:account_list")).content.decode()
    assert "Norr / Norr A" in body
    assert "Inte registrerad" in body  # "ny" has no second factor yet
    assert body.count('href="/admin/konton/') >= 10


def test_it_filters_by_role_and_unit(world: World) -> None:
    client = _client(world, "anna")
    body = client.get(reverse("administration:account_list"), {"roll": "unit_manager"}).content.decode()
    assert ">karin<" in body
    assert ">hanna<" not in body
    soder = world.team_soder.unit_id
    body = client.get(reverse("administration:account_list"), {"enhet": soder}).content.decode()
    assert ">sara<" in body
    assert ">hanna<" not in body


def test_it_pages(world: World) -> None:
    User.objects.bulk_create([User(username=f"z{n:03}", role=Role.LOG_REVIEWER) for n in range(60)])
    client = _client(world, "anna")
    first = client.get(reverse("administration:account_list"), {"roll": "log_reviewer"}).content.decode()
    assert "sida=2" in first
    assert "roll=log_reviewer" in first
    second = client.get(reverse("administration:account_list"), {"roll": "log_reviewer", "sida": "2"}).content.decode()
    assert ">z059<" in second
    assert ">z059<" not in first


def test_the_number_of_queries_does_not_grow_with_the_accounts(world: World, django_assert_num_queries: object) -> None:

    client = _client(world, "anna")
    assert (
        client.get(reverse("administration:account_list")).status_code == 200
    )  # the session's first request does more
    User.objects.bulk_create([User(username=f"a{n:02}", role=Role.LOG_REVIEWER) for n in range(3)])
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("administration:account_list")).status_code == 200
    User.objects.bulk_create([User(username=f"b{n:02}", role=Role.CASEWORKER, team=world.team_a) for n in range(30)])
    with django_assert_num_queries(len(few)):  # type: ignore[operator]
        assert client.get(reverse("administration:account_list")).status_code == 200


def test_the_account_pages_show_and_log_no_case_content(world: World) -> None:
    client = _client(world, "anna")
    hanna = world.user("hanna")
    bodies = [
        client.get(reverse("administration:account_list")).content.decode(),
        client.get(reverse("administration:account_detail", args=[hanna.pk])).content.decode(),
    ]
    for body in bodies:
        for text in ("Elias", "Alva", "Saga", world.own_case.reference, world.protected_case.reference):
            assert text not in body
    assert not AccessEvent.objects.exists()


@pytest.mark.parametrize("username", ["hanna", "karin", "lars"])
def test_everyone_else_gets_404(world: World, username: str) -> None:
    client = _client(world, username)
    olle = world.user("olle")
    assert client.get(reverse("administration:account_list")).status_code == 404
    assert client.get(reverse("administration:account_create")).status_code == 404
    assert (
        client.post(reverse("administration:account_create"), {**NEW_ACCOUNT, "team": world.team_a.pk}).status_code
        == 404
    )
    assert client.get(reverse("administration:account_detail", args=[olle.pk])).status_code == 404
    assert client.post(reverse("administration:account_deactivate", args=[olle.pk])).status_code == 404
    assert client.post(reverse("administration:account_reset_2fa", args=[olle.pk])).status_code == 404
    olle.refresh_from_db()
    assert olle.is_active
    assert Authenticator.objects.filter(user=olle).exists()
    assert not User.objects.filter(username="nisse").exists()


def test_a_deactivated_administrator_is_sent_to_sign_in(world: World) -> None:
    client = _client(world, "anna")
    User.objects.filter(username="anna").update(is_active=False)
    response = client.get(reverse("administration:account_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_an_unknown_account_is_404(world: World) -> None:
    assert _client(world, "anna").get(reverse("administration:account_detail", args=[999999])).status_code == 404


def _grant(world: World, granter: str, person_public_id: object, staff: str) -> int:
    response = _client(world, granter).post(
        reverse("access:protected_naming_grant"), {"person": person_public_id, "staff": world.user(staff).pk}
    )
    return response.status_code


def test_the_page_lists_who_is_named_and_logs_each_person_shown(world: World) -> None:
    response = _client(world, "karin").get(reverse("access:protected_naming"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Alva Ek" in body
    assert "Saga" not in body  # another unit's case
    assert "Elias" not in body  # not protected
    rows = list(AccessEvent.objects.values_list("action", "view_name", "person_id", "case_id"))
    # The person, with the case the page shows them in.
    assert rows == [("list", "access.naming", world.protected_case.child_id, world.protected_case.pk)]


def test_a_unit_manager_names_and_withdraws_their_own_units_staff(world: World) -> None:
    alva = world.protected_case.child
    olle = world.user("olle")
    case_url = reverse("casefile:case_detail", args=[world.protected_case.public_id])
    assert _client(world, "olle").get(case_url).status_code == 404
    assert _grant(world, "karin", alva.public_id, "olle") == 302
    authorization = ProtectedIdentityAuthorization.objects.get(person=alva, user=olle)
    assert authorization.history.get().history_user == world.user("karin")  # type: ignore[attr-defined]
    assert _client(world, "olle").get(case_url).status_code == 200

    response = _client(world, "karin").post(reverse("access:protected_naming_withdraw", args=[authorization.pk]))
    assert response.status_code == 302
    assert not ProtectedIdentityAuthorization.objects.filter(person=alva, user=olle).exists()
    last = ProtectedIdentityAuthorization.history.filter(user_id=olle.pk).latest("history_date")  # type: ignore[attr-defined]
    assert (last.history_type, last.history_user) == ("-", world.user("karin"))
    assert _client(world, "olle").get(case_url).status_code == 404


@pytest.mark.parametrize(
    ("case_attr", "staff"),
    [
        ("protected_case", "karin"),  # never themselves
        ("protected_case", "sara"),  # staff of another unit
        ("protected_case", "anna"),  # the administrator is nobody's case worker
        ("other_team_case", "olle"),  # a person in another unit's case
        ("own_case", "olle"),  # not a protected person
    ],
)
def test_a_unit_manager_cannot_name_outside_the_rules(world: World, case_attr: str, staff: str) -> None:
    person = getattr(world, case_attr).child
    before = ProtectedIdentityAuthorization.history.count()  # type: ignore[attr-defined]
    assert _grant(world, "karin", person.public_id, staff) == 404
    assert ProtectedIdentityAuthorization.history.count() == before  # type: ignore[attr-defined]
    denied = AccessEvent.objects.get(action="denied")
    assert (denied.view_name, denied.person_id) == ("access.naming.grant", person.pk)


@pytest.mark.parametrize("username", ["hanna", "lars", "anna"])
def test_only_unit_managers_name_anyone(world: World, username: str) -> None:
    alva = world.protected_case.child
    authorization = ProtectedIdentityAuthorization.objects.get(person=alva, user=world.user("hanna"))
    client = _client(world, username)
    assert client.get(reverse("access:protected_naming")).status_code == 404
    assert _grant(world, username, alva.public_id, "olle") == 404
    assert client.post(reverse("access:protected_naming_withdraw", args=[authorization.pk])).status_code == 404
    assert ProtectedIdentityAuthorization.objects.filter(pk=authorization.pk).exists()
    assert not ProtectedIdentityAuthorization.objects.filter(user=world.user("olle")).exists()


def test_a_naming_the_manager_cannot_withdraw_has_no_button(world: World) -> None:
    hanna = world.user("hanna")
    User.objects.filter(pk=hanna.pk).update(is_active=False)
    authorization = ProtectedIdentityAuthorization.objects.get(user=hanna)
    client = _client(world, "karin")
    body = client.get(reverse("access:protected_naming")).content.decode()
    assert reverse("access:protected_naming_withdraw", args=[authorization.pk]) not in body
    assert client.post(reverse("access:protected_naming_withdraw", args=[authorization.pk])).status_code == 404
