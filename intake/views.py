"""Intake's screens: registering a signal, the protection assessment and the förhandsbedömning.

A POST calls one service, which checks need-to-know and logs the change (or the refusal). The case is
read for display only when a form is shown (a GET, or a POST with errors), `for_action`: only those who
may take that action in it get the form, and the read is logged.
"""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from access import rules
from access.actor import Actor
from access.permissions import CaseAction
from access.reads import read_case, refuse
from delegation.order import delegation_items_for
from intake import detentions, services
from intake.forms import (
    DetentionEndForm,
    DetentionForm,
    ExtensionForm,
    FeedbackWithholdForm,
    PreliminaryAssessmentForm,
    ProtectionAssessmentForm,
    SignalForm,
)
from intake.models import DELEGATION_KINDS
from intake.selectors import signal_in_case
from web.http import StaffRequest, button_action, case_url, form_page, show_errors


def _receipt_message(receipt: services.SignalReceipt) -> str:
    text = _("Aktualiseringen är registrerad. Kom in %(received)s. Omedelbar skyddsbedömning senast %(due)s.") % {
        "received": date_format(timezone.localtime(receipt.received_at), "Y-m-d H:i"),
        "due": date_format(receipt.protection_due_on, "Y-m-d"),
    }
    if receipt.case_public_id is not None:
        return text
    # The same words and the same page for a child new to Utväg, another team's child and a protected
    # child: what is known elsewhere is routed, not revealed.
    return f"{text} " + _(
        "Den har gått till det team som ska handlägga den. Hör den till ditt team finns ärendet under Mitt arbete."
    )


@require_http_methods(["GET", "POST"])
@login_required
def signal_new(request: StaffRequest) -> HttpResponse:
    if not rules.may_register_signals(request.user):
        refuse(Actor.from_request(request), view_name="intake.signal_new")
    form = SignalForm(request.POST or None, initial={"received_at": timezone.localtime().replace(second=0)})
    if request.method == "POST" and form.is_valid():
        try:
            receipt = services.signal_register(
                actor=Actor.from_request(request), data=services.SignalInput(**form.cleaned_data)
            )
        except ValidationError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _receipt_message(receipt))
            if receipt.case_public_id is None:
                return redirect("casefile:my_work")
            return redirect(case_url(receipt.case_public_id))
    if not (form.errors.get("not_a_duplicate") or form.data.get("not_a_duplicate")):
        # The confirmation is asked for only once a likely duplicate has been shown.
        del form.fields["not_a_duplicate"]
    return render(request, "intake/signal_new.html", {"form": form})


def _signal_context(
    actor: Actor, public_id: UUID, signal_id: int, view_name: str, action: CaseAction
) -> dict[str, Any]:
    case = read_case(actor, public_id, view_name=view_name, for_action=action).case
    return {"case": case, "signal": signal_in_case(case, signal_id)}


@require_http_methods(["GET", "POST"])
@login_required
def protection_assessment(request: StaffRequest, public_id: UUID, signal_id: int) -> HttpResponse:
    actor = Actor.from_request(request)
    return form_page(
        request,
        form=ProtectionAssessmentForm(request.POST or None),
        change=lambda data: services.protection_assessment_record(
            actor=actor, case_public_id=public_id, signal_id=signal_id, **data
        ),
        done=_("Den omedelbara skyddsbedömningen är dokumenterad."),
        success_url=case_url(public_id),
        template="intake/protection_assessment.html",
        context=lambda: _signal_context(
            actor, public_id, signal_id, "intake.protection_assessment.form", CaseAction.PROTECTION
        ),
    )


def _delegation_choices(role: str) -> list[tuple[str, list[tuple[int, str]]]]:
    """The items in force today for either outcome that `role` may sign under, grouped by outcome; the
    service checks the one chosen."""
    day = timezone.localdate()
    return [
        (str(kind.label), [(d.pk, f"{d.code} {d.delegate}") for d in delegation_items_for(kind, day, signer_role=role)])
        for kind in DELEGATION_KINDS.values()
    ]


