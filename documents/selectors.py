"""Reading a document request, its content for preview, and the PDF (a logged print)."""

from dataclasses import dataclass
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from access.actor import Actor
from access.log import write_access_events
from access.models import AccessAction
from access.permissions import CaseAction
from access.reads import read_case
from cases.models import Case
from documents.models import DocumentRequest
from documents.pdf import render_pdf


@dataclass
class DocumentView:
    case: Case
    request: DocumentRequest
    may_confirm: bool


def _request(case: Case, request_public_id: UUID | str) -> DocumentRequest:
    request = (
        DocumentRequest.objects.select_related(
            "decision__legal_basis",
            "decision__delegation",
            "decision__signed_by",
            "investigation",
            "requested_by",
            "confirmed_by",
        )
        .filter(case=case, public_id=request_public_id)
        .first()
    )
    if request is None:
        raise Http404
    return request


def document_view(actor: Actor, case_public_id: UUID | str, request_public_id: UUID | str) -> DocumentView:
    read = read_case(actor, case_public_id, view_name="document.view")
    case = read.case
    request = _request(case, request_public_id)
    may_confirm = (
        request.needs_confirmation
        and request.confirmed_at is None
        and request.requested_by_id != actor.user.pk
        and CaseAction.DOCUMENTS in read.actions
    )
    return DocumentView(case=case, request=request, may_confirm=may_confirm)


def document_body(view: DocumentView) -> str:
    return render_to_string("documents/_body.html", {"case": view.case, "request": view.request})


def document_pdf(actor: Actor, case_public_id: UUID | str, request_public_id: UUID | str) -> tuple[str, bytes]:
    """The file name and the PDF. Logged as a print; refused until a needed confirmation is given.

    A refused print stays in the log as the print attempt followed by a `refused` row saying why.
    """
    case = read_case(actor, case_public_id, view_name="document.pdf", action=AccessAction.PRINT).case
    request = _request(case, request_public_id)
    if not request.may_print:
        write_access_events(
            actor,
            action=AccessAction.REFUSED,
            view_name="document.pdf",
            subjects=[(case.child_id, case.pk)],
            reason="confirmation_needed",
        )
        raise ValidationError(
            _("Dokumentet rör en person med skyddade personuppgifter och måste kontrolleras av en andra person."),
            code="confirmation_needed",
        )
    html = render_to_string("documents/document.html", {"case": case, "request": request})
    return f"{case.reference}-{request.get_kind_display().lower()}.pdf", render_pdf(html)
