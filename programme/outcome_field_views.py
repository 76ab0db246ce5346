"""The unit manager's screens for the outcome questions: the list, a new question, retiring one."""

from dataclasses import fields

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from access.actor import Actor
from programme.outcome_field_forms import OutcomeFieldForm, RetireForm
from programme.outcome_fields import (
    FieldInput,
    outcome_field,
    outcome_field_add,
    outcome_field_retire,
    outcome_fields,
)
from web.http import StaffRequest, form_page

FIELD_INPUTS = [f.name for f in fields(FieldInput)]


@require_GET
@login_required
def outcome_field_list(request: StaffRequest) -> HttpResponse:
    listed = outcome_fields(Actor.from_request(request))
    return render(request, "programme/outcome_fields.html", {"fields": listed, "today": timezone.localdate()})


@require_http_methods(["GET", "POST"])
@login_required
def outcome_field_new(request: StaffRequest) -> HttpResponse:
    actor = Actor.from_request(request)
    listed = outcome_fields(actor)  # refuses whoever may not keep them, before any form is shown
    last = max((f.position for f in listed), default=0)
    form = OutcomeFieldForm(request.POST or None, initial={"valid_from": timezone.localdate(), "position": last + 10})
    return form_page(
        request,
        form=form,
        change=lambda data: outcome_field_add(actor=actor, data=FieldInput(**{n: data[n] for n in FIELD_INPUTS})),
        done=_("Frågan ställs nu vid uppföljningarna."),
        success_url=reverse("programme:outcome_fields"),
        template="programme/outcome_field_form.html",
        context=lambda: {},
    )


@require_http_methods(["GET", "POST"])
@login_required
def outcome_field_retire_view(request: StaffRequest, key: str) -> HttpResponse:
    actor = Actor.from_request(request)
    field = outcome_field(actor, key)
    form = RetireForm(request.POST or None, initial={"retired_on": timezone.localdate()})
    return form_page(
        request,
        form=form,
        change=lambda data: outcome_field_retire(actor=actor, key=key, retired_on=data["retired_on"]),
        done=_("Frågan ställs inte längre från den dagen. Det som redan registrerats finns kvar."),
        success_url=reverse("programme:outcome_fields"),
        template="programme/outcome_field_retire.html",
        context=lambda: {"field": field},
    )
