import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import CASE_ROLES, Role, Team, Unit, User


def staff_user_create(
    *,
    username: str,
    first_name: str,
    last_name: str,
    role: str,
    unit: Unit | None,
    team: Team | None,
    email: str = "",
) -> tuple[User, str]:
    """Create a staff account with a one-time password; the person must enrol a second factor at first sign-in."""
    if role not in Role.values:
        raise ValidationError({"role": _("Okänd roll.")})
    if role in CASE_ROLES and team is None:
        raise ValidationError({"team": _("Rollen arbetar i ett teams ärenden: ange team.")})
    if role == Role.UNIT_MANAGER and unit is None:
        raise ValidationError({"unit": _("En enhetschef måste ha en enhet.")})
    if team is not None:
        unit = team.unit
    password = secrets.token_urlsafe(18)
    user = User(
        username=username.strip(),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        role=role,
        unit=unit,
        team=team,
        email=email.strip().lower(),
    )
    user.set_password(password)
    with transaction.atomic():
        user.full_clean()
        user.save()
    return user, password
