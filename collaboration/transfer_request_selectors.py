"""Reading the requests to move the case: each read of the case through access and logged once; a request
about a protected destination only for the staff named for it (as its disclosure in the register)."""

from dataclasses import dataclass
from datetime import date

from django.http import Http404
from django.utils import timezone

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import CaseRead, reading_case
from collaboration.transfer_request_models import TransferRequest
from collaboration.transfer_requests import Stage, Step, ivo_due, ivo_open_from, stage_of, steps_open
from core.uuids import parse_uuid


@dataclass(frozen=True)
class RequestRow:
    request: TransferRequest
    stage: Stage
    steps: list[Step]  # what may be recorded next, for who may change the case
    ivo_from: date  # without an answer, the committee may apply to IVO from this day
    ivo_by: date | None  # while IVO has it: the day it should have decided by (its own time)

    @property
    def hand_over(self) -> bool:
        """Agreed by the other municipality or decided by IVO: the case is to be handed over."""
        return self.stage in (Stage.AGREED, Stage.IVO_TRANSFER)


def _row(request: TransferRequest, read: CaseRead, today: date) -> RequestRow:
    application = getattr(request, "ivo_application", None)
    return RequestRow(
        request=request,
        stage=stage_of(request),
        steps=steps_open(request, today) if CaseAction.DISCLOSE in read.actions else [],
        ivo_from=ivo_open_from(request),
        ivo_by=ivo_due(application) if application is not None and stage_of(request) == Stage.AT_IVO else None,
    )


def _requests(read: CaseRead) -> list[TransferRequest]:
    found = (
        TransferRequest.objects.filter(case=read.case)
        .select_related("disclosure", "legal_basis", "recorded_by", "answer", "ivo_application__decision")
        .order_by("-requested_on", "-id")
    )
    return [r for r in found if read.sees_destination or not r.disclosure.destination]


@dataclass(frozen=True)
class RequestsPage:
    read: CaseRead
    rows: list[RequestRow]


def transfer_requests_page(actor: Actor, public_id: object) -> RequestsPage:
    with reading_case(actor, public_id, view_name="collaboration.transfer_requests") as read:
        today = timezone.localdate()
        return RequestsPage(read=read, rows=[_row(r, read, today) for r in _requests(read)])


@dataclass(frozen=True)
class RequestPage:
    read: CaseRead
    row: RequestRow


def transfer_request_page(actor: Actor, public_id: object, request_id: object) -> RequestPage:
    """One request with its steps, and the forms of the next ones; 404 for one not in the case (or kept)."""
    key = parse_uuid(str(request_id))
    with reading_case(actor, public_id, view_name="collaboration.transfer_request.page") as read:
        found = next((r for r in _requests(read) if r.public_id == key), None) if key else None
        if found is None:
            raise Http404
        return RequestPage(read=read, row=_row(found, read, timezone.localdate()))
