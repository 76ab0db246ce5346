"""Who may name staff for a protected person, and that naming and withdrawal leave a trace."""

import pytest
from django.core.exceptions import PermissionDenied

from access.models import ProtectedIdentityAuthorization
from access.services import protected_authorization_grant, protected_authorization_revoke
from conftest import World


def test_a_unit_manager_names_own_unit_staff_for_own_unit_person(world: World) -> None:
    person = world.protected_case.child
    grant = protected_authorization_grant(granted_by=world.user("karin"), person=person, user=world.user("olle"))
    assert grant.granted_by == world.user("karin")
    record = grant.history.get()
    assert (record.history_type, record.history_user) == ("+", world.user("karin"))


@pytest.mark.parametrize(
    ("granter", "grantee", "case_attr"),
    [
        ("karin", "karin", "protected_case"),  # nobody names themselves
        ("karin", "sara", "protected_case"),  # staff outside the manager's unit
        ("karin", "olle", "other_team_case"),  # a person outside the manager's unit
        ("hanna", "olle", "protected_case"),  # case workers name nobody
        ("lars", "olle", "protected_case"),  # nor do log reviewers
    ],
)
def test_naming_outside_the_rules_is_refused(world: World, granter: str, grantee: str, case_attr: str) -> None:
    person = getattr(world, case_attr).child
    before = ProtectedIdentityAuthorization.history.count()
    with pytest.raises(PermissionDenied):
        protected_authorization_grant(granted_by=world.user(granter), person=person, user=world.user(grantee))
    assert ProtectedIdentityAuthorization.history.count() == before


def test_withdrawal_is_kept_in_history(world: World) -> None:
    authorization = ProtectedIdentityAuthorization.objects.get(user=world.user("hanna"))
    protected_authorization_revoke(revoked_by=world.user("karin"), authorization=authorization)
    assert not ProtectedIdentityAuthorization.objects.filter(user=world.user("hanna")).exists()
    last = ProtectedIdentityAuthorization.history.filter(user_id=world.user("hanna").pk).latest("history_date")
    assert (last.history_type, last.history_user) == ("-", world.user("karin"))
