"""`visible_persons`, `visible_persons_from_cases` and `visible_persons_among` are one rule written
three ways; they must agree, and so must `visible_persons_matching`, which chooses between the last two.

Name search uses the chooser (from the matches when a fragment is rare in the register, from the
team's cases when it is common); person pages and reads use the first. A difference would show one
person in a search that their page then refuses, or hide one from search that the page shows.

A case read (`access.reads`) asks the plain part of `visible_cases` first and the whole rule only when
that finds nothing, and the case page marks the child's hidden relatives by the protection rule alone:
both are held to the rule they shortcut, for every role and case of the world below.
"""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from access import selectors
from access.actor import Actor
from access.models import CaseMember, EmergencyAccess, ProtectedIdentityAuthorization
from access.permissions import CaseAction
from access.reads import read_case
from accounts.models import Role, Team, User
from cases.models import Case, CaseStatus, ClosureOutcome, ClosureReason
from cases.services import case_open
from conftest import World, grant_emergency, make_person
from people.models import Person, ProtectionLevel, RelationKind
from people.services import relation_create


def _both_forms(user: User) -> tuple[set[int], set[int]]:
    one_by_one = set(selectors.visible_persons(user).values_list("id", flat=True))
    from_cases = set(selectors.visible_persons_from_cases(user).values_list("id", flat=True))
    return one_by_one, from_cases


