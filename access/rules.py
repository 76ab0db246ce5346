"""Every permission rule, one function per rule, named for the rule.

What a role may see is decided by `access.selectors` (which rows); what a role may do is decided
here. Views, services and templates ask these, never the role directly. A rule answers for an
active account only: a deactivated one may do nothing.
"""

from django.utils import timezone

from access.models import CaseMember, DestinationNaming, EmergencyAccess, ProtectedIdentityAuthorization
from access.permissions import CaseAction, actions_of
from accounts.models import CASE_ROLES, Role, User
from cases.models import Case
from people.models import Person


def may_see_contact_details(user: User, person: Person) -> bool:
    """Address, phone and e-mail of a protected person only for staff named for that person, or for a
    unit manager whose live grant to the child's case says the reason needs them (`shows_address`)."""
    if not person.is_protected:
        return True
    if ProtectedIdentityAuthorization.objects.filter(user=user, person=person).exists():
        return True
    return EmergencyAccess.objects.filter(
        user=user, case__child=person, lifts_protection=True, shows_address=True, expires_at__gt=timezone.now()
    ).exists()


def may_lift_protection(user: User, case: Case) -> bool:
    """The second path to a protected child's case: a unit manager, in their own unit, who is not named."""
    return (
        user.is_active
        and user.role == Role.UNIT_MANAGER
        and user.unit_id is not None
        and case.team.unit_id == user.unit_id
        and case.child.is_protected
    )


def may_change_case(user: User, case: Case) -> bool:
    """Write to a case: staff of its own team, staff named to work in it (`CaseMember`), and its unit's
    manager (who decides under delegation).

    Emergency access is for reading; it never lets anyone write. `case` must already have come
    through `visible_cases`, which keeps protected identities to named staff.
    """
    if not user.is_active:
        return False
    if user.role in CASE_ROLES:
        return case.team_id == user.team_id or is_case_member(user, case)
    return user.role == Role.UNIT_MANAGER and case.team.unit_id == user.unit_id


def is_case_member(user: User, case: Case) -> bool:
    """Named by the unit manager to work in this case of another team, and the naming still lives."""
    return CaseMember.objects.filter(
        user=user, case=case, withdrawn_at__isnull=True, expires_on__gte=timezone.localdate()
    ).exists()


def may_see_restricted(user: User, case: Case) -> bool:
    """Restricted programme data (the child's connections to other people, and the windows they open):
    the child's own team and the defector specialists named to the case, and nobody else: not the unit
    manager by place alone, never through emergency access. `case` must have come through access.reads."""
    if not user.is_active:
        return False
    if user.role in CASE_ROLES and case.team_id == user.team_id:
        return True
    return user.role == Role.DEFECTOR_SPECIALIST and is_case_member(user, case)


def may_see_destination(user: User, case: Case) -> bool:
    """A protected destination in the case (where the child or a threatened relative is now): only staff
    the unit manager has named for it (`DestinationNaming`), while they may still change the case. Not by
    role, team or emergency access. `case` must have come through access.reads."""
    if not user.is_active or not may_change_case(user, case):
        return False
    return DestinationNaming.objects.filter(user=user, case=case, withdrawn_at__isnull=True).exists()


def may_name_for_destination(user: User, case: Case) -> bool:
    """The unit manager of the case's unit names who may know where the child is protected."""
    return user.is_active and user.role == Role.UNIT_MANAGER and case.team.unit_id == user.unit_id


def case_actions(user: User, case: Case) -> frozenset[CaseAction]:
    """What the user may do in `case`: their role's actions (`access.permissions`), in a case they may change."""
    return actions_of(user.role) if may_change_case(user, case) else frozenset()


def may_register_signals(user: User) -> bool:
    return user.is_active and user.role in CASE_ROLES | {Role.UNIT_MANAGER}


def may_request_emergency_access(user: User) -> bool:
    return user.is_active and user.role in CASE_ROLES | {Role.UNIT_MANAGER}


