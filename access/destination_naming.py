"""Naming the staff who may know where a child is protected (`DestinationNaming`), and ending a naming.

The unit manager of the case's unit decides it (`rules.may_name_for_destination`), as a change to the
case (`changing_case` with `CaseAction.STAFF`): logged as a write, refused with its reasons. Only staff
who may already work in the case can be named: a naming gives no way into a case, only sight of the
destination inside it (`rules.may_see_destination`).
"""

from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from access import rules
from access.actor import Actor
from access.events import destination_naming_made
from access.models import CaseMember, DestinationNaming
from access.permissions import CaseAction
from access.reads import changing_case
from accounts.models import CASE_ROLES, User
from cases.models import Case, CaseStatus
from core.errors import Problems

REASON_LIMIT = 2000


@dataclass(frozen=True)
class DestinationNamingInput:
    user_id: int
    reason: str


def nameable_for_destination(case: Case) -> QuerySet[User]:
    """Active case staff of the case's own team or named to work in it, not already named for its destination."""
    members = CaseMember.objects.filter(
        case=case, withdrawn_at__isnull=True, expires_on__gte=timezone.localdate()
    ).values("user_id")
    named = DestinationNaming.objects.filter(case=case, withdrawn_at__isnull=True).values("user_id")
    return (
        User.objects.filter(is_active=True, role__in=sorted(CASE_ROLES))
        .filter(Q(team_id=case.team_id) | Q(pk__in=members))
        .exclude(pk__in=named)
        .select_related("team")
        .order_by("last_name", "first_name", "username")
    )


def _check_namer(actor: Actor, case: Case) -> None:
    # The rule by name, though today a unit manager who may change the case (STAFF) meets it: if either
    # widens, naming for a destination must not widen with it.
    if not rules.may_name_for_destination(actor.user, case):
        raise PermissionDenied(CaseAction.STAFF)


def destination_name(*, actor: Actor, case_public_id: object, data: DestinationNamingInput) -> DestinationNaming:
    with changing_case(actor, case_public_id, view_name="access.destination_naming", action=CaseAction.STAFF) as case:
        _check_namer(actor, case)
        problems = Problems()
        reason = data.reason.strip()
        user = nameable_for_destination(case).filter(pk=data.user_id).first()
        if user is None:
            problems.add("user_id", _("Välj någon som arbetar i ärendet och inte redan är namngiven."), "user")
        if not reason:
            problems.add("reason", _("Skriv varför personen måste veta var barnet är skyddat."), "reason")
        elif len(reason) > REASON_LIMIT:
            problems.add("reason", _("Högst %(n)d tecken.") % {"n": REASON_LIMIT}, "max_length")
        if case.status != CaseStatus.OPEN:
            problems.add(NON_FIELD_ERRORS, _("Ärendet är avslutat."), "case_closed")
        problems.raise_any()
        assert user is not None  # refused above
        naming = DestinationNaming.objects.create(
            case=case, user=user, reason=reason, named_by=actor.user, named_at=timezone.now()
        )
        destination_naming_made.send(sender=DestinationNaming, naming=naming)
        return naming


def destination_naming_withdraw(*, actor: Actor, case_public_id: object, naming_id: int) -> DestinationNaming:
    with changing_case(
        actor, case_public_id, view_name="access.destination_naming_end", action=CaseAction.STAFF
    ) as case:
        _check_namer(actor, case)
        naming = DestinationNaming.objects.select_for_update().filter(case=case, pk=naming_id).first()
        if naming is None or naming.withdrawn_at is not None:
            raise ValidationError(_("Personen är inte namngiven för vistelseorten."), code="not_named")
        naming.withdrawn_at = timezone.now()
        naming.withdrawn_by = actor.user
        naming.save(update_fields=["withdrawn_at", "withdrawn_by"])
        return naming
