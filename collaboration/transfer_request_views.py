"""The screens of a case moved to another municipality: the case's requests, a new request, and one request
with the forms of its next steps."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from access.actor import Actor
from collaboration.selectors import transfer_form_read
from collaboration.transfer_request_forms import StepForm, TransferRequestForm, request_input, step_input
from collaboration.transfer_request_selectors import transfer_request_page, transfer_requests_page
from collaboration.transfer_requests import Step, transfer_request_record, transfer_step_record
from web.http import StaffRequest, form_page, show_errors

STEP_BUTTON = "steg"
DONE = {
    Step.ANSWER: _("Svaret är registrerat."),
    Step.IVO: _("Ansökan hos IVO är registrerad."),
    Step.DECISION: _("IVO:s beslut är registrerat."),
}


def requests_url(public_id: object) -> str:
    return reverse("collaboration:transfer_requests", args=[public_id])


@require_GET
@login_required
def transfer_requests(request: StaffRequest, public_id: UUID) -> HttpResponse:
    page = transfer_requests_page(Actor.from_request(request), public_id)
    return render(request, "collaboration/transfer_requests.html", {"page": page, "case": page.read.case})


@require_http_methods(["GET", "POST"])
@login_required
def transfer_request_new(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    shown = transfer_form_read(actor, public_id, view_name="collaboration.transfer_request.form")
    return form_page(
        request,
        form=TransferRequestForm(
            request.POST or None, consents=shown.consents, initial={"disclosed_on": timezone.localdate()}
        ),
        change=lambda data: transfer_request_record(actor=actor, case_public_id=public_id, data=request_input(data)),
        done=_("Begäran är registrerad, och dess utlämnande finns i utlämnanderegistret."),
        success_url=requests_url(public_id),
        template="collaboration/transfer_request_form.html",
        context=lambda: {"case": shown.read.case},
    )


@require_http_methods(["GET", "POST"])
@login_required
def transfer_request(request: StaffRequest, public_id: UUID, request_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    posted = request.POST.get(STEP_BUTTON, "") if request.method == "POST" else ""
    chosen = Step(posted) if posted in {s.value for s in Step} else None
    bound: StepForm | None = None
    if chosen is not None:
        bound = StepForm(request.POST, step=chosen)
        if bound.is_valid():
            try:
                transfer_step_record(
                    actor=actor,
                    case_public_id=public_id,
                    request_id=request_id,
                    data=step_input(chosen, bound.cleaned_data),
                )
            except ValidationError as exc:
                show_errors(bound, exc)
            else:
                messages.success(request, DONE[chosen])
                return redirect(reverse("collaboration:transfer_request", args=[public_id, request_id]))
    page = transfer_request_page(actor, public_id, request_id)
    forms = [bound if bound is not None and bound.step == step else StepForm(step=step) for step in page.row.steps]
    if bound is not None and bound.errors and chosen not in page.row.steps:  # a step no longer open: say why
        messages.error(request, " ".join(str(e) for e in bound.non_field_errors()))
    return render(
        request, "collaboration/transfer_request.html", {"page": page, "case": page.read.case, "forms": forms}
    )
