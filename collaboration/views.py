"""The disclosure register's screens: the case's list, and the form for a disclosure or its correction."""

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
from collaboration.disclosures import disclosure_record
from collaboration.forms import DisclosureForm, disclosure_input, initial_from
from collaboration.selectors import disclosure_form_read, disclosure_page
from web.http import StaffRequest, form_page


def list_url(public_id: object) -> str:
    return reverse("collaboration:disclosures", args=[public_id])


@require_GET
@login_required
def disclosures_view(request: StaffRequest, public_id: UUID) -> HttpResponse:
    page = disclosure_page(Actor.from_request(request), public_id)
    return render(request, "collaboration/disclosure_list.html", {"page": page, "case": page.read.case})


def _form(request: StaffRequest, public_id: UUID, corrects: UUID | None) -> HttpResponse:
    actor = Actor.from_request(request)
    shown = disclosure_form_read(actor, public_id, corrects=corrects)
    child = str(shown.read.case.child.public_id)
    start: dict[str, Any] = (
        initial_from(shown.corrects) if shown.corrects else {"disclosed_on": timezone.localdate(), "person": child}
    )
    return form_page(
        request,
        form=DisclosureForm(request.POST or None, persons=shown.persons, initial=start),
        change=lambda data: disclosure_record(
            actor=actor, case_public_id=public_id, data=disclosure_input(data, corrects=shown.corrects)
        ),
        done=_("Rättelsen är registrerad.") if shown.corrects else _("Utlämnandet är registrerat."),
        success_url=list_url(public_id),
        template="collaboration/disclosure_form.html",
        context=lambda: {"case": shown.read.case, "corrects": shown.corrects},
    )


@require_http_methods(["GET", "POST"])
@login_required
def disclosure_new(request: StaffRequest, public_id: UUID) -> HttpResponse:
    return _form(request, public_id, None)


@require_http_methods(["GET", "POST"])
@login_required
def disclosure_correct(request: StaffRequest, public_id: UUID, disclosure_id: UUID) -> HttpResponse:
    return _form(request, public_id, disclosure_id)
