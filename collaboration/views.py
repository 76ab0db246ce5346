"""The disclosure register's screens (the case's list, the form for a disclosure or its correction), the
consent ledger's (the case's consents, the form for a new one, its withdrawal), incoming information (the
case's list and form, and the form for a child not known or not the user's) and the transfer form."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from access import rules
from access.actor import Actor
from access.reads import refuse
from collaboration.consents import partner_consent_record, partner_consent_withdraw
from collaboration.disclosures import disclosure_record
from collaboration.forms import (
    DisclosureForm,
    IncomingChildForm,
    IncomingCorrectionForm,
    IncomingForm,
    PartnerConsentForm,
    TransferForm,
    WithdrawForm,
    absence_input,
    child_input,
    consent_input,
    disclosure_input,
    incoming_initial,
    incoming_input,
    initial_from,
    transfer_input,
)
from collaboration.incoming import INFORMATION, incoming_record, incoming_record_correction, incoming_signal
from collaboration.models import Channel
from collaboration.selectors import (
    consent_form_read,
    consent_page,
    consent_withdraw_read,
    disclosure_form_read,
    disclosure_page,
    incoming_correction_read,
    incoming_form_read,
    incoming_page,
    transfer_form_read,
)
from collaboration.transfers import transfer_record
from core.uuids import parse_uuid
from intake.services import SignalReceipt
from web.http import StaffRequest, case_url, form_page, show_errors

# The query parameter naming the meeting item a new disclosure follows from (`?punkt=<item>`).
MEETING_ITEM = "punkt"


def list_url(public_id: object) -> str:
    return reverse("collaboration:disclosures", args=[public_id])


@require_GET
@login_required
def disclosures_view(request: StaffRequest, public_id: UUID) -> HttpResponse:
    page = disclosure_page(Actor.from_request(request), public_id)
    return render(request, "collaboration/disclosure_list.html", {"page": page, "case": page.read.case})


def _form(request: StaffRequest, public_id: UUID, corrects: UUID | None) -> HttpResponse:
    actor = Actor.from_request(request)
    item_id = parse_uuid(request.GET.get(MEETING_ITEM, ""))
    if request.GET.get(MEETING_ITEM) and item_id is None:
        raise Http404
    shown = disclosure_form_read(actor, public_id, corrects=corrects, meeting_item=item_id)
    child = str(shown.read.case.child.public_id)
    start: dict[str, Any] = (
        initial_from(shown.corrects) if shown.corrects else {"disclosed_on": timezone.localdate(), "person": child}
    )
    if shown.meeting_item and not shown.corrects:  # said at the meeting, most often: the form starts there
        start |= {"disclosed_on": shown.meeting_item.meeting.held_on, "channel": Channel.ORAL}
    return form_page(
        request,
        form=DisclosureForm(request.POST or None, persons=shown.persons, consents=shown.consents, initial=start),
        change=lambda data: disclosure_record(
            actor=actor,
            case_public_id=public_id,
            data=disclosure_input(data, corrects=shown.corrects, meeting_item=shown.meeting_item),
        ),
        done=_("Rättelsen är registrerad.") if shown.corrects else _("Utlämnandet är registrerat."),
        success_url=list_url(public_id),
        template="collaboration/disclosure_form.html",
        context=lambda: {"case": shown.read.case, "corrects": shown.corrects, "meeting_item": shown.meeting_item},
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


def incoming_url(public_id: object) -> str:
    return reverse("collaboration:incoming", args=[public_id])


@require_GET
@login_required
def incoming_view(request: StaffRequest, public_id: UUID) -> HttpResponse:
    page = incoming_page(Actor.from_request(request), public_id)
    return render(request, "collaboration/incoming_list.html", {"page": page, "case": page.read.case})


@require_http_methods(["GET", "POST"])
@login_required
def incoming_new(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    read = incoming_form_read(actor, public_id)
    return form_page(
        request,
        form=IncomingForm(request.POST or None, initial={"received_at": timezone.localtime().replace(second=0)}),
        change=lambda data: incoming_record(
            actor=actor, case_public_id=public_id, data=incoming_input(data), absence=absence_input(data)
        ),
        done=_("Uppgifterna är registrerade på ärendet."),
        success_url=incoming_url(public_id),
        template="collaboration/incoming_form.html",
        context=lambda: {"case": read.case},
    )


@require_http_methods(["GET", "POST"])
@login_required
def incoming_correct(request: StaffRequest, public_id: UUID, incoming_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    shown = incoming_correction_read(actor, public_id, incoming_id)
    return form_page(
        request,
        form=IncomingCorrectionForm(request.POST or None, initial=incoming_initial(shown.corrects)),
        change=lambda data: incoming_record_correction(
            actor=actor,
            case_public_id=public_id,
            corrects=incoming_id,
            data=incoming_input(data),
            absence=absence_input(data),
            reason=data["reason"],
        ),
        done=_("Rättelsen är registrerad."),
        success_url=incoming_url(public_id),
        template="collaboration/incoming_form.html",
        context=lambda: {"case": shown.read.case, "corrects": shown.corrects},
    )


def _receipt_message(receipt: SignalReceipt) -> str:
    """Intake's receipt, in intake's words: the same for a child new to Utväg, another team's child and a
    protected child (`intake.views`)."""
    text = _("Aktualiseringen är registrerad. Kom in %(received)s. Omedelbar skyddsbedömning senast %(due)s.") % {
        "received": date_format(timezone.localtime(receipt.received_at), "Y-m-d H:i"),
        "due": date_format(receipt.protection_due_on, "Y-m-d"),
    }
    if receipt.case_public_id is not None:
        return text
    return f"{text} " + _(
        "Den har gått till det team som ska handlägga den. Hör den till ditt team finns ärendet under Mitt arbete."
    )


@require_http_methods(["GET", "POST"])
@login_required
def incoming_child(request: StaffRequest) -> HttpResponse:
    """Information from a partner about a child not known or not the user's: a signal, routed by intake.
    Who may register one is intake's rule."""
    actor = Actor.from_request(request)
    if not rules.may_register_signals(request.user):
        refuse(actor, view_name="collaboration.incoming_child")
    form = IncomingChildForm(
        request.POST or None, initial={"received_at": timezone.localtime().replace(second=0), "what": INFORMATION}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            receipt = incoming_signal(
                actor=actor,
                data=incoming_input(data),
                child=child_input(data),
                what=data["what"],
                sender_name=data["reporter_name"],
                sender_contact=data["reporter_contact"],
            )
        except ValidationError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _receipt_message(receipt))
            if receipt.case_public_id is None:
                return redirect("casefile:my_work")
            return redirect(case_url(receipt.case_public_id))
    if not (form.errors.get("not_a_duplicate") or form.data.get("not_a_duplicate")):
        # Intake's way: the confirmation is asked for only once a likely duplicate has been shown.
        del form.fields["not_a_duplicate"]
    return render(request, "collaboration/incoming_child.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def transfer_new(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    shown = transfer_form_read(actor, public_id)
    return form_page(
        request,
        form=TransferForm(
            request.POST or None,
            consents=shown.consents,
            initial={"disclosed_on": timezone.localdate(), "channel": Channel.WRITTEN},
        ),
        change=lambda data: transfer_record(actor=actor, case_public_id=public_id, data=transfer_input(data)),
        done=_("Överlämnandet är registrerat, och dess utlämnande finns i utlämnanderegistret."),
        success_url=list_url(public_id),
        template="collaboration/transfer_form.html",
        context=lambda: {"case": shown.read.case},
    )
