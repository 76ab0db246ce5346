"""Entering where a child, or a threatened relative of the case, is protected now, and ending it.

Only staff named for the case's destination may (`changing_case(..., destination=True)`): anyone else
is refused with words that say why, and the attempt is a REFUSED row in the log. A new destination of
the child is checked at once against conflicts (`protection.conflicts.raise_warnings`).
"""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from cases.models import Case
from core.errors import Problems, field_error
from core.uuids import parse_uuid
from people.models import Person
from protection.conflicts import raise_warnings
from protection.models import Destination, Provider, ThreatenedPerson

MUNICIPALITY_LIMIT = 100
ADDRESS_LIMIT = 300


@dataclass(frozen=True)
class DestinationInput:
    """`person`: the public id of a threatened relative, or "" for the child. `provider`: a pk or None."""

    person: str
    municipality: str
    address: str
    provider: int | None
    from_on: date


def threatened_relatives(case: Case) -> QuerySet[Person]:
    """Relatives a threat picture of the case names: the people a destination may be entered for."""
    ids = ThreatenedPerson.objects.filter(assessment__case=case, person__isnull=False).values("person_id")
    return Person.objects.filter(pk__in=ids).exclude(pk=case.child_id).order_by("family_name", "given_name", "id")


def active_providers() -> QuerySet[Provider]:
    return Provider.objects.filter(active=True).order_by("name", "id")


def _whose(problems: Problems, case: Case, raw: str) -> Person | None:
    if not raw:
        return None
    key = parse_uuid(raw)
    person = threatened_relatives(case).filter(public_id=key).first() if key else None
    if person is None:
        problems.add("person", _("Välj barnet eller en anhörig som hotbilden tar upp."), "person")
    return person


def _provider(problems: Problems, provider_id: int | None) -> Provider | None:
    if provider_id is None:
        return None
    provider = active_providers().filter(pk=provider_id).first()
    if provider is None:
        problems.add("provider", _("Välj en utförare ur registret som används."), "provider")
    return provider


def destination_record(*, actor: Actor, case_public_id: object, data: DestinationInput) -> Destination:
    with changing_case(
        actor,
        case_public_id,
        view_name="protection.destination.record",
        action=CaseAction.PROTECTION,
        destination=True,
    ) as case:
        problems = Problems()
        municipality, address = data.municipality.strip(), data.address.strip()
        if not municipality:
            problems.add("municipality", _("Ange kommunen."), "required")
        elif len(municipality) > MUNICIPALITY_LIMIT:
            problems.add("municipality", _("Högst %(n)d tecken.") % {"n": MUNICIPALITY_LIMIT}, "max_length")
        if len(address) > ADDRESS_LIMIT:
            problems.add("address", _("Högst %(n)d tecken.") % {"n": ADDRESS_LIMIT}, "max_length")
        person = _whose(problems, case, data.person)
        provider = _provider(problems, data.provider)
        problems.raise_any()
        destination = Destination.objects.create(
            case=case,
            person=person,
            municipality=municipality,
            address=address,
            provider=provider,
            from_on=data.from_on,
            entered_by=actor.user,
            entered_at=timezone.now(),
        )
        if person is None:
            raise_warnings(destination)
        return destination


def destination_end(*, actor: Actor, case_public_id: object, destination_id: UUID | str, to_on: date) -> Destination:
    with changing_case(
        actor, case_public_id, view_name="protection.destination.end", action=CaseAction.PROTECTION, destination=True
    ) as case:
        key = parse_uuid(destination_id)
        found = Destination.objects.select_for_update().filter(case=case, public_id=key).first() if key else None
        if found is None or found.to_on is not None:
            raise ValidationError(_("Vistelseorten finns inte, eller är redan avslutad."), code="no_destination")
        if to_on < found.from_on:
            raise field_error("to_on", _("Slutdagen kan inte vara före startdagen."), "period")
        found.to_on = to_on
        found.save(update_fields=["to_on"])
        return found
