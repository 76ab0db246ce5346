"""Building destinations for protection's tests, through the services as a user would."""

from datetime import date, timedelta

from django.utils import timezone

from access.actor import Actor
from access.destination_naming import DestinationNamingInput, destination_name
from access.models import DestinationNaming
from accounts.models import Role, User
from cases.models import Case
from conftest import World
from protection.destinations import DestinationInput, destination_record
from protection.models import Destination, Provider, ProviderKind


def named(world: World, user: str, case: Case | None = None, *, by: str = "karin") -> DestinationNaming:
    """`user` named for the destination of `case` (Elias's by default) by the unit's manager."""
    return destination_name(
        actor=Actor.system(world.user(by)),
        case_public_id=(case or world.own_case).public_id,
        data=DestinationNamingInput(user_id=world.user(user).pk, reason="Handlägger omflyttningen."),
    )


def soder_manager(world: World) -> User:
    """Söder's unit manager, who names for Saga's case (the world has none)."""
    user = User.objects.create_user(
        username="sigrid", password=None, role=Role.UNIT_MANAGER, unit=world.team_soder.unit
    )
    world.users["sigrid"] = user
    return user


def provider(name: str = "Tryggt Hem AB", org: str = "556000-0001") -> Provider:
    return Provider.objects.create(
        name=name, org_number=org, kind=ProviderKind.SHELTER, ivo_permit="IVO 1", ivo_permit_from=date(2024, 4, 1)
    )


def placed(
    world: World,
    user: str,
    case: Case | None = None,
    *,
    municipality: str = "Gävle",
    address: str = "",
    provider_id: int | None = None,
    from_on: date | None = None,
    person: str = "",
) -> Destination:
    return destination_record(
        actor=Actor.system(world.user(user)),
        case_public_id=(case or world.own_case).public_id,
        data=DestinationInput(
            person=person,
            municipality=municipality,
            address=address,
            provider=provider_id,
            from_on=from_on or timezone.localdate() - timedelta(days=1),
        ),
    )