@require_http_methods(["GET", "POST"])
@login_required
def preliminary_assessment(request: StaffRequest, public_id: UUID, signal_id: int) -> HttpResponse:
    actor = Actor.from_request(request)
    form = PreliminaryAssessmentForm(
        request.POST or None, initial={"decided_on": timezone.localdate()}, items=_delegation_choices(actor.role)
    )

    def change(data: dict[str, Any]) -> None:
        values = {name: value for name, value in data.items() if name != "delegation"}
        assessment = services.PreliminaryInput(**values, delegation_id=data["delegation"])
        services.preliminary_assessment_record(
            actor=actor, case_public_id=public_id, signal_id=signal_id, data=assessment
        )

    return form_page(
        request,
        form=form,
        change=change,
        done=_("Förhandsbedömningen är beslutad."),
        success_url=case_url(public_id),
        template="intake/preliminary_assessment.html",
        context=lambda: _signal_context(
            actor, public_id, signal_id, "intake.preliminary_assessment.form", CaseAction.PRELIMINARY
        ),
    )


@require_http_methods(["GET", "POST"])
@login_required
def preliminary_extend(request: StaffRequest, public_id: UUID, signal_id: int) -> HttpResponse:
    actor = Actor.from_request(request)
    return form_page(
        request,
        form=ExtensionForm(request.POST or None),
        change=lambda data: services.preliminary_extend(
            actor=actor, case_public_id=public_id, signal_id=signal_id, **data
        ),
        done=_("Förhandsbedömningens tidsfrist är förlängd."),
        success_url=case_url(public_id),
        template="intake/preliminary_extend.html",
        context=lambda: _signal_context(
            actor, public_id, signal_id, "intake.preliminary_extend.form", CaseAction.PRELIMINARY
        ),
    )


SIGNAL_ACTIONS = {
    "vardnadshavare": (services.guardian_contact_record, gettext_lazy("Kontakten med vårdnadshavarna är registrerad.")),
    "aterkoppling": (services.reporter_feedback_record, gettext_lazy("Återkopplingen till anmälaren är registrerad.")),
    "aterkoppling-begard": (
        services.reporter_feedback_request_record,
        gettext_lazy("Anmälarens begäran om återkoppling är registrerad."),
    ),
}


@require_http_methods(["GET", "POST"])
@login_required
def feedback_withhold(request: StaffRequest, public_id: UUID, signal_id: int) -> HttpResponse:
    actor = Actor.from_request(request)
    return form_page(
        request,
        form=FeedbackWithholdForm(request.POST or None),
        change=lambda data: services.reporter_feedback_withhold(
            actor=actor, case_public_id=public_id, signal_id=signal_id, reason=data["reason"]
        ),
        done=_("Det är antecknat att anmälaren inte får återkoppling, och varför."),
        success_url=case_url(public_id),
        template="intake/feedback_withhold.html",
        context=lambda: _signal_context(
            actor, public_id, signal_id, "intake.reporter_feedback_withhold.form", CaseAction.PRELIMINARY
        ),
    )


@require_POST
@login_required
def signal_action(request: StaffRequest, public_id: UUID, signal_id: int, action: str) -> HttpResponse:
    if action not in SIGNAL_ACTIONS:
        raise Http404
    service, done = SIGNAL_ACTIONS[action]
    actor = Actor.from_request(request)
    return button_action(
        request,
        lambda: service(actor=actor, case_public_id=public_id, signal_id=signal_id),
        done=str(done),
        success_url=case_url(public_id),
    )


@require_http_methods(["GET", "POST"])
@login_required
def detention_new(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    return form_page(
        request,
        form=DetentionForm(request.POST or None, initial={"began_on": timezone.localdate()}),
        change=lambda data: detentions.detention_record(
            actor=actor, case_public_id=public_id, data=detentions.DetentionInput(**data)
        ),
        done=_("Frihetsberövandet är registrerat."),
        success_url=case_url(public_id),
        template="intake/detention_new.html",
        context=lambda: {
            "case": read_case(actor, public_id, view_name="intake.detention.form", for_action=CaseAction.DETENTION).case
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def detention_end(request: StaffRequest, public_id: UUID, detention_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    return form_page(
        request,
        form=DetentionEndForm(request.POST or None, initial={"ended_on": timezone.localdate()}),
        change=lambda data: detentions.detention_end(
            actor=actor, case_public_id=public_id, detention_id=detention_id, ended_on=data["ended_on"]
        ),
        done=_("Att frihetsberövandet upphörde är registrerat."),
        success_url=case_url(public_id),
        template="intake/detention_end.html",
        context=lambda: {
            "case": read_case(
                actor, public_id, view_name="intake.detention_end.form", for_action=CaseAction.DETENTION
            ).case
        },
    )
