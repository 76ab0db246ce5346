"""The destination screens: the page of a case's protected destinations, and its forms; conflicts.

Every answer is marked as protected: never cached (`no-store`), no form remembered by the browser, and
the destination hidden from print (`data-no-print`). Printing goes through the documents app's second-
person check, not through these pages.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from access.actor import Actor
from access.models import AccessAction
from access.permissions import CaseAction
from access.reads import CaseRead, log_result_set, read_case
from protection import conflicts, destinations, relocation
from protection.destination_forms import (
    AcknowledgeForm,
    ConflictForm,
    DestinationForm,
    EndForm,
    HandoverForm,
    RelocationForm,
)
from protection.destination_selectors import (
    destination_form_read,
    destination_in,
    destination_page,
    relocation_in,
    warning_in,
)
from protection.models import Conflict
from web.http import StaffRequest, button_action, form_page

View = Callable[..., HttpResponse]


def protected(view: View) -> View:
    """Nothing of a destination page stays in a browser's or a proxy's cache."""

    @wraps(view)
    @never_cache
    def marked(request: StaffRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Pragma"] = "no-cache"
        return response

    return marked


def page_url(public_id: object) -> str:
    return reverse("protection:destinations", args=[public_id])


@require_GET
@login_required
@protected
def destinations_view(request: StaffRequest, public_id: UUID) -> HttpResponse:
    page = destination_page(Actor.from_request(request), public_id)
    return render(request, "protection/destination_page.html", {"page": page, "case": page.read.case})


def _destination_form(
    request: StaffRequest,
    public_id: UUID,
    *,
    view_name: str,
    form: Callable[[CaseRead], Form],
    change: Callable[[Actor, dict[str, Any]], object],
    done: str,
    template: str,
    extra: Callable[[CaseRead], dict[str, Any]] = lambda read: {},
) -> HttpResponse:
    """A form on the case's destination: read for named staff alone (404 to anyone else), then shown."""
    actor = Actor.from_request(request)
    read = destination_form_read(actor, public_id, view_name=view_name)
    shown = {"case": read.case, **extra(read)}
    return form_page(
        request,
        form=form(read),
        change=lambda data: change(actor, data),
        done=done,
        success_url=page_url(public_id),
        template=template,
        context=lambda: shown,
    )


def _relatives_form(actor: Actor, read: CaseRead, data: Any) -> DestinationForm:
    relatives = list(destinations.threatened_relatives(read.case))
    if relatives:
        subjects: list[tuple[int | None, int | None]] = [(p.pk, read.case.pk) for p in relatives]
        log_result_set(
            actor, action=AccessAction.LIST, view_name="protection.destination.form.relatives", subjects=subjects
        )
    return DestinationForm(
        data,
        relatives=relatives,
        providers=list(destinations.active_providers()),
        initial={"from_on": timezone.localdate()},
    )


