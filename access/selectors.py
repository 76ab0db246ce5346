"""The one place that decides which people and cases a user may see.

Every list, search, detail view, API call and export reads personal data through these functions
(enforced by tests/test_authorization_matrix.py). Missing and forbidden look the same: 404.
"""

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from access.models import CaseMember, EmergencyAccess, ProtectedIdentityAuthorization
from accounts.models import CASE_ROLES, Role, User
from cases.models import Case
from people.models import Person, ProtectionLevel, Relation


def _hidden_protected(user: User, person_ref: str) -> Exists:
    """True when the person at `person_ref` is protected and `user` is not named for them, nor holds
    a unit manager's live grant that lifts the protection of that child (`lifts_protection`).

    Protected persons are a few percent of all, found through a partial index (people migration 0002).
    """
    named = ProtectedIdentityAuthorization.objects.filter(user=user, person_id=OuterRef("id"))
    hidden = Person.objects.filter(id=OuterRef(person_ref)).exclude(protection_level=ProtectionLevel.NONE)
    hidden = hidden.exclude(Exists(named))
    if user.role == Role.UNIT_MANAGER:
        # Only a unit manager can hold such a grant; building the subquery costs every page that asks
        # (Django clones the expressions), so the other roles are spared it.
        lifted = EmergencyAccess.objects.filter(
            user=user, lifts_protection=True, expires_at__gt=timezone.now(), case__child_id=OuterRef("id")
        )
        hidden = hidden.exclude(Exists(lifted))
    return Exists(hidden)


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
        scope |= Q(id__in=member_case_ids(user))
    if include_emergency:
        scope |= Q(id__in=active_emergency_case_ids(user))
    return Case.objects.filter(scope).filter(~_hidden_protected(user, "child_id"))


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


def visible_persons_from_cases(user: User) -> QuerySet[Person]:
    """The same persons as `visible_persons`, found from the user's cases instead of tested one by one.

    For filters that match a large share of everyone, such as a name fragment: among 2 million
    persons "ber" matches hundreds of thousands, each of which `visible_persons` would test. Starting
    from the team's children and their relatives keeps the cost at the size of the team, whatever
    the size of the rest of the register. access/tests/test_visibility_forms.py holds the two forms equal.
    """
    scope = _own_scope(user)
    if scope is None:
        return Person.objects.none()
    # The same cases as visible_cases, but as a UNION: PostgreSQL cannot estimate "own team OR a live
    # grant" and guesses half of all cases, which turns the whole query into scans of every case,
    # relation and protected person.
    case_ids = Case.objects.filter(scope).values("id").union(active_emergency_case_ids(user), all=True)
    if user.role in CASE_ROLES:
        case_ids = case_ids.union(member_case_ids(user), all=True)
    children = Case.objects.filter(id__in=case_ids).filter(~_hidden_protected(user, "child_id")).values("child_id")
    relatives = Relation.objects.filter(child_id__in=children).values("relative_id")
    return Person.objects.filter(id__in=children.union(relatives, all=True)).filter(~_hidden_protected(user, "id"))


def relatives_of_visible_child(user: User, child_id: int) -> QuerySet[Relation]:
    """The child's relations, each marked `relative_hidden` when the relative is kept from `user`.

    Only for a child whose case the caller has just read through access.reads (so the child is
    visible): then each relative is visible by the rule of `visible_persons`, less the protected
    relatives the user is not named for. One cheap query instead of the general rule per relative.
    """
    return (
        Relation.objects.filter(child_id=child_id)
        .annotate(relative_hidden=_hidden_protected(user, "relative_id"))
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
