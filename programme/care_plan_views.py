"""The vårdplan's screens: the plan in force with the ones it replaced, and a new plan or revision."""

from dataclasses import fields
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from access.actor import Actor
from programme.care_plan_forms import CarePlanForm
from programme.care_plan_models import CarePlan
from programme.care_plan_selectors import care_plan_page
from programme.care_plans import CarePlanInput, care_plan_record
from web.http import StaffRequest, form_page

INPUTS = [f.name for f in fields(CarePlanInput)]


def care_plan_url(public_id: object, participation_id: object) -> str:
    return reverse("programme:care_plan", args=[public_id, participation_id])


@require_GET
@login_required
def care_plan_view(request: StaffRequest, public_id: UUID, participation_id: UUID) -> HttpResponse:
    page = care_plan_page(Actor.from_request(request), public_id, participation_id)
    return render(request, "programme/care_plan.html", {"page": page, "case": page.read.case})


@require_http_methods(["GET", "POST"])
@login_required
def care_plan_new(request: StaffRequest, public_id: UUID, participation_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    page = care_plan_page(actor, public_id, participation_id, for_form=True)
    form = CarePlanForm(request.POST or None, initial=_initial(page.current))
    return form_page(
        request,
        form=form,
        change=lambda data: care_plan_record(
            actor=actor,
            case_public_id=public_id,
            participation_id=participation_id,
            data=CarePlanInput(**{name: data[name] for name in INPUTS}),
        ),
        done=_("Vårdplanen är sparad."),
        success_url=care_plan_url(public_id, participation_id),
        template="programme/care_plan_new.html",
        context=lambda: {"case": page.read.case, "participation": page.participation, "current": page.current},
    )


def _initial(current: CarePlan | None) -> dict[str, object]:
    """A revision starts from the plan in force, so that the worker changes what has changed."""
    initial: dict[str, object] = {name: getattr(current, name) for name in INPUTS} if current else {}
    return {**initial, "made_on": timezone.localdate()}