def may_review_logs(user: User) -> bool:
    return user.is_active and user.role in {Role.LOG_REVIEWER, Role.UNIT_MANAGER}


def may_administer(user: User) -> bool:
    return user.is_active and user.role == Role.SYSADMIN


def may_name_staff(user: User) -> bool:
    return user.is_active and user.role == Role.UNIT_MANAGER and user.unit_id is not None


def may_report_delegation(user: User) -> bool:
    """Unit managers report their unit's decisions. Nobody else sees the report."""
    return user.is_active and user.role == Role.UNIT_MANAGER


def may_read_catalogue(user: User) -> bool:
    """What the municipality offers is no one's personal data: everyone in the case work reads it."""
    return user.is_active and user.role in CASE_ROLES | {Role.UNIT_MANAGER}


def may_manage_catalogue(user: User) -> bool:
    """Unit managers keep the catalogue: what is offered, to whom, and how many places."""
    return user.is_active and user.role == Role.UNIT_MANAGER


def may_read_providers(user: User) -> bool:
    """The provider register names no child: everyone in the case work reads it, to choose a provider."""
    return user.is_active and user.role in CASE_ROLES | {Role.UNIT_MANAGER}


def may_manage_providers(user: User) -> bool:
    """Unit managers keep the provider register: permits, contracts and follow-ups."""
    return user.is_active and user.role == Role.UNIT_MANAGER


def may_count_anonymous_use(user: User) -> bool:
    """Those who give a service without a needs assessment count it: no person is ever named."""
    return user.is_active and user.role in CASE_ROLES | {Role.UNIT_MANAGER}


def may_report_outcomes(user: User) -> bool:
    """The programme's outcomes in figures for the committee: the unit manager, for the unit's children."""
    return user.is_active and user.role == Role.UNIT_MANAGER and user.unit_id is not None


def may_manage_outcome_fields(user: User) -> bool:
    """The programme's outcome questions are the municipality's follow-up model: kept by unit managers."""
    return user.is_active and user.role == Role.UNIT_MANAGER


def may_analyse_needs(user: User) -> bool:
    """The läges- och behovsanalys: what is offered against what the unit's plans ask for."""
    return user.is_active and user.role == Role.UNIT_MANAGER and user.unit_id is not None


def may_log_outreach(user: User) -> bool:
    """Contacts in the field (issue 16 point 5): the outreach workers (fältarbetare, dialogsocionomer), who
    work in a team of a unit, and that unit's manager, who may go out with them. Case workers and treatment
    staff meet children in their cases, not in the field, so they log nothing here."""
    if not user.is_active:
        return False
    if user.role == Role.OUTREACH:
        return user.team_id is not None
    return user.role == Role.UNIT_MANAGER and user.unit_id is not None


def may_report_outreach(user: User) -> bool:
    """The field's figures for the committee: the unit manager, for the unit's contacts."""
    return user.is_active and user.role == Role.UNIT_MANAGER and user.unit_id is not None


def unit_id_of(user: User) -> int | None:
    """The unit a user works in: their team's, or, for a unit manager, their own."""
    if user.team_id is not None and user.team is not None:
        return user.team.unit_id
    return user.unit_id


def _has_unit(user: User) -> bool:
    """Whether the user works in a unit, asked without a query (the menu asks on every page)."""
    return user.team_id is not None or user.unit_id is not None


def may_read_meetings(user: User) -> bool:
    """Meetings with partners name no child: everyone in the unit's case work sees which were held and
    when; what was said about a child is in the child's case (`collaboration.meeting_selectors`)."""
    return user.is_active and user.role in CASE_ROLES | {Role.UNIT_MANAGER} and _has_unit(user)


def may_hold_meetings(user: User) -> bool:
    """A meeting is put on the unit's list by a case worker or the unit manager; each case on its agenda
    is then written into that case by whoever may change it (`CaseAction.MEETING`)."""
    return user.is_active and user.role in {Role.CASEWORKER, Role.UNIT_MANAGER} and _has_unit(user)
