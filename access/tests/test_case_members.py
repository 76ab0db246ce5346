"""Staff of another team named to work in one case: let in for that case, as their role may, until the day."""

from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.membership import MemberInput, case_member_name, case_member_withdraw
from access.models import AccessAction, AccessEvent, CaseMember
from accounts.models import Role, Team, User
from conftest import TEST_TOTP_SECRET, World, signed_in
from deadlines.models import Notice, NoticeKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def dina(world: World) -> User:
    """A defector specialist of the same unit, in a team of her own."""
    team = Team.objects.create(unit=world.norr, name="Avhopparteamet")
    user = User.objects.create_user(
        username="dina", password=None, role=Role.DEFECTOR_SPECIALIST, unit=world.norr, team=team
    )
    TOTP.activate(user, TEST_TOTP_SECRET)
    return user


def _name(world: World, user: User, *, case: object = None, days: int = 30, by: str = "karin") -> CaseMember:
    return case_member_name(
        actor=Actor.system(world.user(by)),
        case_public_id=(case or world.own_case).public_id,  # type: ignore[attr-defined]
        data=MemberInput(
            user_id=user.pk,
            reason="Avhopparspecialist i programmet.",
            expires_on=timezone.localdate() + timedelta(days=days),
        ),
    )


def _status(user: User, name: str, *args: object) -> int:
    return signed_in(user).get(reverse(name, args=args)).status_code


def test_a_named_member_sees_and_works_in_that_case_alone_as_their_role_may(world: World, dina: User) -> None:
    case = world.own_case
    assert _status(dina, "casefile:case_detail", case.public_id) == 404
    _name(world, dina)
    assert _status(dina, "casefile:case_detail", case.public_id) == 200
    assert _status(dina, "programme:participation_new", case.public_id) == 200
    assert _status(dina, "decisions:decision_new", case.public_id) == 403  # not a specialist's action
    assert _status(dina, "casefile:case_detail", world.other_team_case.public_id) == 404
    assert Notice.objects.filter(recipient=dina, kind=NoticeKind.CASE_MEMBER, case=case).count() == 1
    search = signed_in(dina).post(reverse("casefile:person_search"), {"q": "berg"}).content.decode()
    assert "Elias" in search


def test_naming_does_not_open_a_protected_child_to_someone_not_named_for_the_child(world: World, dina: User) -> None:
    _name(world, dina, case=world.protected_case)
    assert _status(dina, "casefile:case_detail", world.protected_case.public_id) == 404


def test_a_withdrawn_or_expired_naming_lets_no_one_in(world: World, dina: User) -> None:
    member = _name(world, dina)
    case_member_withdraw(
        actor=Actor.system(world.user("karin")), case_public_id=world.own_case.public_id, member_id=member.pk
    )
    assert _status(dina, "casefile:case_detail", world.own_case.public_id) == 404
    again = _name(world, dina)
    CaseMember.objects.filter(pk=again.pk).update(expires_on=timezone.localdate() - timedelta(days=1))
    assert _status(dina, "casefile:case_detail", world.own_case.public_id) == 404


def test_only_the_unit_manager_names_and_the_case_worker_is_refused_by_role(world: World, dina: User) -> None:
    with pytest.raises(PermissionDenied):
        _name(world, dina, by="hanna")
    row = AccessEvent.objects.get(view_name="access.case_member")
    assert (row.action, row.reason) == (AccessAction.DENIED, "role:staff")


def test_every_problem_of_a_naming_is_told_at_once_and_nothing_is_saved(world: World) -> None:
    for other in ("sara", "olle"):  # another unit; the case's own team
        with pytest.raises(ValidationError) as refused:
            case_member_name(
                actor=Actor.system(world.user("karin")),
                case_public_id=world.own_case.public_id,
                data=MemberInput(
                    user_id=world.user(other).pk, reason=" ", expires_on=timezone.localdate() + timedelta(days=400)
                ),
            )
        assert set(refused.value.error_dict) == {"user_id", "reason", "expires_on"}
    assert not CaseMember.objects.exists()
    assert AccessEvent.objects.filter(view_name="access.case_member", action=AccessAction.REFUSED).count() == 2


def test_the_manager_names_from_the_page_and_sees_who_works_in_the_case(world: World, dina: User) -> None:
    client = signed_in(world.user("karin"))
    url = reverse("access:case_members", args=[world.own_case.public_id])
    assert "dina" in client.get(url).content.decode()
    expires = (timezone.localdate() + timedelta(days=30)).isoformat()
    response = client.post(url, {"user_id": dina.pk, "reason": "Avhopparspecialist.", "expires_on": expires})
    assert response.status_code == 302
    assert CaseMember.objects.get().user == dina
