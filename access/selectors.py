"""The one place that decides which people and cases a user may see.

Every list, search, detail view, API call and export reads personal data through these functions
(enforced by tests/test_authorization_matrix.py). Missing and forbidden look the same: 404.
"""

from django.db.models import Q, QuerySet
from django.utils import timezone

from access.models import EmergencyAccess, ProtectedIdentityAuthorization
from accounts.models import CASE_ROLES, Role, User
from cases.models import Case
from people.models import Person, ProtectionLevel, Relation


def _protected_persons_allowed(user: User) -> Q:
    named = ProtectedIdentityAuthorization.objects.filter(user=user).values("person_id")
    return Q(protection_level=ProtectionLevel.NONE) | Q(id__in=named)


def active_emergency_case_ids(user: User) -> QuerySet[EmergencyAccess, int]:
    return EmergencyAccess.objects.filter(user=user, expires_at__gt=timezone.now()).values("case_id")


def visible_cases(user: User, *, include_emergency: bool = True) -> QuerySet[Case]:
    """Own team's cases (unit managers: their unit's), plus live emergency access.

    A case about a child with protected identity is visible only to staff named for that child,
    and emergency access does not lift that.
    """
    if not user.is_active:
        return Case.objects.none()
    if user.role in CASE_ROLES:
        scope = Q(team_id=user.team_id)
    elif user.role == Role.UNIT_MANAGER:
        scope = Q(team__unit_id=user.unit_id)
    else:
        # Log reviewers see logs and administrators manage accounts: neither sees case content.
        return Case.objects.none()
    if include_emergency:
        scope |= Q(id__in=active_emergency_case_ids(user))
    allowed_children = Person.objects.filter(_protected_persons_allowed(user)).values("id")
    return Case.objects.filter(scope, child_id__in=allowed_children)


def visible_persons(user: User) -> QuerySet[Person]:
    """Children of visible cases and their relatives, less protected persons the user is not named for."""
    children = visible_cases(user).values("child_id")
    relatives = Relation.objects.filter(child_id__in=children).values("relative_id")
    return Person.objects.filter(Q(id__in=children) | Q(id__in=relatives)).filter(_protected_persons_allowed(user))


def may_see_contact_details(user: User, person: Person) -> bool:
    """Address, phone and e-mail of a protected person only for staff named for that person."""
    if not person.is_protected:
        return True
    return ProtectedIdentityAuthorization.objects.filter(user=user, person=person).exists()


def is_emergency_access(user: User, case: Case) -> EmergencyAccess | None:
    """The live emergency grant through which `user` sees `case`, if the team rule does not cover it."""
    in_scope = case.team_id == user.team_id or (user.role == Role.UNIT_MANAGER and case.team.unit_id == user.unit_id)
    if in_scope:
        return None
    return (
        EmergencyAccess.objects.filter(user=user, case=case, expires_at__gt=timezone.now())
        .order_by("-started_at")
        .first()
    )


def may_request_emergency_access(user: User) -> bool:
    return user.is_active and user.role in CASE_ROLES | {Role.UNIT_MANAGER}


def may_review_logs(user: User) -> bool:
    return user.is_active and user.role in {Role.LOG_REVIEWER, Role.UNIT_MANAGER}


def may_administer(user: User) -> bool:
    return user.is_active and user.role == Role.SYSADMIN
