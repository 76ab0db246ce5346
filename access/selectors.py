"""The one place that decides which people and cases a user may see.

Every list, search, detail view, API call and export reads personal data through these functions
(enforced by tests/test_authorization_matrix.py). Missing and forbidden look the same: 404.
"""

import json
from typing import Any

from django.db import connection
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.utils import timezone

from access.models import CaseMember, EmergencyAccess, ProtectedIdentityAuthorization
from accounts.models import CASE_ROLES, Role, User
from cases.models import Case
from people.models import Person, ProtectionLevel, Relation


def _sees_protected(user: User, person_ref: str) -> Q:
    """True when `user` is named for the person at `person_ref`, or holds a unit manager's live grant
    that lifts the protection of that child (`lifts_protection`): what lets a protected person be seen."""
    named = Q(Exists(ProtectedIdentityAuthorization.objects.filter(user=user, person_id=OuterRef(person_ref))))
    if user.role != Role.UNIT_MANAGER:
        # Only a unit manager can hold such a grant; building the subquery costs every page that asks
        # (Django clones the expressions), so the other roles are spared it.
        return named
    lifted = EmergencyAccess.objects.filter(
        user=user, lifts_protection=True, expires_at__gt=timezone.now(), case__child_id=OuterRef(person_ref)
    )
    return named | Q(Exists(lifted))


def _hidden_protected(user: User, person_ref: str) -> Exists:
    """True when the person at `person_ref` is protected and `user` may not see them (`_sees_protected`).

    Protected persons are a few percent of all, found through a partial index (people migration 0002).
    """
    hidden = Person.objects.filter(id=OuterRef(person_ref)).exclude(protection_level=ProtectionLevel.NONE)
    return Exists(hidden.exclude(_sees_protected(user, "id")))


def active_emergency_case_ids(user: User) -> QuerySet[EmergencyAccess, Any]:
    return EmergencyAccess.objects.filter(user=user, expires_at__gt=timezone.now()).values("case_id")


def member_case_ids(user: User) -> QuerySet[CaseMember, Any]:
    """Cases of other teams the user is named to work in (`CaseMember`), while the naming lives."""
    return CaseMember.objects.filter(user=user, withdrawn_at__isnull=True, expires_on__gte=timezone.localdate()).values(
        "case_id"
    )


def _own_scope(user: User) -> Q | None:
    """The cases a role sees by its place in the organisation; None for roles that see no case content."""
    if not user.is_active:
        return None
    if user.role in CASE_ROLES:
        return Q(team_id=user.team_id)
    if user.role == Role.UNIT_MANAGER:
        return Q(team__unit_id=user.unit_id)
    # Log reviewers see logs and administrators manage accounts: neither sees case content.
    return None


def visible_cases(user: User, *, include_emergency: bool = True) -> QuerySet[Case]:
    """Own team's cases (unit managers: their unit's) and the cases the user is named to work in, plus
    live emergency access.

    A case about a child with protected identity is visible only to staff named for that child,
    and emergency access does not lift that.
    """
    scope = _own_scope(user)
    if scope is None:
        return Case.objects.none()
    if user.role in CASE_ROLES:
        scope |= Q(id__in_array=member_case_ids(user))
    if include_emergency:
        scope |= Q(id__in_array=active_emergency_case_ids(user))
    return Case.objects.filter(scope).filter(~_hidden_protected(user, "child_id"))


def plainly_visible_cases(user: User) -> QuerySet[Case]:
    """The part of `visible_cases` that needs no subquery: the own scope's cases whose child is not
    protected (only a protected child hides a case of the own scope). Every one is in `visible_cases`.

    Nearly every read of a case is one of these, so `access.reads` asks this first and the whole rule
    only when it finds nothing: building and planning the rule's subqueries for every page was most
    of what a case page cost beyond its bare floor (docs/benchmarks.md). access/tests/
    test_visibility_forms.py holds it within `visible_cases` for every role.
    """
    scope = _own_scope(user)
    if scope is None:
        return Case.objects.none()
    return Case.objects.filter(scope, child__protection_level=ProtectionLevel.NONE)


def counted_cases(user: User) -> QuerySet[Case]:
    """The cases whose figures a unit manager's analysis counts: every case of the unit, protected ones
    included, since a count names no one. Never for showing a case; nobody else counts."""
    if not (user.is_active and user.role == Role.UNIT_MANAGER and user.unit_id is not None):
        return Case.objects.none()
    return Case.objects.filter(team__unit_id=user.unit_id)


def visible_persons(user: User) -> QuerySet[Person]:
    """Children of visible cases and their relatives, less protected persons the user is not named for.

    Written as correlated EXISTS so PostgreSQL tests only the candidate rows (one person, a page of
    relatives, the hits of a search) instead of building the whole team's set first.
    """
    cases = visible_cases(user)
    is_child = Exists(cases.filter(child_id=OuterRef("id")))
    is_relative = Exists(
        Relation.objects.filter(relative_id=OuterRef("id")).filter(Exists(cases.filter(child_id=OuterRef("child_id"))))
    )
    return Person.objects.filter(is_child | is_relative).filter(~_hidden_protected(user, "id"))


