"""Views for the work in a case: signals, assessments, investigations, decisions, closure.

A POST calls one service, which checks need-to-know and logs the change (or the refusal). The case is
read for display only when a form is shown (a GET, or a POST with errors), `for_change`: only those who
may change it get the form, and the read is logged.
"""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from access import selectors as access
from access.actor import Actor
from access.reads import read_case
from casefile.services import case_close, case_reopen
from cases.models import Case
from decisions.services import DecisionInput, court_referral_record, decision_record, legal_bases_for
from delegation.models import DecisionKind
from delegation.order import delegation_items_for
from intake import services as intake
from intake.models import DELEGATION_KINDS, Signal
from investigations.models import Investigation
from investigations.services import investigation_complete, investigation_open_for_case, participation_record
from web import casework_forms as f
from web.views import StaffRequest


def show_errors(form: Form, exc: ValidationError) -> None:
    """A service's errors on the form: by field where the form has that field, otherwise on top."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, [e.message % (e.params or {}) for e in errors])
    else:
        form.add_error(None, exc.messages)


def _submit(
    request: StaffRequest, form: Form, change: Callable[[dict[str, Any]], object], done: str, public_id: UUID
) -> HttpResponse | None:
    """A valid POST: make the change and go back to the case; a refusal's errors go on the form."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        change(form.cleaned_data)
    except ValidationError as exc:
        show_errors(form, exc)
        return None
    messages.success(request, done)
    return redirect("web:case_detail", public_id=public_id)


def _act(request: StaffRequest, change: Callable[[], object], done: str, public_id: UUID) -> HttpResponse:
    """A change made by a button alone: say how it went, back on the case page."""
    try:
        change()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done)
    return redirect("web:case_detail", public_id=public_id)


def _signal(case: Case, signal_id: int) -> Signal:
    signal = Signal.objects.filter(case=case, pk=signal_id).first()
    if signal is None:
        raise Http404
    return signal


