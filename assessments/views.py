"""The assessments' screens: the case's assessments with change per domain, a new one, and one alone."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from access.actor import Actor
from assessments.forms import AssessmentForm
from assessments.selectors import assessment_detail, assessments_page, form_case, instrument_for_form
from assessments.services import assessment_record
from web.http import StaffRequest, form_page


@require_GET
@login_required
def assessment_list(request: StaffRequest, public_id: UUID) -> HttpResponse:
    page = assessments_page(Actor.from_request(request), public_id)
    return render(request, "assessments/assessment_list.html", {"page": page, "case": page.case})


@require_http_methods(["GET", "POST"])
@login_required
def assessment_new(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    shape = instrument_for_form(request.GET.get("instrument"))
    if shape is None:
        raise Http404
    corrects = request.GET.get("rattar", "")
    form = AssessmentForm(
        request.POST or None,
        structure=shape,
        correcting=bool(corrects),
        initial={"assessed_on": timezone.localdate(), "corrects": corrects},
    )

    def context() -> dict[str, object]:
        read = form_case(actor, public_id, corrects=corrects)
        return {
            "case": read.case,
            "corrects": read.corrects,
            "structure": shape,
            "worker_sections": form.sections(child=False),
            "child_sections": form.sections(child=True),
        }

    return form_page(
        request,
        form=form,
        change=lambda data: assessment_record(actor=actor, case_public_id=public_id, data=form.data_for_service(data)),
        done=_("Bedömningen är registrerad."),
        success_url=lambda made: reverse("assessments:assessment", args=[public_id, made.public_id]),
        template="assessments/assessment_new.html",
        context=context,
    )


@require_GET
@login_required
def assessment(request: StaffRequest, public_id: UUID, assessment_id: UUID) -> HttpResponse:
    detail = assessment_detail(Actor.from_request(request), public_id, assessment_id)
    return render(request, "assessments/assessment.html", {"detail": detail, "case": detail.case})
