from datetime import timedelta
from uuid import UUID

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from access import review, rules, selectors
from access.actor import Actor
from access.events import protected_access_started
from access.log import write_access_events
from access.models import AccessAction, EmergencyAccess, ProtectedIdentityAuthorization
from access.routing import known_person
from accounts.models import Role, User
from accounts.services import staff_user_deactivate
from cases.models import Case
from core.identity import IdentityNumber
from people.models import Person

MIN_REASON_LENGTH = 20


def _reason_checked(actor: Actor, reason: str) -> str:
    reason = (reason or "").strip()
    if not rules.may_request_emergency_access(actor.user):
        raise PermissionDenied
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError(
            _("Skriv ett skäl på minst %(n)d tecken: varför behöver du ärendet nu?") % {"n": MIN_REASON_LENGTH},
            code="reason_too_short",
        )
    return reason


def _grant(
    actor: Actor,
    case: Case,
    reason: str,
    *,
    view_name: str,
    lifts_protection: bool = False,
    shows_address: bool = False,
) -> EmergencyAccess:
    now = timezone.now()
    grant = EmergencyAccess.objects.create(
        user=actor.user,
        case=case,
        reason=reason,
        started_at=now,
        expires_at=now + timedelta(hours=settings.EMERGENCY_ACCESS_HOURS),
        lifts_protection=lifts_protection,
        shows_address=shows_address,
    )
    write_access_events(
        actor,
        action=AccessAction.EMERGENCY_START,
        view_name=view_name,
        subjects=[(case.child_id, case.pk)],
        reason=reason,
        emergency=True,
    )
    return grant


def emergency_access_start(*, actor: Actor, case_public_id: UUID | str, reason: str) -> EmergencyAccess:
    """Break the glass: a written reason opens a case outside the team for a limited time.

    A protected child's case cannot be opened this way (same answer as a missing case).
    """
    reason = _reason_checked(actor, reason)
    if selectors.visible_cases(actor.user, include_emergency=False).filter(public_id=case_public_id).exists():
        raise ValidationError(_("Du har redan behörighet till ärendet."), code="already_visible")
    with transaction.atomic():
        case = Case.objects.select_related("child").filter(public_id=case_public_id).first()
        if case is not None and not case.child.is_protected:
            return _grant(actor, case, reason, view_name="case.emergency")
        write_access_events(
            actor,
            action=AccessAction.DENIED,
            view_name="case.emergency",
            subjects=[(case.child_id, case.pk) if case else (None, None)],
            reason=reason,
        )
    raise Http404


def emergency_access_by_number(*, actor: Actor, number: IdentityNumber, reason: str) -> Case | None:
    """Break the glass from the search or the not-found page, where the user has a number and no case.

    Returns the child's case, now open to the actor (through a new grant, or because it already was
    theirs), or None. None is one answer for every other number: unknown to Utväg, a person with no
    case of their own (an adult known as someone's relative), and a protected child, so the answer says
    nothing of a protected person, not even that one exists. Each refusal writes a `denied` row with
    the person it aimed at, for the log reviewer; a protected child's case is never opened this way.
    """
    reason = _reason_checked(actor, reason)
    with transaction.atomic():
        person = known_person(number)
        # The same queries whatever the number, so an unknown one takes as long as a protected child's.
        # The child's open case if there is one ("open" sorts after "closed"), else the latest.
        cases = (
            Case.objects.filter(child_id=person.pk if person else 0)
            .select_related("child")
            .order_by("-status", "-opened_at", "-id")
        )
        case = cases.first()
        # Theirs already (a protected child's only for named staff): opening it reveals nothing new.
        own = cases.filter(pk__in=selectors.visible_cases(actor.user, include_emergency=False)).first()
        if own is not None:
            return own
        if case is not None and not case.child.is_protected:
            _grant(actor, case, reason, view_name="case.emergency.number")
            return case
        write_access_events(
            actor,
            action=AccessAction.DENIED,
            view_name="case.emergency.number",
            subjects=[(person.pk if person else None, case.pk if case else None)],
            reason=reason,
        )
    return None


def emergency_access_review(*, reviewer: User, grant: EmergencyAccess, note: str) -> EmergencyAccess:
    if not review.reviewable_grants(reviewer).filter(pk=grant.pk).exists():
        raise PermissionDenied
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("Skriv granskningens resultat."), code="note_required")
    with transaction.atomic():
        locked = EmergencyAccess.objects.select_for_update().get(pk=grant.pk)
        if locked.reviewed_at is not None:
            raise ValidationError(_("Nödåtkomsten är redan granskad."), code="already_reviewed")
        locked.reviewed_by = reviewer
        locked.reviewed_at = timezone.now()
        locked.review_note = note
        locked.save(update_fields=["reviewed_by", "reviewed_at", "review_note"])
        return locked