def _render(request: StaffRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    return render(request, f"web/casework/{template}", context)


@require_http_methods(["GET", "POST"])
@login_required
def signal_new(request: StaffRequest) -> HttpResponse:
    if not access.may_register_signals(request.user):
        raise Http404
    form = f.SignalForm(request.POST or None, initial={"received_at": timezone.localtime().replace(second=0)})
    if request.method == "POST" and form.is_valid():
        data = intake.SignalInput(**form.cleaned_data)
        try:
            receipt = intake.signal_register(actor=Actor.from_request(request), data=data)
        except ValidationError as exc:
            show_errors(form, exc)
        else:
            text = _(
                "Aktualiseringen är registrerad. Kom in %(received)s. Omedelbar skyddsbedömning senast %(due)s."
            ) % {
                "received": date_format(timezone.localtime(receipt.received_at), "Y-m-d H:i"),
                "due": date_format(receipt.protection_due_on, "Y-m-d"),
            }
            if receipt.case_public_id is None:
                # The same words and the same page for a child new to Utväg, another team's child and a
                # protected child: what is known elsewhere is routed, not revealed.
                messages.success(
                    request,
                    text
                    + " "
                    + _(
                        "Den har gått till det team som ska handlägga den. Hör den till ditt team finns ärendet "
                        "under Mitt arbete."
                    ),
                )
                return redirect("web:my_work")
            messages.success(request, text)
            return redirect("web:case_detail", public_id=receipt.case_public_id)
    if not (form.errors.get("not_a_duplicate") or form.data.get("not_a_duplicate")):
        # The confirmation is asked for only once a likely duplicate has been shown.
        del form.fields["not_a_duplicate"]
    return render(request, "web/casework/signal_new.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def protection_assessment(request: StaffRequest, public_id: UUID, signal_id: int) -> HttpResponse:
    actor = Actor.from_request(request)
    form = f.ProtectionAssessmentForm(request.POST or None)

    def change(data: dict[str, Any]) -> None:
        intake.protection_assessment_record(actor=actor, case_public_id=public_id, signal_id=signal_id, **data)

    if response := _submit(request, form, change, _("Den omedelbara skyddsbedömningen är dokumenterad."), public_id):
        return response
    case = read_case(actor, public_id, view_name="intake.protection_assessment.form", for_change=True)
    signal = _signal(case, signal_id)
    return _render(request, "protection_assessment.html", {"case": case, "signal": signal, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def preliminary_assessment(request: StaffRequest, public_id: UUID, signal_id: int) -> HttpResponse:
    actor = Actor.from_request(request)
    day = timezone.localdate()
    # The items in force today for either outcome, grouped by it; the service checks the one chosen.
    items = [
        (str(kind.label), [(d.pk, f"{d.code} {d.delegate}") for d in delegation_items_for(kind, day)])
        for kind in DELEGATION_KINDS.values()
    ]
    form = f.PreliminaryAssessmentForm(request.POST or None, initial={"decided_on": day}, items=items)

    def change(data: dict[str, Any]) -> None:
        values = {name: value for name, value in data.items() if name != "delegation"}
        assessment = intake.PreliminaryInput(**values, delegation_id=data["delegation"])
        intake.preliminary_assessment_record(
            actor=actor, case_public_id=public_id, signal_id=signal_id, data=assessment
        )

    if response := _submit(request, form, change, _("Förhandsbedömningen är beslutad."), public_id):
        return response
    case = read_case(actor, public_id, view_name="intake.preliminary_assessment.form", for_change=True)
    signal = _signal(case, signal_id)
    return _render(request, "preliminary_assessment.html", {"case": case, "signal": signal, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def preliminary_extend(request: StaffRequest, public_id: UUID, signal_id: int) -> HttpResponse:
    actor = Actor.from_request(request)
    form = f.ExtensionForm(request.POST or None)

    def change(data: dict[str, Any]) -> None:
        intake.preliminary_extend(actor=actor, case_public_id=public_id, signal_id=signal_id, **data)

    if response := _submit(request, form, change, _("Förhandsbedömningens tidsfrist är förlängd."), public_id):
        return response
    case = read_case(actor, public_id, view_name="intake.preliminary_extend.form", for_change=True)
    signal = _signal(case, signal_id)
    return _render(request, "preliminary_extend.html", {"case": case, "signal": signal, "form": form})


SIGNAL_ACTIONS = {
    "vardnadshavare": (intake.guardian_contact_record, _("Kontakten med vårdnadshavarna är registrerad.")),
    "aterkoppling": (intake.reporter_feedback_record, _("Återkopplingen till anmälaren är registrerad.")),
}


@require_POST
@login_required
def signal_action(request: StaffRequest, public_id: UUID, signal_id: int, action: str) -> HttpResponse:
    if action not in SIGNAL_ACTIONS:
        raise Http404
    service, done = SIGNAL_ACTIONS[action]
    actor = Actor.from_request(request)
    return _act(
        request, lambda: service(actor=actor, case_public_id=public_id, signal_id=signal_id), str(done), public_id
    )


@require_http_methods(["GET", "POST"])
@login_required
def investigation_open(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    form = f.InvestigationOpenForm(request.POST or None, initial={"opened_on": timezone.localdate()})

    def change(data: dict[str, Any]) -> None:
        investigation_open_for_case(actor=actor, case_public_id=public_id, **data)

    if response := _submit(request, form, change, _("Utredningen är inledd."), public_id):
        return response
    case = read_case(actor, public_id, view_name="investigation.open.form", for_change=True)
    return _render(request, "investigation_open.html", {"case": case, "form": form})


def _investigation(case: Case, investigation_id: UUID) -> Investigation:
    investigation = Investigation.objects.filter(case=case, public_id=investigation_id).first()
    if investigation is None:
        raise Http404
    return investigation


@require_http_methods(["GET", "POST"])
@login_required
def investigation_participation(request: StaffRequest, public_id: UUID, investigation_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    form = f.ParticipationForm(request.POST or None)

    def change(data: dict[str, Any]) -> None:
        participation_record(actor=actor, case_public_id=public_id, investigation_id=investigation_id, **data)

    if response := _submit(request, form, change, _("Barnets delaktighet är dokumenterad."), public_id):
        return response
    case = read_case(actor, public_id, view_name="investigation.participation.form", for_change=True)
    investigation = _investigation(case, investigation_id)
    if not form.is_bound:
        form = f.ParticipationForm(
            initial={
                "participation": investigation.child_participation,
                "views": investigation.child_views,
                "read_and_commented": investigation.child_read_and_commented,
            }
        )
    context = {"case": case, "investigation": investigation, "form": form}
    return _render(request, "investigation_participation.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def investigation_finish(request: StaffRequest, public_id: UUID, investigation_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    form = f.InvestigationCompleteForm(request.POST or None, initial={"completed_on": timezone.localdate()})

    def change(data: dict[str, Any]) -> None:
        investigation_complete(actor=actor, case_public_id=public_id, investigation_id=investigation_id, **data)

    if response := _submit(request, form, change, _("Utredningen är avslutad."), public_id):
        return response
    case = read_case(actor, public_id, view_name="investigation.complete.form", for_change=True)
    investigation = _investigation(case, investigation_id)
    return _render(request, "investigation_complete.html", {"case": case, "investigation": investigation, "form": form})


def _decision_form(request: StaffRequest, public_id: UUID, kind: str) -> f.DecisionForm:
    """The choices only bound what may be posted; the service checks access before anything is used."""
    day = timezone.localdate()
    open_investigations = Investigation.objects.filter(case__public_id=public_id, completed_on__isnull=True)
    return f.DecisionForm(
        request.POST if request.method == "POST" else None,
        initial={"kind": kind, "decided_on": day},
        bases=[(b.pk, f"{b.provision} {b.law} – {b.title}") for b in legal_bases_for(kind, day)],
        items=[(d.pk, f"{d.code} {d.delegate}") for d in delegation_items_for(kind, day)],
        investigations=[(str(i.public_id), f"{i.question} ({i.opened_on:%Y-%m-%d})") for i in open_investigations],
    )


@require_http_methods(["GET", "POST"])
@login_required
def decision_new(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    kind = request.POST.get("kind") or request.GET.get("kind") or ""
    if kind not in DecisionKind.values:
        case = read_case(actor, public_id, view_name="decision.form", for_change=True)
        return _render(request, "decision_kind.html", {"case": case, "form": f.DecisionKindForm(request.GET or None)})
    form = _decision_form(request, public_id, kind)

    def change(data: dict[str, Any]) -> None:
        # Fields a kind does not use are not on its form: .get() gives None for them.
        decision = DecisionInput(
            kind=kind,
            legal_basis_id=data["legal_basis"],
            delegation_id=data["delegation"],
            decided_by_name=data["decided_by_name"],
            decided_on=data["decided_on"],
            executed_on=data.get("executed_on"),
            reasons=data["reasons"],
            appeal_information=data["appeal_information"],
            investigation_id=data.get("investigation") or None,
            new_due_on=data.get("new_due_on"),
        )
        decision_record(actor=actor, case_public_id=public_id, data=decision)

    if response := _submit(request, form, change, _("Beslutet är registrerat och signerat."), public_id):
        return response
    case = read_case(actor, public_id, view_name="decision.form", for_change=True)
    label = DecisionKind(kind).label
    return _render(request, "decision_new.html", {"case": case, "form": form, "kind": kind, "kind_label": label})


@require_POST
@login_required
def court_referral(request: StaffRequest, public_id: UUID, decision_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    return _act(
        request,
        lambda: court_referral_record(actor=actor, case_public_id=public_id, decision_id=decision_id),
        _("Underställningen till förvaltningsrätten är registrerad."),
        public_id,
    )


@require_http_methods(["GET", "POST"])
@login_required
def close(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    form = f.CloseCaseForm(request.POST or None)

    def change(data: dict[str, Any]) -> None:
        case_close(actor=actor, case_public_id=public_id, **data)

    if response := _submit(request, form, change, _("Ärendet är avslutat."), public_id):
        return response
    case = read_case(actor, public_id, view_name="case.close.form", for_change=True)
    return _render(request, "case_close.html", {"case": case, "form": form})


@require_POST
@login_required
def reopen(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    return _act(
        request,
        lambda: case_reopen(actor=actor, case_public_id=public_id),
        _("Ärendet är öppnat igen. Historiken finns kvar."),
        public_id,
    )
