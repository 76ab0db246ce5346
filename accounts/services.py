"""Changes to staff accounts. Administrators make them; each is kept in the account's history.

The history (`User.history`) records who made the change and a coded reason (`HistoryReason`). It never
holds a password: one-time passwords are returned to the caller, to be shown once, and stored only as
the account's password hash.
"""

import secrets
from importlib import import_module

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import CASE_ROLES, HistoryReason, Role, Team, Unit, User


def _check_administrator(user: User | None) -> None:
    """The rule of access.rules.may_administer (accounts imports only core, so it is stated here too)."""
    if user is not None and not (user.is_active and user.role == Role.SYSADMIN):
        raise PermissionDenied


def _check_not_self(changed_by: User, user: User, message: str) -> None:
    if changed_by.pk == user.pk:
        raise ValidationError(message, code="own_account")


def _placement(role: str, unit: Unit | None, team: Team | None) -> tuple[Unit | None, Team | None]:
    """The role's unit and team, checked the same way for a new account and a changed one."""
    if role not in Role.values:
        raise ValidationError({"role": _("Okänd roll.")})
    if role in CASE_ROLES and team is None:
        raise ValidationError({"team": _("Rollen arbetar i ett teams ärenden: ange team.")})
    if role == Role.UNIT_MANAGER and unit is None:
        raise ValidationError({"unit": _("En enhetschef måste ha en enhet.")})
    if team is not None:
        unit = team.unit
    return unit, team


def _one_time_password() -> str:
    return secrets.token_urlsafe(18)


def _save(user: User, *, by: User | None, reason: HistoryReason, update_fields: list[str] | None = None) -> None:
    user._history_user = by  # type: ignore[attr-defined]  # read by simple_history
    user._change_reason = reason.value  # type: ignore[attr-defined]  # read by simple_history
    user.save(update_fields=update_fields)


def _end_sessions(user: User) -> int:
    """Sign the account out everywhere: delete every live session that belongs to it.

    Sessions are kept in the database (Django's default engine), so this reads the live sessions only,
    which are few with a 30-minute idle limit. Deleting through the session engine also clears a cache.
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore
    user_id = str(user.pk)
    keys = [
        session.session_key
        for session in store.get_model_class().objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get(SESSION_KEY) == user_id
    ]
    for key in keys:
        store(session_key=key).delete()
    return len(keys)


def staff_user_create(
    *,
    username: str,
    first_name: str,
    last_name: str,
    role: str,
    unit: Unit | None,
    team: Team | None,
    email: str = "",
    created_by: User | None = None,
) -> tuple[User, str]:
    """Create a staff account with a one-time password; the person must enrol a second factor at first sign-in.

    `created_by` is the administrator (None from the command line). The password is returned once and
    is not kept anywhere but in the account's password hash.
    """
    _check_administrator(created_by)
    unit, team = _placement(role, unit, team)
    username = username.strip()
    email = email.strip().lower()
    # Sign-in finds the account by username regardless of case, and single sign-on by e-mail.
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("Det finns redan ett konto med det användarnamnet.")})
    if email and User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("Ett annat konto har redan den e-postadressen.")})
    password = _one_time_password()
    user = User(
        username=username,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        role=role,
        unit=unit,
        team=team,
        email=email,
        must_change_password=True,
    )
    user.set_password(password)
    user.full_clean()
    try:
        with transaction.atomic():
            _save(user, by=created_by, reason=HistoryReason.CREATED)
    except IntegrityError as exc:  # the same username, created at the same moment
        raise ValidationError({"username": _("Det finns redan ett konto med det användarnamnet.")}) from exc
    return user, password


def staff_user_update(*, changed_by: User, user: User, role: str, unit: Unit | None, team: Team | None) -> User:
    """Move an account to another role, unit or team. The change applies from the account's next request."""
    _check_administrator(changed_by)
    _check_not_self(changed_by, user, _("Du kan inte ändra ditt eget konto. Be en annan administratör."))
    unit, team = _placement(role, unit, team)
    if (user.role, user.unit_id, user.team_id) == (role, unit.pk if unit else None, team.pk if team else None):
        return user
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        locked.role, locked.unit, locked.team = role, unit, team
        locked.full_clean()
        _save(locked, by=changed_by, reason=HistoryReason.PLACEMENT, update_fields=["role", "unit", "team"])
    return locked


def staff_user_deactivate(*, changed_by: User, user: User) -> User:
    """Close an account: it can no longer sign in, sees nothing, and its sessions end now."""
    _check_administrator(changed_by)
    _check_not_self(changed_by, user, _("Du kan inte inaktivera ditt eget konto."))
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if locked.is_active:
            locked.is_active = False
            _save(locked, by=changed_by, reason=HistoryReason.DEACTIVATED, update_fields=["is_active"])
        _end_sessions(locked)
    return locked


def staff_user_reactivate(*, changed_by: User, user: User) -> User:
    _check_administrator(changed_by)
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if not locked.is_active:
            locked.is_active = True
            _save(locked, by=changed_by, reason=HistoryReason.REACTIVATED, update_fields=["is_active"])
    return locked


def staff_user_reset_second_factor(*, changed_by: User, user: User) -> str:
    """For a lost phone or key: remove every second factor, set a new one-time password, end all sessions.

    The person signs in with the new password and must enrol a second factor again before anything else.
    Returns the one-time password, to be shown once.
    """
    _check_administrator(changed_by)
    _check_not_self(changed_by, user, _("Ändra din egen tvåfaktorsinloggning under ditt konto, inte här."))
    password = _one_time_password()
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        Authenticator.objects.filter(user=locked).delete()
        locked.set_password(password)
        locked.must_change_password = True
        _save(
            locked,
            by=changed_by,
            reason=HistoryReason.SECOND_FACTOR_RESET,
            update_fields=["password", "must_change_password"],
        )
        _end_sessions(locked)
    return password


def intake_team_set(*, team: Team) -> Team:
    """Make `team` its unit's mottagning, where new children's cases open, in place of any other."""
    with transaction.atomic():
        Team.objects.select_for_update().filter(unit_id=team.unit_id, is_intake=True).exclude(pk=team.pk).update(
            is_intake=False
        )
        team.is_intake = True
        team.save(update_fields=["is_intake"])
    return team
