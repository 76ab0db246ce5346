"""Printable documents: ask for one, let a second person check it when needed, download the PDF."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from access.actor import Actor
from documents.pdf import PrintingUnavailable
from documents.selectors import document_body, document_pdf, document_view
from documents.services import document_confirm, document_request
from web.http import StaffRequest


@require_POST
@login_required
def document_new(request: StaffRequest, public_id: UUID) -> HttpResponse:
    try:
        ordered = document_request(
            actor=Actor.from_request(request),
            case_public_id=public_id,
            kind=request.POST.get("kind", ""),
            subject_public_id=request.POST.get("subject", ""),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("casefile:case_detail", public_id=public_id)
    return redirect("documents:document", public_id=public_id, request_id=ordered.public_id)


@require_GET
@login_required
def document(request: StaffRequest, public_id: UUID, request_id: UUID) -> HttpResponse:
    view = document_view(Actor.from_request(request), public_id, request_id)
    context = {"view": view, "case": view.case, "body": document_body(view)}
    return render(request, "documents/document_page.html", context)


@require_POST
@login_required
def document_check(request: StaffRequest, public_id: UUID, request_id: UUID) -> HttpResponse:
    try:
        document_confirm(
            actor=Actor.from_request(request),
            case_public_id=public_id,
            request_public_id=request_id,
            checked=request.POST.get("checked") == "1",
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Kontrollen är registrerad. Dokumentet kan skrivas ut."))
    return redirect("documents:document", public_id=public_id, request_id=request_id)


@require_GET
@login_required
def document_download(request: StaffRequest, public_id: UUID, request_id: UUID) -> HttpResponse:
    try:
        filename, pdf = document_pdf(Actor.from_request(request), public_id, request_id)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("documents:document", public_id=public_id, request_id=request_id)
    except PrintingUnavailable:
        messages.error(request, _("Utskrift fungerar inte på den här servern just nu. Kontakta systemförvaltningen."))
        return redirect("documents:document", public_id=public_id, request_id=request_id)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
