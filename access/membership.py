"""Naming staff of another team of the unit to work in a case, and ending it: the unit manager's decision.

It widens who sees a child, so it is a change to the case like any other (`changing_case`, with
`CaseAction.STAFF`, which only the unit manager has): logged as a write, refused with its reasons.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.events import case_member_named
from access.models import CaseMember
from access.permissions import CaseAction
from access.reads import changing_case
from accounts.models import CASE_ROLES, User
from cases.models import Case, CaseStatus
from core.errors import Problems

# A naming lasts at most a year; six months is what is offered ("involved worker", Lincolnshire). [ours]
LONGEST = timedelta(days=366)
OFFERED = timedelta(days=183)


@dataclass(frozen=True)
class MemberInput:
    user_id: int
    reason: str
    expires_on: date


def nameable_members(case: Case) -> QuerySet[User]:
    """Active staff of the case's unit in other teams, with case work, not already named to the case."""
    live = CaseMember.objects.filter(case=case, withdrawn_at__isnull=True).values("user_id")
    return (
        User.objects.filter(is_active=True, role__in=sorted(CASE_ROLES), team__unit_id=case.team.unit_id)
        .exclude(team_id=case.team_id)
        .exclude(pk__in=live)
        .select_related("team")
        .order_by("last_name", "first_name", "username")
    )


def case_member_name(*, actor: Actor, case_public_id: object, data: MemberInput) -> CaseMember:
    with changing_case(actor, case_public_id, view_name="access.case_member", action=CaseAction.STAFF) as case:
        problems = Problems()
        reason = data.reason.strip()
        member = nameable_members(case).filter(pk=data.user_id).first()
        if member is None:
            problems.add("user_id", _("Välj någon i enhetens andra team som inte redan arbetar i ärendet."), "user")
        if not reason:
            problems.add("reason", _("Skriv varför personen behöver arbeta i ärendet."), "reason")
        elif len(reason) > 2000:
            problems.add("reason", _("Högst %(n)d tecken.") % {"n": 2000}, "max_length")
        today = timezone.localdate()
        if not (today <= data.expires_on <= today + LONGEST):
            problems.add("expires_on", _("Ange en dag från i dag och högst ett år framåt."), "expires_on")
        if case.status != CaseStatus.OPEN:
            problems.add(NON_FIELD_ERRORS, _("Ärendet är avslutat."), "case_closed")
        problems.raise_any()
        assert member is not None  # refused above
        named = CaseMember.objects.create(
            case=case,
            user=member,
            reason=reason,
            named_by=actor.user,
            named_at=timezone.now(),
            expires_on=data.expires_on,
        )
        case_member_named.send(sender=CaseMember, member=named)
        return named


def case_member_withdraw(*, actor: Actor, case_public_id: object, member_id: int) -> CaseMember:
    with changing_case(actor, case_public_id, view_name="access.case_member_end", action=CaseAction.STAFF) as case:
        member = CaseMember.objects.select_for_update().filter(case=case, pk=member_id).first()
        if member is None or member.withdrawn_at is not None:
            raise ValidationError(_("Personen arbetar inte i ärendet."), code="not_member")
        member.withdrawn_at = timezone.now()
        member.withdrawn_by = actor.user
        member.save(update_fields=["withdrawn_at", "withdrawn_by"])
        return member
