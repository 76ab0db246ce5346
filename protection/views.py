"""The threat picture's screens: the case's protection page, and recording a new picture."""

from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import read_case
from protection.selectors import protection_page
from protection.threat import ThreatInput, offered_relations, threat_record
from protection.threat_forms import ThreatForm, posted_relations
from web.http import StaffRequest, form_page
from web.paging import page_number

EARLIER = "hotbilder"


@require_GET
@login_required
def protection_view(request: StaffRequest, public_id: UUID) -> HttpResponse:
    page = protection_page(Actor.from_request(request), public_id, earlier_page=page_number(request, EARLIER))
    return render(request, "protection/page.html", {"page": page, "case": page.case, **page.parts})


@require_http_methods(["GET", "POST"])
@login_required
def threat_new(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    form = ThreatForm(
        request.POST or None,
        initial={"assessed_on": timezone.localdate(), "with_police": True},
        relation_ids=posted_relations(request.POST),
    )

    def context() -> dict[str, Any]:
        read = read_case(actor, public_id, view_name="protection.threat.form", for_action=CaseAction.THREAT)
        form.name_persons(str(read.case.child), offered_relations(actor.user, read.case))
        return {"case": read.case}

    return form_page(
        request,
        form=form,
        change=lambda data: threat_record(
            actor=actor,
            case_public_id=public_id,
            data=ThreatInput(
                assessed_on=data["assessed_on"],
                source=data["source"],
                source_note=data["source_note"],
                with_police=data["with_police"],
                threatened_by=data["threatened_by"],
                review_on=data["review_on"],
                threatened=form.threatened(),
            ),
        ),
        done=_("Hotbilden är registrerad."),
        success_url=reverse("protection:page", args=[public_id]),
        template="protection/threat_new.html",
        context=context,
    )
