"""The catalogue's screens: what is offered, one service, keeping it, and counting anonymous use."""

from dataclasses import fields
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from access import rules
from access.actor import Actor
from access.reads import refuse
from catalogue import selectors
from catalogue.forms import CorrectForm, CountForm, ServiceForm, countable_months
from catalogue.models import Service
from catalogue.services import (
    COUNTABLE_MONTHS,
    CountInput,
    ServiceInput,
    count_correct,
    count_record,
    service_add,
    service_change,
)
from web.http import StaffRequest, form_page

SERVICE_FIELDS = [f.name for f in fields(ServiceInput)]


def service_url(key: str) -> str:
    return reverse("catalogue:service", args=[key])


@require_GET
@login_required
def catalogue(request: StaffRequest) -> HttpResponse:
    page = selectors.catalogue(Actor.from_request(request))
    return render(request, "catalogue/catalogue.html", {"page": page})


@require_GET
@login_required
def service(request: StaffRequest, key: str) -> HttpResponse:
    page = selectors.service_page(Actor.from_request(request), key)
    return render(request, "catalogue/service.html", {"page": page})


@require_http_methods(["GET", "POST"])
@login_required
def service_new(request: StaffRequest) -> HttpResponse:
    actor = Actor.from_request(request)
    if not rules.may_manage_catalogue(request.user):
        refuse(actor, view_name="catalogue.service_change")
    form = ServiceForm(request.POST or None, initial={"valid_from": timezone.localdate()})
    return form_page(
        request,
        form=form,
        change=lambda data: service_add(
            actor=actor, key=data["key"], data=ServiceInput(**{n: data[n] for n in SERVICE_FIELDS})
        ),
        done=_("Insatsen finns nu i katalogen."),
        success_url=lambda made: service_url(made.key),
        template="catalogue/service_form.html",
        context=lambda: {"service": None},
    )


@require_http_methods(["GET", "POST"])
@login_required
def service_edit(request: StaffRequest, key: str) -> HttpResponse:
    actor = Actor.from_request(request)
    if not rules.may_manage_catalogue(request.user):
        refuse(actor, view_name="catalogue.service_change")
    page = selectors.service_page(actor, key)
    initial = {name: getattr(page.service, name) for name in SERVICE_FIELDS}
    form = ServiceForm(request.POST or None, initial=initial, changing=True)
    return form_page(
        request,
        form=form,
        change=lambda data: service_change(actor=actor, key=key, data=ServiceInput(**data)),
        done=_("Ändringen är sparad och syns i insatsens historik."),
        success_url=service_url(key),
        template="catalogue/service_form.html",
        context=lambda: {"service": page.service},
    )


def _counting(request: StaffRequest, key: str) -> tuple[Actor, Service]:
    actor = Actor.from_request(request)
    return actor, selectors.counted_service(actor, key)


@require_http_methods(["GET", "POST"])
@login_required
def count_new(request: StaffRequest, key: str) -> HttpResponse:
    actor, counted = _counting(request, key)
    form = CountForm(request.POST or None, months=countable_months(timezone.localdate(), COUNTABLE_MONTHS))
    return form_page(
        request,
        form=form,
        change=lambda data: count_record(actor=actor, key=key, data=CountInput(**data)),
        done=_("Antalet är registrerat."),
        success_url=service_url(key),
        template="catalogue/count_form.html",
        context=lambda: {"service": counted, "row": None},
    )


@require_http_methods(["GET", "POST"])
@login_required
def count_fix(request: StaffRequest, key: str, count_id: int) -> HttpResponse:
    actor, counted = _counting(request, key)
    row = selectors.count_in_force(counted, count_id)
    form = CorrectForm(request.POST or None, initial={"count": row.count})

    def context() -> dict[str, Any]:
        return {"service": counted, "row": row}

    return form_page(
        request,
        form=form,
        change=lambda data: count_correct(actor=actor, key=key, count_id=count_id, count=data["count"]),
        done=_("Antalet är rättat. Det gamla finns kvar i historiken."),
        success_url=service_url(key),
        template="catalogue/count_form.html",
        context=context,
    )
