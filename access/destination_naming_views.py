"""The unit manager's page for the staff named to know where a child in a case is protected."""

from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from access.actor import Actor
from access.destination_naming import (
    DestinationNamingInput,
    destination_name,
    destination_naming_withdraw,
    nameable_for_destination,
)
from access.forms import DestinationNamingForm
from access.models import DestinationNaming
from access.permissions import CaseAction
from access.reads import read_case
from web.http import StaffRequest, button_action, form_page


def namings_url(public_id: object) -> str:
    return reverse("access:destination_naming", args=[public_id])


@require_http_methods(["GET", "POST"])
@login_required
def destination_naming(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    # The choices are staff, not children: the form needs no read of personal data to be built.
    case = read_case(actor, public_id, view_name="access.destination_namings", for_action=CaseAction.STAFF).case
    form = DestinationNamingForm(request.POST or None, staff=list(nameable_for_destination(case)))

    def context() -> dict[str, Any]:
        namings = DestinationNaming.objects.filter(case=case).select_related("user__team", "named_by", "withdrawn_by")
        return {"case": case, "namings": list(namings.order_by("-named_at", "-id"))}

    return form_page(
        request,
        form=form,
        change=lambda data: destination_name(
            actor=actor, case_public_id=public_id, data=DestinationNamingInput(**data)
        ),
        done=_("Personen är namngiven för barnets skyddade vistelseort och har fått en notis."),
        success_url=namings_url(public_id),
        template="access/destination_naming.html",
        context=context,
    )


@require_POST
@login_required
def destination_naming_end(request: StaffRequest, public_id: UUID, naming_id: int) -> HttpResponse:
    actor = Actor.from_request(request)
    return button_action(
        request,
        lambda: destination_naming_withdraw(actor=actor, case_public_id=public_id, naming_id=naming_id),
        done=_("Personen är inte längre namngiven för vistelseorten. Historiken finns kvar."),
        success_url=namings_url(public_id),
    )
