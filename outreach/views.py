"""The field screens: the worker's page with the contact form, the child's form, and the unit's figures."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from access import rules
from access.actor import Actor
from access.reads import refuse
from outreach.areas import area_add, area_set_active, areas_page
from outreach.forms import AreaForm, ChildForm, ContactForm, child_input, contact_input
from outreach.selectors import field_page, outreach_report
from outreach.services import areas_for, contact_log, outreach_signal, unit_of
from web.http import StaffRequest, button_action, form_page

SAVED = "sparad"  # in the address after a save: the page tells the draft script to forget the draft


@require_http_methods(["GET", "POST"])
@login_required
def field(request: StaffRequest) -> HttpResponse:
    actor = Actor.from_request(request)
    page = field_page(actor)
    form = ContactForm(request.POST or None, areas=page.areas)
    return form_page(
        request,
        form=form,
        change=lambda data: contact_log(actor=actor, data=contact_input(data)),
        done=_("Kontakten är registrerad."),
        success_url=reverse("outreach:field") + f"?{SAVED}=1",
        template="outreach/field.html",
        context=lambda: {"page": page, "saved": SAVED in request.GET},
    )


@require_http_methods(["GET", "POST"])
@login_required
def child(request: StaffRequest) -> HttpResponse:
    actor = Actor.from_request(request)
    if not rules.may_log_outreach(actor.user):
        refuse(actor, view_name="outreach.signal")
    form = ChildForm(request.POST or None, areas=areas_for(unit_of(actor)))
    return form_page(
        request,
        form=form,
        change=lambda data: outreach_signal(actor=actor, data=child_input(data)),
        # The same words whoever the child is: nothing about whether the child is known, or where it went.
        done=_("Skickat till mottagningen."),
        success_url=reverse("outreach:field"),
        template="outreach/child.html",
        context=dict,
    )


@require_GET
@login_required
def report(request: StaffRequest) -> HttpResponse:
    return render(request, "outreach/report.html", {"report": outreach_report(Actor.from_request(request))})


@require_http_methods(["GET", "POST"])
@login_required
def areas(request: StaffRequest) -> HttpResponse:
    actor = Actor.from_request(request)
    page = areas_page(actor)
    return form_page(
        request,
        form=AreaForm(request.POST or None),
        change=lambda data: area_add(actor=actor, name=data["name"]),
        done=_("Området är tillagt och kan väljas i fältarbetet."),
        success_url=reverse("outreach:areas"),
        template="outreach/areas.html",
        context=lambda: {"page": page},
    )


@require_POST
@login_required
def area_change(request: StaffRequest, area_id: int) -> HttpResponse:
    active = request.POST.get("i_bruk") == "1"
    done = _("Området används igen.") if active else _("Området används inte längre; dess siffror finns kvar.")
    return button_action(
        request,
        lambda: area_set_active(actor=Actor.from_request(request), area_id=area_id, active=active),
        done=done,
        success_url=reverse("outreach:areas"),
    )
