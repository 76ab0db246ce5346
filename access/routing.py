"""Where a signal belongs, found without showing the registering user anything.

A signal names a child by identity number. Whether Utväg already knows that child, which team holds
the child's case and whether the child has a protected identity are things the registering user may
not be entitled to know. These lookups answer them for intake alone; intake's receipt says none of it
back, and nothing here writes to the access log, because nothing here is shown to anyone.

Where the child goes, in order:
1. the child's open case;
2. otherwise a new case in the team of the child's latest case;
3. otherwise (a person known only as someone's relative) the team of that child's latest case;
4. a protected child no team answers for: the team of a member of staff named for the child;
5. otherwise the registering user's unit's mottagning (`Team.is_intake`), never simply the user's team.
"""

from dataclasses import dataclass

from django.db.models import QuerySet

from access.models import ProtectedIdentityAuthorization
from access.selectors import visible_persons
from accounts.models import CASE_ROLES, Role, Team, User
from cases.models import Case, CaseStatus
from core.identity import IdentityNumber, identity_indexes
from people.models import Person


@dataclass(frozen=True)
class SignalRoute:
    """Where a signal goes. `known` is never shown to the user unless `visible_before`."""

    known: Person | None
    open_case: Case | None
    team: Team  # the open case's team, or where a new case opens
    # The user could see the child before this signal: telling them where it went reveals nothing new.
    visible_before: bool
    # The child is protected and nobody in the receiving team is named for them.
    nobody_named: bool


def intake_team(user: User) -> Team | None:
    """The mottagning of the user's unit (a unit manager's unit, or the unit of a worker's team)."""
    unit_id = user.unit_id if user.unit_id is not None else (user.team.unit_id if user.team else None)
    if unit_id is None:
        return None
    return Team.objects.filter(unit_id=unit_id, is_intake=True).select_related("unit").first()


def known_person(number: IdentityNumber) -> Person | None:
    return Person.objects.filter(identity_index__in=identity_indexes(number)).first()


def named_staff(person: Person) -> list[User]:
    """Active staff named for a protected person, in the order they were named."""
    return [
        grant.user
        for grant in ProtectedIdentityAuthorization.objects.filter(person=person, user__is_active=True)
        .select_related("user")
        .order_by("granted_at", "id")
    ]


def _latest_team(cases: QuerySet[Case]) -> Team | None:
    latest = cases.select_related("team__unit").order_by("-opened_at", "-id").first()
    return latest.team if latest else None


def _responsible_team(person: Person) -> Team | None:
    return _latest_team(Case.objects.filter(child=person)) or _latest_team(
        Case.objects.filter(child__relations__relative=person)
    )


def _named_team(person: Person) -> Team | None:
    for user in named_staff(person):
        if user.role in CASE_ROLES and user.team is not None:
            return user.team
    return None


def _nobody_named(person: Person | None, team: Team) -> bool:
    if person is None or not person.is_protected:
        return False
    # Who can open the case: named staff of its own team, or a named manager of its unit. A named case
    # worker in another team of the unit cannot, so does not count.
    return not any(
        user.team_id == team.pk or (user.role == Role.UNIT_MANAGER and user.unit_id == team.unit_id)
        for user in named_staff(person)
    )


def signal_route(user: User, known: Person | None, *, intake: Team) -> SignalRoute:
    """Where a signal about `known` (None: a child new to Utväg) goes when `user` registers it."""
    if known is None:
        return SignalRoute(known=None, open_case=None, team=intake, visible_before=False, nobody_named=False)
    open_case = (
        Case.objects.filter(child=known, status=CaseStatus.OPEN)
        .select_related("team__unit", "responsible")
        .order_by("-opened_at")
        .first()
    )
    team = (
        open_case.team
        if open_case
        else _responsible_team(known) or (_named_team(known) if known.is_protected else None) or intake
    )
    return SignalRoute(
        known=known,
        open_case=open_case,
        team=team,
        visible_before=visible_persons(user).filter(pk=known.pk).exists(),
        nobody_named=_nobody_named(known, team),
    )
