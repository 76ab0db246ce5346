"""The disclosure register's screens (the case's list, the form for a disclosure or its correction) and the
consent ledger's (the case's consents, the form for a new one, its withdrawal)."""

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
from collaboration.consents import partner_consent_record, partner_consent_withdraw
from collaboration.disclosures import disclosure_record
from collaboration.forms import (
    DisclosureForm,
    PartnerConsentForm,
    WithdrawForm,
    consent_input,
    disclosure_input,
    initial_from,
)
from collaboration.selectors import (
    consent_form_read,
    consent_page,
    consent_withdraw_read,
    disclosure_form_read,
    disclosure_page,
)
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
        form=DisclosureForm(request.POST or None, persons=shown.persons, consents=shown.consents, initial=start),
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


def consents_url(public_id: object) -> str:
    return reverse("collaboration:consents", args=[public_id])


@require_GET
@login_required
def consents_view(request: StaffRequest, public_id: UUID) -> HttpResponse:
    page = consent_page(Actor.from_request(request), public_id)
    return render(request, "collaboration/consent_list.html", {"page": page, "case": page.read.case})


@require_http_methods(["GET", "POST"])
@login_required
def consent_new(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    shown = consent_form_read(actor, public_id)
    child = shown.read.case.child
    start = {"given_on": timezone.localdate(), "person": str(child.public_id)}
    return form_page(
        request,
        form=PartnerConsentForm(
            request.POST or None, persons=shown.persons, givers=shown.givers, child=child, initial=start
        ),
        change=lambda data: partner_consent_record(actor=actor, case_public_id=public_id, data=consent_input(data)),
        done=_("Samtycket är registrerat."),
        success_url=consents_url(public_id),
        template="collaboration/consent_form.html",
        context=lambda: {"case": shown.read.case},
    )


@require_http_methods(["GET", "POST"])
@login_required
def consent_withdraw(request: StaffRequest, public_id: UUID, consent_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    shown = consent_withdraw_read(actor, public_id, consent_id)
    return form_page(
        request,
        form=WithdrawForm(request.POST or None, initial={"withdrawn_on": timezone.localdate()}),
        change=lambda data: partner_consent_withdraw(
            actor=actor, case_public_id=public_id, consent_id=consent_id, withdrawn_on=data["withdrawn_on"]
        ),
        done=_("Återkallelsen är registrerad."),
        success_url=consents_url(public_id),
        template="collaboration/consent_withdraw.html",
        context=lambda: {"case": shown.read.case, "consent": shown.consent},
    )