def _own_persons(user: User, scope: Q) -> tuple[QuerySet[Case, Any], QuerySet[Relation, Any]]:
    """The ids of the children of the user's visible cases and of their relatives, as two subqueries.

    Found from the cases, through indexes, so they cost the size of the team whatever the size of
    the register. The children are a UNION of those of the role's own scope and those of the cases
    it is let into one by one (live emergency grants, and namings to a case for the case roles):
    PostgreSQL cannot estimate "own team OR a live grant", guesses half of all cases, and turns the
    whole query into scans of every case, relation and protected person.
    """
    let_in = active_emergency_case_ids(user)
    if user.role in CASE_ROLES:
        let_in = let_in.union(member_case_ids(user), all=True)
    shown = ~_hidden_protected(user, "child_id")
    own = Case.objects.filter(scope).filter(shown).values("child_id")
    one_by_one = Case.objects.filter(id__in=let_in).filter(shown).values("child_id")
    children = own.union(one_by_one, all=True)
    return children, Relation.objects.filter(child_id__in=children).values("relative_id")


def visible_persons_from_cases(user: User) -> QuerySet[Person]:
    """The same persons as `visible_persons`, found from the user's cases instead of tested one by one.

    For filters that match a large share of everyone, such as a broad name fragment: among 2 million
    persons "ber" matches hundreds of thousands, each of which `visible_persons` would test. Starting
    from the team's children and their relatives keeps the cost at the size of the team, whatever
    the size of the rest of the register. access/tests/test_visibility_forms.py holds the forms equal.
    """
    scope = _own_scope(user)
    if scope is None:
        return Person.objects.none()
    children, relatives = _own_persons(user, scope)
    return Person.objects.filter(id__in=children.union(relatives, all=True)).filter(~_hidden_protected(user, "id"))


def visible_persons_among(user: User, candidates: QuerySet[Person]) -> QuerySet[Person]:
    """The same rule again, for a few thousand candidates at most (a name fragment's matches).

    The candidates are read first (through their own index, such as the trigram index on names),
    and each is looked up in the user's own persons, built as two hashed sets: the cost is the
    candidates plus the team's persons. Written as "a child OR a relative" so that PostgreSQL hashes
    the sets instead of joining them, which it would start from the team again.
    """
    scope = _own_scope(user)
    if scope is None:
        return Person.objects.none()
    children, relatives = _own_persons(user, scope)
    return candidates.filter(Q(id__in=children) | Q(id__in=relatives)).filter(~_hidden_protected(user, "id"))


# Above about this many persons in the whole register whose names match, reading every match costs
# more than testing each of the team's own persons (about 11,700 for a team of 3,000 cases, at city
# and national scale alike); below it, the matches are the cheaper side. Where the crossing lies
# depends on how much of the register is in memory: in a city's it was near 20,000 matches, in the
# national register about 8,000, where 19,000 matches took 145 ms against 60 ms from the team's side
# (docs/benchmarks.md, session 16). Between the two, a city's searches lose at most a few ms.
MATCHES_FIRST_UP_TO = 10_000


def _estimated_count(persons: QuerySet[Person]) -> int | None:
    """PostgreSQL's own estimate of how many rows `persons` has: planning only, nothing is read.

    None on SQLite, which does not estimate rows.
    """
    if connection.vendor != "postgresql":
        return None
    plan = json.loads(persons.explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


def visible_persons_matching(user: User, match: Q) -> QuerySet[Person]:
    """`visible_persons` narrowed by `match` (a name fragment), found from whichever side is smaller.

    PostgreSQL cannot choose by itself: it guesses a fixed 200 for the team's persons and so always
    starts from the team, testing every one of its persons' names even when a name is rare. Its
    estimate of the matches alone is good, so that decides. SQLite has neither estimate nor trigram
    index and keeps starting from the team. Either way the rule is the same (the forms are held
    equal by access/tests/test_visibility_forms.py); a wrong estimate costs time, never persons.
    """
    if _own_scope(user) is None:
        return Person.objects.none()  # and no estimate asked for: nothing to find
    matches = Person.objects.filter(match)
    estimate = _estimated_count(matches)
    if estimate is not None and estimate <= MATCHES_FIRST_UP_TO:
        return visible_persons_among(user, matches)
    return visible_persons_from_cases(user).filter(match)


def relatives_of_visible_child(user: User, child_id: int) -> QuerySet[Relation]:
    """The child's relations, each marked `relative_hidden` when the relative is kept from `user`.

    Only for a child whose case the caller has just read through access.reads (so the child is
    visible): then each relative is visible by the rule of `visible_persons`, less the protected
    relatives the user is not named for. One cheap query instead of the general rule per relative:
    the relative is already joined, so only the naming (and a lifting grant) needs a subquery.
    """
    kept = ~Q(relative__protection_level=ProtectionLevel.NONE) & ~_sees_protected(user, "relative_id")
    return (
        Relation.objects.filter(child_id=child_id)
        .annotate(relative_hidden=ExpressionWrapper(kept, output_field=BooleanField()))
        .select_related("relative")
        .order_by("kind", "id")
    )


def is_emergency_access(user: User, case: Case) -> EmergencyAccess | None:
    """The live emergency grant through which `user` sees `case`: outside the team rule, or (a unit
    manager in their own unit) a grant that lifts the protection of the case's child."""
    in_scope = case.team_id == user.team_id or (user.role == Role.UNIT_MANAGER and case.team.unit_id == user.unit_id)
    if in_scope and not case.child.is_protected:
        return None
    live = EmergencyAccess.objects.filter(user=user, case=case, expires_at__gt=timezone.now())
    return (live.filter(lifts_protection=True) if in_scope else live).order_by("-started_at").first()
