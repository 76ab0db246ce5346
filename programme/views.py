"""The programme's screens: raising a child into it, its page, phases, defector status, criteria, motivation."""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import read_case
from programme import defector, motivation, services
from programme.defector import definition_on
from programme.forms import CriteriaForm, DefectorForm, EndForm, MotivationForm, PhaseForm, RaiseForm
from programme.rows import participation_in_case
from programme.selectors import programme_page
from web.http import StaffRequest, form_page


def participation_url(public_id: object, participation_id: object) -> str:
    return reverse("programme:participation", args=[public_id, participation_id])


@require_http_methods(["GET", "POST"])
@login_required
def participation_new(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    return form_page(
        request,
        form=RaiseForm(request.POST or None, initial={"raised_on": timezone.localdate()}),
        change=lambda data: services.participation_raise(
            actor=actor, case_public_id=public_id, data=services.RaiseInput(**data)
        ),
        done=_("Barnet är registrerat i avhopparprogrammet."),
        success_url=lambda made: participation_url(public_id, made.public_id),
        template="programme/participation_new.html",
        context=lambda: {
            "case": read_case(actor, public_id, view_name="programme.raise.form", for_action=CaseAction.PROGRAMME).case
        },
    )


@require_GET
@login_required
def participation(request: StaffRequest, public_id: UUID, participation_id: UUID) -> HttpResponse:
    page = programme_page(Actor.from_request(request), public_id, participation_id)
    return render(request, "programme/participation.html", {"page": page, "case": page.case})


def participation_form(
    request: StaffRequest,
    public_id: UUID,
    participation_id: UUID,
    *,
    form: Form,
    change: Callable[[Actor, dict[str, Any]], object],
    done: str,
    template: str,
    view_name: str,
    restricted: bool = False,
    extra: Callable[[Any], dict[str, Any]] = lambda participation: {},
) -> HttpResponse:
    """A form on a participation: the case read for the form is checked for the programme's action (and,
    for `restricted` data, for the child's own team); `extra` adds what the form is about."""
    actor = Actor.from_request(request)

    def context() -> dict[str, Any]:
        read = read_case(actor, public_id, view_name=view_name, for_action=CaseAction.PROGRAMME, restricted=restricted)
        participation = participation_in_case(read.case, participation_id)
        return {"case": read.case, "participation": participation, **extra(participation)}

    return form_page(
        request,
        form=form,
        change=lambda data: change(actor, data),
        done=done,
        success_url=participation_url(public_id, participation_id),
        template=template,
        context=context,
    )


@require_http_methods(["GET", "POST"])
@login_required
def phase_new(request: StaffRequest, public_id: UUID, participation_id: UUID) -> HttpResponse:
    return participation_form(
        request,
        public_id,
        participation_id,
        form=PhaseForm(request.POST or None, initial={"entered_on": timezone.localdate()}),
        change=lambda actor, data: services.phase_record(
            actor=actor, case_public_id=public_id, participation_id=participation_id, data=services.PhaseInput(**data)
        ),
        done=_("Fasen är registrerad."),
        template="programme/phase_new.html",
        view_name="programme.phase.form",
    )


@require_http_methods(["GET", "POST"])
@login_required
def participation_end(request: StaffRequest, public_id: UUID, participation_id: UUID) -> HttpResponse:
    return participation_form(
        request,
        public_id,
        participation_id,
        form=EndForm(request.POST or None, initial={"ended_on": timezone.localdate()}),
        change=lambda actor, data: services.participation_end(
            actor=actor, case_public_id=public_id, participation_id=participation_id, data=services.EndInput(**data)
        ),
        done=_("Deltagandet i programmet är avslutat."),
        template="programme/participation_end.html",
        view_name="programme.end.form",
    )


@require_http_methods(["GET", "POST"])
@login_required
def defector_assessment(request: StaffRequest, public_id: UUID, participation_id: UUID) -> HttpResponse:
    today = timezone.localdate()
    form = DefectorForm(request.POST or None, initial={"assessed_on": today})
    form.definition = definition_on(today)  # type: ignore[attr-defined]  # shown verbatim above the form
    return participation_form(
        request,
        public_id,
        participation_id,
        form=form,
        change=lambda actor, data: defector.defector_assess(
            actor=actor,
            case_public_id=public_id,
            participation_id=participation_id,
            data=defector.DefectorInput(**data),
        ),
        done=_("Bedömningen mot definitionen är registrerad."),
        template="programme/defector_assessment.html",
        view_name="programme.defector.form",
    )


@require_http_methods(["GET", "POST"])
@login_required
def police_criteria(request: StaffRequest, public_id: UUID, participation_id: UUID) -> HttpResponse:
    form = CriteriaForm(request.POST or None, initial={"checked_on": timezone.localdate()})
    return participation_form(
        request,
        public_id,
        participation_id,
        form=form,
        change=lambda actor, data: defector.criteria_record(
            actor=actor,
            case_public_id=public_id,
            participation_id=participation_id,
            data=defector.CriteriaInput(checked_on=data["checked_on"], states=form.states(), note=data["note"]),
        ),
        done=_("Polisens kriterier är registrerade."),
        template="programme/police_criteria.html",
        view_name="programme.criteria.form",
    )


@require_http_methods(["GET", "POST"])
@login_required
def motivation_new(request: StaffRequest, public_id: UUID, participation_id: UUID) -> HttpResponse:
    return participation_form(
        request,
        public_id,
        participation_id,
        form=MotivationForm(request.POST or None, initial={"heard_on": timezone.localdate()}),
        change=lambda actor, data: motivation.motivation_record(
            actor=actor,
            case_public_id=public_id,
            participation_id=participation_id,
            data=motivation.MotivationInput(**data),
        ),
        done=_("Motivationen är registrerad."),
        template="programme/motivation_new.html",
        view_name="programme.motivation.form",
    )
