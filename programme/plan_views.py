"""The plan's screens: the plan, a new goal, a follow-up meeting, a withdrawn consent, the plan as a PDF."""

from datetime import timedelta
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from access.actor import Actor
from documents.pdf import PrintingUnavailable
from programme import plan
from programme.forms import ConsentWithdrawForm, FollowUpForm, PlanItemForm
from programme.models import CLOSED_STATUSES, PlanItem
from programme.plan_selectors import item_choices, plan_page, plan_pdf
from programme.views import participation_form
from web.http import StaffRequest, form_page

# A goal is looked at again within a quarter unless the worker sets another day. [ours]
FOLLOW_UP_AFTER = timedelta(days=90)


def plan_url(public_id: object, participation_id: object) -> str:
    return reverse("programme:plan", args=[public_id, participation_id])


@require_GET
@login_required
def plan_view(request: StaffRequest, public_id: UUID, participation_id: UUID) -> HttpResponse:
    page = plan_page(Actor.from_request(request), public_id, participation_id)
    return render(request, "programme/plan.html", {"page": page, "case": page.read.case})


@require_http_methods(["GET", "POST"])
@login_required
def plan_item_new(request: StaffRequest, public_id: UUID, participation_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    # The form's choices are the custodians the user may see: read (and logged) before the form is built.
    choices = item_choices(actor, public_id, participation_id, view_name="programme.plan_item.form")
    today = timezone.localdate()
    form = PlanItemForm(
        request.POST or None,
        custodians=choices.custodians.shown,
        decisions=choices.decisions,
        services=choices.services,
        initial={"starts_on": today, "follow_up_on": today + FOLLOW_UP_AFTER},
    )

    def context() -> dict[str, Any]:
        hidden = choices.custodians.hidden
        return {"case": choices.read.case, "participation": choices.participation, "hidden_custodians": hidden}

    return form_page(
        request,
        form=form,
        change=lambda data: plan.plan_item_add(
            actor=actor, case_public_id=public_id, participation_id=participation_id, data=plan.ItemInput(**data)
        ),
        done=_("Målet är lagt till planen."),
        success_url=plan_url(public_id, participation_id),
        template="programme/plan_item_new.html",
        context=context,
    )


@require_http_methods(["GET", "POST"])
@login_required
def follow_up_new(request: StaffRequest, public_id: UUID, participation_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    choices = item_choices(actor, public_id, participation_id, view_name="programme.follow_up.form")
    running = list(
        PlanItem.objects.filter(participation=choices.participation)
        .exclude(status__in=CLOSED_STATUSES)
        .order_by("domain", "starts_on", "id")
    )
    form = FollowUpForm(request.POST or None, items=running, initial={"held_on": timezone.localdate()})
    return form_page(
        request,
        form=form,
        change=lambda data: plan.follow_up_record(
            actor=actor,
            case_public_id=public_id,
            participation_id=participation_id,
            data=plan.FollowUpInput(held_on=data["held_on"], child_view=data["child_view"], reviews=form.reviews()),
        ),
        done=_("Uppföljningen är registrerad."),
        success_url=plan_url(public_id, participation_id),
        template="programme/follow_up_new.html",
        context=lambda: {"case": choices.read.case, "participation": choices.participation},
    )


@require_http_methods(["GET", "POST"])
@login_required
def consent_withdraw(request: StaffRequest, public_id: UUID, participation_id: UUID, consent_id: int) -> HttpResponse:
    return participation_form(
        request,
        public_id,
        participation_id,
        form=ConsentWithdrawForm(request.POST or None, initial={"withdrawn_on": timezone.localdate()}),
        change=lambda actor, data: plan.consent_withdraw(
            actor=actor,
            case_public_id=public_id,
            participation_id=participation_id,
            consent_id=consent_id,
            withdrawn_on=data["withdrawn_on"],
        ),
        done=_("Samtycket är återkallat. En insats utan samtycke att vila på är avbruten."),
        template="programme/consent_withdraw.html",
        view_name="programme.consent_withdraw.form",
    )


@require_GET
@login_required
def plan_download(request: StaffRequest, public_id: UUID, participation_id: UUID) -> HttpResponse:
    try:
        filename, pdf = plan_pdf(Actor.from_request(request), public_id, participation_id)
    except PrintingUnavailable:
        messages.error(request, _("Utskrift fungerar inte på den här servern just nu. Kontakta systemförvaltningen."))
        return redirect(plan_url(public_id, participation_id))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
