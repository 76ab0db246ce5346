"""A field team beside the world's teams: Norr's outreach workers, who are not its mottagning."""

from datetime import date
from typing import Any

from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone

from access.actor import Actor
from accounts.models import Role, Team, User
from conftest import TEST_TOTP_SECRET, World
from outreach.models import OutreachArea, OutreachContact
from outreach.services import ContactInput, contact_log


def field_worker(world: World, username: str = "ella") -> User:
    """An outreach worker in Norr's field team (Norr A is the unit's mottagning, where signals go)."""
    team, _made = Team.objects.get_or_create(unit=world.norr, name="Norr fält")
    user = User.objects.create_user(username=username, password=None, role=Role.OUTREACH, unit=world.norr, team=team)
    TOTP.activate(user, TEST_TOTP_SECRET)
    return user


def area(name: str = "Centrum") -> OutreachArea:
    return OutreachArea.objects.get(name=name, unit=None)


def contact_data(**changes: Any) -> dict[str, Any]:
    """The form's POST for a group of young people at a square today."""
    data: dict[str, Any] = {
        "day": timezone.localdate().isoformat(),
        "part_of_day": "evening",
        "area": str(area().pk),
        "place": "square",
        "company": "group",
        "under_12": "",
        "age_12_14": "2",
        "age_15_17": "4",
        "age_18_21": "",
        "offered": ["conversation", "information"],
        "note": "Lugnt, pratade om sommarjobb.",
    }
    return data | changes


def logged(user: User, *, on: date | None = None, where: str = "Centrum", **counts: int) -> OutreachContact:
    data = ContactInput(
        day=on or timezone.localdate(),
        part_of_day="afternoon",
        area=area(where).pk,
        place="school",
        company="group",
        offered=["conversation"],
        **({"age_15_17": 1} | counts),  # type: ignore[arg-type]
    )
    return contact_log(actor=Actor.system(user), data=data)