@require_http_methods(["GET", "POST"])
@login_required
@protected
def destination_new(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    return _destination_form(
        request,
        public_id,
        view_name="protection.destination.form",
        form=lambda read: _relatives_form(actor, read, request.POST or None),
        change=lambda actor, data: destinations.destination_record(
            actor=actor, case_public_id=public_id, data=destinations.DestinationInput(**data)
        ),
        done=_("Vistelseorten är registrerad."),
        template="protection/destination_new.html",
    )


@require_http_methods(["GET", "POST"])
@login_required
@protected
def destination_end(request: StaffRequest, public_id: UUID, destination_id: UUID) -> HttpResponse:
    return _destination_form(
        request,
        public_id,
        view_name="protection.destination.end.form",
        form=lambda read: EndForm(request.POST or None, initial={"to_on": timezone.localdate()}),
        change=lambda actor, data: destinations.destination_end(
            actor=actor, case_public_id=public_id, destination_id=destination_id, to_on=data["to_on"]
        ),
        done=_("Vistelseorten är avslutad."),
        template="protection/destination_end.html",
        extra=lambda read: {"destination": destination_in(read, destination_id)},
    )


@require_http_methods(["GET", "POST"])
@login_required
@protected
def relocation_new(request: StaffRequest, public_id: UUID, destination_id: UUID) -> HttpResponse:
    return _destination_form(
        request,
        public_id,
        view_name="protection.destination.relocation.form",
        form=lambda read: RelocationForm(request.POST or None, initial={"moved_on": timezone.localdate()}),
        change=lambda actor, data: relocation.relocation_record(
            actor=actor, case_public_id=public_id, destination_id=destination_id, moved_on=data["moved_on"]
        ),
        done=_("Omflyttningen är registrerad."),
        template="protection/relocation_new.html",
        extra=lambda read: {"destination": destination_in(read, destination_id)},
    )


@require_http_methods(["GET", "POST"])
@login_required
@protected
def handover_new(request: StaffRequest, public_id: UUID, relocation_id: UUID) -> HttpResponse:
    return _destination_form(
        request,
        public_id,
        view_name="protection.destination.handover.form",
        form=lambda read: HandoverForm(request.POST or None, initial={"sent_on": timezone.localdate()}),
        change=lambda actor, data: relocation.handover_record(
            actor=actor, case_public_id=public_id, relocation_id=relocation_id, data=relocation.HandoverInput(**data)
        ),
        done=_("Överlämningen är registrerad."),
        template="protection/relocation_handover.html",
        extra=lambda read: {"relocation": relocation_in(read, relocation_id)},
    )


@require_http_methods(["GET", "POST"])
@login_required
@protected
def warning_acknowledge(request: StaffRequest, public_id: UUID, warning_id: int) -> HttpResponse:
    return _destination_form(
        request,
        public_id,
        view_name="protection.destination.warning.form",
        form=lambda read: AcknowledgeForm(request.POST or None),
        change=lambda actor, data: conflicts.warning_acknowledge(
            actor=actor, case_public_id=public_id, warning_id=warning_id, note=data["note"]
        ),
        done=_("Det som gjordes med varningen är registrerat."),
        template="protection/conflict_warning.html",
        extra=lambda read: {"warning": warning_in(read, warning_id)},
    )


def conflicts_url(public_id: object) -> str:
    return reverse("protection:conflicts", args=[public_id])


@require_http_methods(["GET", "POST"])
@login_required
def conflicts_view(request: StaffRequest, public_id: UUID) -> HttpResponse:
    """The conflicts recorded from this case, and a new one: restricted programme data."""
    actor = Actor.from_request(request)
    read = read_case(
        actor, public_id, view_name="protection.conflicts", for_action=CaseAction.PROGRAMME, restricted=True
    )
    connections = list(conflicts.child_connections(read.case))
    recorded = Conflict.objects.filter(recorded_in=read.case).select_related("first", "second", "recorded_by")

    def context() -> dict[str, Any]:
        shown = list(recorded.order_by("-recorded_at", "-id"))
        people = {pk for c in shown for pk in (c.first_id, c.second_id)}
        if people:
            subjects: list[tuple[int | None, int | None]] = [(pk, read.case.pk) for pk in sorted(people)]
            log_result_set(actor, action=AccessAction.LIST, view_name="protection.conflicts.people", subjects=subjects)
        return {"case": read.case, "conflicts": shown}

    return form_page(
        request,
        form=ConflictForm(
            request.POST or None,
            connections=connections,
            initial={"expires_on": timezone.localdate() + conflicts.LONGEST // 2},
        ),
        change=lambda data: conflicts.conflict_record(
            actor=actor, case_public_id=public_id, data=conflicts.ConflictInput(**data)
        ),
        done=_("Konflikten är registrerad."),
        success_url=conflicts_url(public_id),
        template="protection/conflict_list.html",
        context=context,
    )


@require_POST
@login_required
def conflict_withdraw(request: StaffRequest, public_id: UUID, conflict_id: int) -> HttpResponse:
    actor = Actor.from_request(request)
    return button_action(
        request,
        lambda: conflicts.conflict_withdraw(actor=actor, case_public_id=public_id, conflict_id=conflict_id),
        done=_("Konflikten är borttagen."),
        success_url=conflicts_url(public_id),
    )
