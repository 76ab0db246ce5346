"""Reading destinations: the destination page and its forms, each one read of the case through access,
refused like a missing record to anyone not named for the destination, and logged as its own kind."""

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from access.actor import Actor
from access.models import AccessAction
from access.permissions import CaseAction
from access.reads import CaseRead, read_case, reading_case
from protection.models import Destination, Handover, PlacementWarning, Relocation


def live_destinations() -> QuerySet[Destination]:
    return Destination.objects.exclude(to_on__lt=timezone.localdate())


@dataclass(frozen=True)
class DestinationRow:
    destination: Destination
    relocations: list[Relocation]


@dataclass(frozen=True)
class DestinationPage:
    read: CaseRead
    destinations: list[DestinationRow]
    warnings: list[PlacementWarning]


def destination_page(actor: Actor, public_id: object) -> DestinationPage:
    """Every destination of the case with its moves and handovers, and its warnings: four queries."""
    with reading_case(
        actor, public_id, view_name="protection.destination", action=AccessAction.DESTINATION, destination=True
    ) as read:
        handovers = Handover.objects.select_related("legal_basis").order_by("-sent_on", "-id")
        relocations = (
            Relocation.objects.filter(case=read.case)
            .prefetch_related(Prefetch("handovers", queryset=handovers))
            .order_by("-moved_on", "-id")
        )
        moves: dict[int, list[Relocation]] = {}
        for relocation in relocations:
            moves.setdefault(relocation.destination_id, []).append(relocation)
        destinations = Destination.objects.filter(case=read.case).select_related("provider", "person")
        warnings = PlacementWarning.objects.filter(case=read.case).select_related("acknowledged_by")
        return DestinationPage(
            read=read,
            destinations=[DestinationRow(d, moves.get(d.pk, [])) for d in destinations],
            warnings=list(warnings),
        )


def destination_form_read(actor: Actor, public_id: object, *, view_name: str) -> CaseRead:
    """The read behind a destination form: named staff who may take the protection action, or 404."""
    return read_case(
        actor,
        public_id,
        view_name=view_name,
        action=AccessAction.DESTINATION,
        for_action=CaseAction.PROTECTION,
        destination=True,
    )


def destination_in(read: CaseRead, destination_id: UUID) -> Destination:
    found = Destination.objects.filter(case=read.case, public_id=destination_id).select_related("provider").first()
    if found is None:
        raise Http404
    return found


def relocation_in(read: CaseRead, relocation_id: UUID) -> Relocation:
    found = Relocation.objects.filter(case=read.case, public_id=relocation_id).select_related("destination").first()
    if found is None:
        raise Http404
    return found


def warning_in(read: CaseRead, warning_id: int) -> PlacementWarning:
    found = PlacementWarning.objects.filter(case=read.case, pk=warning_id, acknowledged_at__isnull=True).first()
    if found is None:
        raise Http404
    return found


def open_warnings(read: CaseRead) -> list[PlacementWarning]:
    """For the protection page: the warnings not yet acted on, to named staff only (else none)."""
    if not read.sees_destination:
        return []
    return list(PlacementWarning.objects.filter(case=read.case, acknowledged_at__isnull=True))
