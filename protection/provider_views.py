"""The provider register's screens: the list, one provider, keeping it, and its follow-ups."""

from dataclasses import fields
from uuid import UUID

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
from protection import provider_selectors as selectors
from protection.measure_forms import FollowUpForm, ProviderForm
from protection.providers import FollowUpInput, ProviderInput, follow_up_add, provider_add, provider_change
from web.http import StaffRequest, form_page

PROVIDER_FIELDS = [f.name for f in fields(ProviderInput)]


def provider_url(public_id: object) -> str:
    return reverse("protection:provider", args=[public_id])


def _managing(request: StaffRequest) -> Actor:
    actor = Actor.from_request(request)
    if not rules.may_manage_providers(request.user):
        refuse(actor, view_name="protection.provider_change")
    return actor


@require_GET
@login_required
def provider_list(request: StaffRequest) -> HttpResponse:
    page = selectors.register(Actor.from_request(request))
    return render(request, "protection/provider_list.html", {"page": page})


@require_GET
@login_required
def provider(request: StaffRequest, public_id: UUID) -> HttpResponse:
    page = selectors.provider_page(Actor.from_request(request), public_id)
    return render(request, "protection/provider.html", {"page": page})


@require_http_methods(["GET", "POST"])
@login_required
def provider_new(request: StaffRequest) -> HttpResponse:
    actor = _managing(request)
    return form_page(
        request,
        form=ProviderForm(request.POST or None),
        change=lambda data: provider_add(actor=actor, data=ProviderInput(**data)),
        done=_("Utföraren finns nu i registret."),
        success_url=lambda made: provider_url(made.public_id),
        template="protection/provider_form.html",
        context=lambda: {"provider": None},
    )


@require_http_methods(["GET", "POST"])
@login_required
def provider_edit(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = _managing(request)
    page = selectors.provider_page(actor, public_id)
    initial = {name: getattr(page.provider, name) for name in PROVIDER_FIELDS}
    return form_page(
        request,
        form=ProviderForm(request.POST or None, initial=initial),
        change=lambda data: provider_change(actor=actor, public_id=public_id, data=ProviderInput(**data)),
        done=_("Ändringen är sparad och syns i utförarens historik."),
        success_url=provider_url(public_id),
        template="protection/provider_form.html",
        context=lambda: {"provider": page.provider},
    )


@require_http_methods(["GET", "POST"])
@login_required
def provider_follow_up(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = _managing(request)
    page = selectors.provider_page(actor, public_id)
    return form_page(
        request,
        form=FollowUpForm(request.POST or None, initial={"done_on": timezone.localdate()}),
        change=lambda data: follow_up_add(actor=actor, public_id=public_id, data=FollowUpInput(**data)),
        done=_("Uppföljningen är registrerad."),
        success_url=provider_url(public_id),
        template="protection/provider_follow_up.html",
        context=lambda: {"provider": page.provider},
    )
