"""`visible_persons` and `visible_persons_from_cases` are one rule written two ways; they must agree.

Search uses the second (it starts from the team's cases, so a broad name fragment costs the size of
the team); person pages and reads use the first. A difference would show one person in a search
that their page then refuses, or hide one from search that the page shows.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from access import selectors
from access.models import EmergencyAccess, ProtectedIdentityAuthorization
from accounts.models import User
from conftest import World, grant_emergency, make_person
from people.models import Person, ProtectionLevel, RelationKind
from people.services import relation_create


def _both_forms(user: User) -> tuple[set[int], set[int]]:
    one_by_one = set(selectors.visible_persons(user).values_list("id", flat=True))
    from_cases = set(selectors.visible_persons_from_cases(user).values_list("id", flat=True))
    return one_by_one, from_cases


@pytest.fixture
def wider_world(world: World) -> World:
    """Adds a protected guardian, a sibling shared by two teams' children and live and expired grants."""
    hidden_guardian = make_person(
        "Tove", "Berg", date(1979, 2, 3), 654, protection_level=ProtectionLevel.CONFIDENTIALITY_MARK
    )
    relation_create(child=world.own_case.child, relative=hidden_guardian, kind=RelationKind.GUARDIAN_WITH_CUSTODY)
    ProtectedIdentityAuthorization.objects.create(
        person=hidden_guardian, user=world.user("olle"), granted_by=world.user("karin"), granted_at=timezone.now()
    )
    shared_sibling = make_person("Ida", "Holm", date(2008, 9, 10), 987)
    relation_create(child=world.own_case.child, relative=shared_sibling, kind=RelationKind.SIBLING)
    relation_create(child=world.other_team_case.child, relative=shared_sibling, kind=RelationKind.SIBLING)
    grant_emergency(world.user("sara"), world.own_case)
    long_ago = timezone.now() - timedelta(days=1)
    EmergencyAccess.objects.create(
        user=world.user("bo"),
        case=world.other_team_case,
        reason="Barnet var i akut fara i går.",
        started_at=long_ago,
        expires_at=long_ago + timedelta(hours=4),
    )
    return world


def test_both_forms_show_every_role_the_same_persons(wider_world: World) -> None:
    seen_by_someone = set()
    for name, user in wider_world.users.items():
        one_by_one, from_cases = _both_forms(user)
        assert one_by_one == from_cases, name
        seen_by_someone |= one_by_one
    assert seen_by_someone, "the world must make someone see someone, or this test proves nothing"


def test_both_forms_hide_a_protected_guardian_from_staff_not_named_for_them(wider_world: World) -> None:
    guardian = Person.objects.get(search_name="tove berg")
    assert guardian.pk in _both_forms(wider_world.user("olle"))[1]  # named for her
    assert guardian.pk not in _both_forms(wider_world.user("hanna"))[1]  # same team, not named
    assert guardian.pk not in _both_forms(wider_world.user("karin"))[1]  # the unit manager, not named


def test_both_forms_follow_emergency_access_and_drop_it_when_it_expires(wider_world: World) -> None:
    own_child = wider_world.own_case.child_id
    assert own_child in _both_forms(wider_world.user("sara"))[1]  # live grant
    assert wider_world.other_team_case.child_id not in _both_forms(wider_world.user("bo"))[1]  # expired


def test_both_forms_show_nothing_to_an_inactive_user_or_to_the_log_reviewer(wider_world: World) -> None:
    hanna = wider_world.user("hanna")
    hanna.is_active = False
    hanna.save()
    for user in (hanna, wider_world.user("lars"), wider_world.user("anna")):
        assert _both_forms(user) == (set(), set())