@pytest.fixture
def wider_world(world: World) -> World:
    """Adds a protected guardian, a sibling shared by two teams' children, live and expired grants, a
    closed case, a protected child whose protection the unit manager's live grant lifts, and dina of
    another Norr team, named to one case and no longer to another."""
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
    closed = case_open(child=make_person("Nils", "Berglund", date(2009, 4, 5), 246), team=world.team_a)
    Case.objects.filter(pk=closed.pk).update(
        status=CaseStatus.CLOSED,
        closed_at=timezone.now(),
        closure_reason=ClosureReason.NO_MEASURES,
        closure_outcome=ClosureOutcome.NOT_APPLICABLE,
    )
    relation_create(
        child=closed.child,
        relative=make_person("Eva", "Berglund", date(1975, 6, 7), 135),
        kind=RelationKind.PARENT_WITHOUT_CUSTODY,
    )
    lifted = case_open(
        child=make_person(
            "Ebba", "Ekberg", date(2013, 8, 9), 864, protection_level=ProtectionLevel.PROTECTED_REGISTRATION
        ),
        team=world.team_a,
    )
    EmergencyAccess.objects.create(
        user=world.user("karin"),
        case=lifted,
        reason="Ingen namngiven handläggare nås.",
        started_at=timezone.now(),
        expires_at=timezone.now() + timedelta(hours=4),
        lifts_protection=True,
    )
    dina = User.objects.create_user(
        username="dina",
        password=None,
        role=Role.DEFECTOR_SPECIALIST,
        unit=world.norr,
        team=Team.objects.create(unit=world.norr, name="Avhopparteamet"),
    )
    world.users["dina"] = dina
    for case, withdrawn_at in ((world.own_case, None), (closed, timezone.now())):
        CaseMember.objects.create(
            case=case,
            user=dina,
            reason="Avhopparspecialist i programmet.",
            named_by=world.user("karin"),
            named_at=timezone.now(),
            expires_on=timezone.localdate() + timedelta(days=30),
            withdrawn_at=withdrawn_at,
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


# Fragments as name search builds them: inside names, at the start of a name, and one that matches
# nearly everyone.
MATCHES = {
    "berg": Q(search_name__contains="berg"),
    "holm": Q(search_name__contains="holm"),
    "ek at the start": Q(search_name__startswith="ek") | Q(search_name__contains=" ek"),
    "a": Q(search_name__contains="a"),
}


def _found_by_every_search_form(user: User, match: Q, monkeypatch: pytest.MonkeyPatch) -> set[int]:
    """The persons each form finds for `match`, asserted equal; the chooser is made to choose each way."""

    def ids(persons: QuerySet[Person]) -> set[int]:
        return set(persons.values_list("id", flat=True))

    found = {
        "one by one": ids(selectors.visible_persons(user).filter(match)),
        "from cases": ids(selectors.visible_persons_from_cases(user).filter(match)),
        "among the matches": ids(selectors.visible_persons_among(user, Person.objects.filter(match))),
    }
    for estimate in (0, 10**9, None):  # few matches, many, and SQLite's no estimate at all
        monkeypatch.setattr(selectors, "_estimated_count", lambda persons, estimate=estimate: estimate)
        found[f"chosen with an estimate of {estimate}"] = ids(selectors.visible_persons_matching(user, match))
    assert len({frozenset(persons) for persons in found.values()}) == 1, (user.username, found)
    return found["one by one"]


@pytest.mark.parametrize("fragment", MATCHES)
def test_every_search_form_finds_every_role_the_same_persons(
    wider_world: World, fragment: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    found_by_someone = set()
    for user in wider_world.users.values():
        found_by_someone |= _found_by_every_search_form(user, MATCHES[fragment], monkeypatch)
    assert found_by_someone, "someone must find someone, or this test proves nothing"


def test_every_search_form_follows_protection_grants_closed_cases_and_relatives(
    wider_world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def found(username: str, fragment: str) -> set[str]:
        ids = _found_by_every_search_form(wider_world.user(username), MATCHES[fragment], monkeypatch)
        return set(Person.objects.filter(id__in=ids).values_list("search_name", flat=True))

    closed_case_family = {"nils berglund", "eva berglund"}
    assert found("hanna", "berg") == {"elias berg", "maria berg", *closed_case_family}
    assert found("olle", "berg") == {"elias berg", "maria berg", "tove berg", *closed_case_family}  # named for Tove
    assert found("hanna", "ek at the start") == {"alva ek"}  # not Ebba: protected, and hanna is not named
    assert found("karin", "ek at the start") == {"alva ek", "ebba ekberg"}  # named; her grant lifts protection
    assert found("sara", "holm") == {"saga holm", "ida holm"}  # her own team's child, and a shared sibling
    assert found("sara", "berg") == {"elias berg", "maria berg"}  # through her live grant only
    assert found("bo", "holm") == {"ida holm"}  # his grant on Söder's case has expired
    assert found("dina", "berg") == {"elias berg", "maria berg"}  # named to Elias's case, withdrawn from Nils's
    assert found("lars", "a") == set()


def test_the_estimate_that_chooses_comes_from_postgresql_and_sqlite_has_none(wider_world: World) -> None:
    estimate = selectors._estimated_count(Person.objects.filter(MATCHES["berg"]))
    if connection.vendor == "postgresql":
        assert isinstance(estimate, int)
        assert estimate >= 0
    else:
        assert estimate is None


def test_the_plain_part_of_the_case_rule_shows_no_case_the_whole_rule_hides(wider_world: World) -> None:
    """`access.reads` asks `plainly_visible_cases` first: it must never find a case `visible_cases` would not."""
    plain_for_someone = set()
    for name, user in wider_world.users.items():
        plain = set(selectors.plainly_visible_cases(user).values_list("id", flat=True))
        for include_emergency in (True, False):
            whole = set(selectors.visible_cases(user, include_emergency=include_emergency).values_list("id", flat=True))
            assert plain <= whole, (name, include_emergency)
        plain_for_someone |= plain
    assert wider_world.protected_case.pk not in plain_for_someone  # protected: only the whole rule decides
    assert wider_world.own_case.pk in plain_for_someone


def test_a_case_read_finds_exactly_the_cases_of_the_rule(wider_world: World) -> None:
    """For every role and case, opening it (and opening it to change it) answers as `visible_cases` does:
    the plain part of the rule, the whole rule behind it, grants, namings and protection."""
    actions = {True: None, False: CaseAction.JOURNAL}
    opened_through_the_whole_rule = set()
    for name, user in wider_world.users.items():
        plain = set(selectors.plainly_visible_cases(user).values_list("id", flat=True))
        for case in Case.objects.all():
            for include_emergency, for_action in actions.items():
                expected = (
                    selectors.visible_cases(user, include_emergency=include_emergency).filter(pk=case.pk).exists()
                )
                try:
                    read = read_case(Actor(user=user), case.public_id, view_name="test.read", for_action=for_action)
                except (Http404, PermissionDenied) as refused:
                    seen = isinstance(refused, PermissionDenied)  # the user's case, not the role's action
                else:
                    seen = read.case.pk == case.pk
                assert seen == expected, (name, case.child.search_name, include_emergency)
                if seen and case.pk not in plain:
                    opened_through_the_whole_rule.add((name, case.pk))
    assert ("sara", wider_world.own_case.pk) in opened_through_the_whole_rule  # her live grant
    assert ("hanna", wider_world.protected_case.pk) in opened_through_the_whole_rule  # named for the child
    assert ("dina", wider_world.own_case.pk) in opened_through_the_whole_rule  # named to the case


def test_the_case_pages_relatives_are_hidden_exactly_as_the_person_rule_hides_them(wider_world: World) -> None:
    hidden_from_someone = set()
    for name, user in wider_world.users.items():
        persons = set(selectors.visible_persons(user).values_list("id", flat=True))
        for case in selectors.visible_cases(user):
            for relation in selectors.relatives_of_visible_child(user, case.child_id):
                hidden = relation.relative_hidden  # type: ignore[attr-defined]  # marked by access.selectors
                assert hidden == (relation.relative_id not in persons), (name, relation.relative.search_name)
                if hidden:
                    hidden_from_someone.add(relation.relative.search_name)
    assert hidden_from_someone == {"tove berg"}
