"""The unit manager's page for naming staff for protected persons in the unit's cases.

Who may name whom is decided by access.services (`_check_may_name`); this module finds what the page
shows and what a button refers to. A unit manager sees a protected person here only if they may already
see that person (`visible_persons`: they are named for them). Every person shown is written to the
access log; naming and withdrawal are kept in the authorization's history.
"""

from dataclasses import dataclass
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.http import Http404

from access import rules, selectors
from access.actor import Actor
from access.log import write_access_events
from access.models import AccessAction, ProtectedIdentityAuthorization
from access.reads import refuse
from access.services import protected_authorization_grant, protected_authorization_revoke
from accounts.models import CASE_ROLES, Role, User
from cases.models import Case, CaseStatus
from people.models import Person, ProtectionLevel, Relation

VIEW_NAME = "access.naming"


def unit_protected_persons(manager: User) -> QuerySet[Person]:
    """Protected children and relatives in the unit's cases, as far as the manager may see them."""
    cases = selectors.visible_cases(manager, include_emergency=False)
    in_unit_cases = Exists(cases.filter(child_id=OuterRef("id"))) | Exists(
        Relation.objects.filter(relative_id=OuterRef("id"), child_id__in=cases.values("child_id"))
    )
    return (
        selectors.visible_persons(manager)
        .exclude(protection_level=ProtectionLevel.NONE)
        .filter(in_unit_cases)
        .order_by("family_name", "given_name", "id")
    )


def unit_namings(manager: User) -> QuerySet[ProtectedIdentityAuthorization]:
    return (
        ProtectedIdentityAuthorization.objects.filter(person__in=unit_protected_persons(manager))
        .select_related("person", "user__team", "granted_by")
        .order_by("person__family_name", "person__given_name", "person_id", "user__username")
    )


def nameable_staff(manager: User) -> QuerySet[User]:
    """Active staff of the manager's unit who work with its cases; never the manager."""
    return (
        User.objects.filter(is_active=True, role__in=sorted(CASE_ROLES | {Role.UNIT_MANAGER}))
        .filter(Q(unit_id=manager.unit_id) | Q(team__unit_id=manager.unit_id))
        .exclude(pk=manager.pk)
        .select_related("team")
        .order_by("last_name", "first_name", "username")
    )


@dataclass(frozen=True)
class Naming:
    authorization: ProtectedIdentityAuthorization
    # The services let a manager withdraw only a naming they could make (or their own).
    may_withdraw: bool


@dataclass(frozen=True)
class ProtectedCase:
    """A protected person in one of the unit's open cases, and whether its responsible worker may see them.

    A responsible worker who is not named for the child loses sight of their own case: the page warns.
    """

    person: Person
    case: Case
    responsible_named: bool


@dataclass(frozen=True)
class NamingPage:
    persons: list[Person]
    namings: list[Naming]
    staff: list[User]
    cases: list[ProtectedCase]


def _protected_cases(manager: User, persons: list[Person]) -> list[ProtectedCase]:
    """Three queries whatever the unit's size: the persons' open cases as child, as relative, and namings."""
    by_id = {p.pk: p for p in persons}
    if not by_id:
        return []
    open_cases = (
        selectors.visible_cases(manager, include_emergency=False)
        .filter(status=CaseStatus.OPEN)
        .select_related("team", "responsible")
    )
    pairs = [(case.child_id, case) for case in open_cases.filter(child_id__in=by_id)]
    pairs += [
        (case.relative_id, case)
        for case in open_cases.filter(child__relations__relative_id__in=by_id).annotate(
            relative_id=F("child__relations__relative_id")
        )
    ]
    named = set(ProtectedIdentityAuthorization.objects.filter(person_id__in=by_id).values_list("person_id", "user_id"))
    return [
        ProtectedCase(
            person=by_id[person_id],
            case=case,
            responsible_named=case.responsible_id is None or (person_id, case.responsible_id) in named,
        )
        for person_id, case in sorted(pairs, key=lambda pair: (str(by_id[pair[0]]), pair[1].reference))
    ]


def _may_withdraw(manager: User, authorization: ProtectedIdentityAuthorization) -> bool:
    staff = authorization.user
    staff_unit = staff.team.unit_id if staff.team is not None else staff.unit_id
    return staff.pk == manager.pk or (staff.is_active and staff_unit == manager.unit_id)


def _shown(persons: list[Person], cases: list[ProtectedCase]) -> list[tuple[int | None, int | None]]:
    """One row per person and case shown together; a person shown without a case gets a row of their own."""
    pairs: list[tuple[int | None, int | None]] = [(row.person.pk, row.case.pk) for row in cases]
    with_case = {row.person.pk for row in cases}
    return pairs + [(p.pk, None) for p in persons if p.pk not in with_case]


def naming_page(actor: Actor) -> NamingPage:
    """What the page shows, with one `list` row in the access log per person and case shown."""
    manager = actor.user
    if not rules.may_name_staff(manager):
        refuse(actor, view_name=VIEW_NAME)
    with transaction.atomic():
        persons = list(unit_protected_persons(manager))
        namings = [Naming(a, _may_withdraw(manager, a)) for a in unit_namings(manager)]
        cases = _protected_cases(manager, persons)
        if persons:
            write_access_events(actor, action=AccessAction.LIST, view_name=VIEW_NAME, subjects=_shown(persons, cases))
    return NamingPage(persons=persons, namings=namings, staff=list(nameable_staff(manager)), cases=cases)


def naming_grant(actor: Actor, *, person_public_id: UUID, staff_id: int) -> ProtectedIdentityAuthorization:
    """Name a member of the unit's staff for a protected person on the page; anything else is a logged 404."""
    manager = actor.user
    if not rules.may_name_staff(manager):
        raise Http404
    person = unit_protected_persons(manager).filter(public_id=person_public_id).first()
    staff = nameable_staff(manager).filter(pk=staff_id).first()
    if person is None or staff is None:
        target = (
            person.pk
            if person
            else Person.objects.filter(public_id=person_public_id).values_list("pk", flat=True).first()
        )
        with transaction.atomic():
            write_access_events(
                actor, action=AccessAction.DENIED, view_name=f"{VIEW_NAME}.grant", subjects=[(target, None)]
            )
        raise Http404
    try:
        return protected_authorization_grant(granted_by=manager, person=person, user=staff)
    except PermissionDenied as exc:
        raise Http404 from exc


def naming_withdraw(actor: Actor, *, authorization_id: int) -> ProtectedIdentityAuthorization:
    """Withdraw a naming shown on the page; the authorization's history keeps who had it and who withdrew it."""
    manager = actor.user
    if not rules.may_name_staff(manager):
        raise Http404
    authorization = unit_namings(manager).filter(pk=authorization_id).first()
    if authorization is None:
        raise Http404
    try:
        protected_authorization_revoke(revoked_by=manager, authorization=authorization)
    except PermissionDenied as exc:
        raise Http404 from exc
    return authorization
