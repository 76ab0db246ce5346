"""The unit manager's second path to a protected child's case (audit point 4).

On a Friday night nobody named for a protected child may be on duty, and the protection assessment
is due at once. A unit manager of the case's own unit may then open the case for a stated reason:
time-limited, flagged at once to the log reviewer and to the named staff, with the address hidden
unless the reason needs it. Nobody else can, and ordinary emergency access still never lifts it.
"""

from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access.models import AccessAction, AccessEvent, EmergencyAccess
from access.review import pending_grants
from accounts.models import Role, User
from conftest import TEST_TOTP_SECRET, World
from deadlines.models import Notice, NoticeKind

pytestmark = pytest.mark.django_db
REASON = "Polisen ringer: barnet hotas i natt, ingen namngiven handläggare svarar."


@pytest.fixture
def kim(world: World) -> User:
    """A unit manager of Norr who is not named for the protected child (karin is)."""
    return _manager("kim", world.norr)


def _manager(name: str, unit: object) -> User:
    user = User.objects.create_user(username=name, password=None, role=Role.UNIT_MANAGER, unit=unit)
    TOTP.activate(user, TEST_TOTP_SECRET)  # staff sign in with a second factor
    return user


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _open(client: Client, world: World, **more: str) -> int:
    url = reverse("access:protected_access", args=[world.protected_case.public_id])
    return client.post(url, {"reason": REASON, **more}).status_code


def _case(client: Client, world: World) -> int:
    return client.get(reverse("casefile:case_detail", args=[world.protected_case.public_id])).status_code


def _person(client: Client, world: World) -> str:
    return client.get(reverse("casefile:person_detail", args=[world.protected_case.child.public_id])).content.decode()


def test_the_manager_opens_the_case_and_can_do_the_protection_assessment_but_sees_no_address(
    world: World, kim: User
) -> None:
    client = _client(kim)
    assert _case(client, world) == 404
    assert _open(client, world) == 302
    assert _case(client, world) == 200
    assert "Hemlig väg 9" not in _person(client, world)
    grant = EmergencyAccess.objects.get(user=kim)
    assert grant.lifts_protection and not grant.shows_address
    assert grant.expires_at - grant.started_at <= timedelta(hours=24)
    form = reverse("investigations:investigation_open", args=[world.protected_case.public_id])
    assert client.get(form).status_code == 200  # the work that cannot wait is open to them
    reads = AccessEvent.objects.filter(user_id=kim.pk, case_id=world.protected_case.pk, action=AccessAction.VIEW)
    assert reads.exists() and all(row.emergency and row.reason == REASON for row in reads)


def test_the_address_shows_only_when_the_reason_needs_it(world: World, kim: User) -> None:
    client = _client(kim)
    assert _open(client, world, shows_address="on") == 302
    assert "Hemlig väg 9" in _person(client, world)


def test_the_named_staff_and_the_log_reviewer_are_told_at_once(world: World, kim: User) -> None:
    _open(_client(kim), world)
    told = set(Notice.objects.filter(kind=NoticeKind.PROTECTED_OPENED).values_list("recipient__username", flat=True))
    assert told == {"hanna", "karin"}
    grant = EmergencyAccess.objects.get(user=kim)
    assert grant in pending_grants(world.user("lars"))
    assert grant not in pending_grants(world.user("karin"))  # a manager does not review a manager's path


def test_the_access_ends_with_its_time(world: World, kim: User) -> None:
    client = _client(kim)
    _open(client, world)
    now = timezone.now()
    EmergencyAccess.objects.filter(user=kim).update(
        started_at=now - timedelta(hours=5), expires_at=now - timedelta(seconds=1)
    )
    assert _case(client, world) == 404


@pytest.mark.parametrize("name", ["olle", "bo", "lars", "anna", "sara"])
def test_nobody_but_a_unit_manager_of_the_unit_can_take_this_path(world: World, name: str) -> None:
    client = _client(world.user(name))
    assert _open(client, world) == 404
    assert _case(client, world) == 404
    assert not EmergencyAccess.objects.exists()
    assert AccessEvent.objects.filter(
        action=AccessAction.DENIED, view_name__startswith="case.protected_access"
    ).exists()


def test_a_manager_of_another_unit_and_an_unprotected_case_are_refused(world: World) -> None:
    other = _manager("sune", world.team_soder.unit)
    assert _open(_client(other), world) == 404
    url = reverse("access:protected_access", args=[world.own_case.public_id])
    assert _client(world.user("karin")).post(url, {"reason": REASON}).status_code == 404
    assert not EmergencyAccess.objects.exists()


def test_a_named_manager_is_sent_straight_to_the_case(world: World) -> None:
    url = reverse("access:protected_access", args=[world.protected_case.public_id])
    response = _client(world.user("karin")).get(url)
    assert response.status_code == 302
    assert not EmergencyAccess.objects.exists()


def test_a_short_reason_is_refused_and_nothing_opens(world: World, kim: User) -> None:
    url = reverse("access:protected_access", args=[world.protected_case.public_id])
    response = _client(kim).post(url, {"reason": "Brådskande."})
    assert response.status_code == 200 and 'href="#id_reason"' in response.content.decode()
    assert not EmergencyAccess.objects.exists()