def _check_may_name(granted_by: User, person: Person, user: User) -> None:
    """Administrators may name anyone; a unit manager names their own unit's staff for their unit's people."""
    if granted_by.pk == user.pk or not user.is_active:
        raise PermissionDenied
    if rules.may_administer(granted_by):
        return
    if granted_by.role != Role.UNIT_MANAGER or granted_by.unit_id is None:
        raise PermissionDenied
    staff_unit = user.team.unit_id if user.team is not None else user.unit_id
    in_unit_cases = Case.objects.filter(team__unit_id=granted_by.unit_id).filter(
        Q(child=person) | Q(child__relations__relative=person)
    )
    if staff_unit != granted_by.unit_id or not in_unit_cases.exists():
        raise PermissionDenied


def protected_authorization_grant(*, granted_by: User, person: Person, user: User) -> ProtectedIdentityAuthorization:
    """Name a member of staff for a protected person (recorded in the authorization's history)."""
    _check_may_name(granted_by, person, user)
    with transaction.atomic():
        existing = ProtectedIdentityAuthorization.objects.filter(person=person, user=user).first()
        if existing is not None:
            return existing
        authorization = ProtectedIdentityAuthorization(
            person=person, user=user, granted_by=granted_by, granted_at=timezone.now()
        )
        authorization._history_user = granted_by  # type: ignore[attr-defined]  # read by simple_history
        authorization.save()
        return authorization


def protected_authorization_revoke(*, revoked_by: User, authorization: ProtectedIdentityAuthorization) -> None:
    """Withdraw a naming; the history keeps who had it, who granted it and who withdrew it."""
    if revoked_by.pk != authorization.user_id:
        _check_may_name(revoked_by, authorization.person, authorization.user)
    with transaction.atomic():
        authorization._history_user = revoked_by  # type: ignore[attr-defined]  # read by simple_history
        authorization.delete()


def account_close(*, closed_by: User, user: User) -> int:
    """Deactivate an account and withdraw its namings for protected persons, in one transaction.

    Withdrawn, not left dormant: a reactivated account (someone back from leave, or in a new job) must
    not silently regain sight of protected persons; whoever needs it is named again. The namings'
    history keeps who held them and who withdrew them. Returns how many were withdrawn.
    """
    with transaction.atomic():
        staff_user_deactivate(changed_by=closed_by, user=user)
        namings = list(ProtectedIdentityAuthorization.objects.filter(user=user))
        for naming in namings:
            naming._history_user = closed_by  # type: ignore[attr-defined]  # read by simple_history
            naming.delete()
    return len(namings)


def protected_access_start(
    *, actor: Actor, case_public_id: UUID | str, reason: str, shows_address: bool = False
) -> EmergencyAccess:
    """The second path to a protected child's case, when nobody named for the child can be reached.

    Only a unit manager, in a case of their own unit, for a written reason; for the usual hours; the
    child's address and phone stay hidden unless `shows_address` (the reason must say why). The case
    opens for reading and for the work that cannot wait (the protection assessment). The grant is
    flagged at once: the log reviewer sees it first among the grants to review (no manager reviews
    it), and the staff named for the child are told (`access.events.protected_access_started`).
    Anyone else, and any case that is not a protected child's in the manager's unit, gets the same
    404 as a missing case, with a `denied` row.
    """
    reason = _reason_checked(actor, reason)
    with transaction.atomic():
        case = Case.objects.select_related("child", "team").filter(public_id=case_public_id).first()
        if case is None or not rules.may_lift_protection(actor.user, case):
            write_access_events(
                actor,
                action=AccessAction.DENIED,
                view_name="case.protected_access",
                subjects=[(case.child_id, case.pk) if case else (None, None)],
                reason=reason,
            )
        else:
            grant = _grant(
                actor,
                case,
                reason,
                view_name="case.protected_access",
                lifts_protection=True,
                shows_address=shows_address,
            )
            protected_access_started.send(sender=EmergencyAccess, grant=grant)
            return grant
    raise Http404


def protected_access_case(actor: Actor, case_public_id: UUID | str) -> Case | None:
    """The case the second path would open, for its form: None when the manager is named for the child
    (the case is already theirs). Everyone else gets the 404 of a missing case, with a `denied` row."""
    case = Case.objects.select_related("child", "team").filter(public_id=case_public_id).first()
    if case is not None and rules.may_lift_protection(actor.user, case):
        named = ProtectedIdentityAuthorization.objects.filter(user=actor.user, person_id=case.child_id).exists()
        return None if named else case
    write_access_events(
        actor,
        action=AccessAction.DENIED,
        view_name="case.protected_access.form",
        subjects=[(case.child_id, case.pk) if case else (None, None)],
    )
    raise Http404
