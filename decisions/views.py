"""The decision screens: choosing the kind, recording and signing a decision, the LVU court referral."""

from datetime import timedelta
from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import read_case
from cases.models import Case
from core.uuids import parse_uuid
from decisions.appeals import DeliveryInput, appeal_period_settle, decision_delivery_record
from decisions.communication import CommunicationInput, communication_record, communication_reply_record
from decisions.court import OUTCOMES_FOR, CourtRulingInput, court_ruling_record
from decisions.forms import (
    AppealPeriodForm,
    CommunicationForm,
    CommunicationReplyForm,
    CourtRulingForm,
    DecisionForm,
    DecisionKindForm,
    DeliveryForm,
)
from decisions.models import CourtOutcome
from decisions.selectors import communication_in_case, decision_in_case, delivery_in_case
from decisions.services import (
    OFFERED_KINDS,
    DecisionInput,
    court_referral_record,
    decision_record,
    legal_bases_for,
)
from delegation.models import DecisionKind
from delegation.order import delegation_items_for
from investigations.selectors import open_investigations
from web.http import StaffRequest, button_action, case_url, form_page


def _posted_investigation(request: HttpRequest) -> list[tuple[str, str]]:
    """What a POST may name before the case is read: the choices only bound what may be posted, and the
    service checks that the investigation is the case's inside its own need-to-know check."""
    posted = parse_uuid(request.POST.get("investigation", ""))
    return [(str(posted), str(posted))] if posted else []


def _running(case: Case) -> list[tuple[str, str]]:
    return [(str(i.public_id), f"{i.question} ({i.opened_on:%Y-%m-%d})") for i in open_investigations(case)]


def _decision(kind: str, data: dict[str, Any]) -> DecisionInput:
    # Fields a kind does not use are not on its form: .get() gives None for them.
    return DecisionInput(
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
        communication=data.get("communication") or "",
        outcome=data.get("outcome") or "",
    )


@require_http_methods(["GET", "POST"])
@login_required
def decision_new(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    kind = request.POST.get("kind") or request.GET.get("kind") or ""
    if kind not in OFFERED_KINDS:
        case = read_case(actor, public_id, view_name="decision.form", for_action=CaseAction.DECIDE).case
        return render(
            request, "decisions/decision_kind.html", {"case": case, "form": DecisionKindForm(request.GET or None)}
        )
    day = timezone.localdate()
    form = DecisionForm(
        request.POST or None,
        initial={"kind": kind, "decided_on": day},
        bases=[(b.pk, f"{b.provision} {b.law} – {b.title}") for b in legal_bases_for(kind, day)],
        items=[(d.pk, f"{d.code} {d.delegate}") for d in delegation_items_for(kind, day, signer_role=actor.role)],
        investigations=_posted_investigation(request),
    )

    def shown() -> dict[str, object]:
        case = read_case(actor, public_id, view_name="decision.form", for_action=CaseAction.DECIDE).case
        form.offer_investigations(_running(case))
        return {"case": case, "kind": kind, "kind_label": DecisionKind(kind).label}

    return form_page(
        request,
        form=form,
        change=lambda data: decision_record(actor=actor, case_public_id=public_id, data=_decision(kind, data)),
        done=_("Beslutet är registrerat och signerat."),
        success_url=case_url(public_id),
        template="decisions/decision_new.html",
        context=shown,
    )


@require_POST
@login_required
def court_referral(request: StaffRequest, public_id: UUID, decision_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    return button_action(
        request,
        lambda: court_referral_record(actor=actor, case_public_id=public_id, decision_id=decision_id),
        done=_("Underställningen till förvaltningsrätten är registrerad."),
        success_url=case_url(public_id),
    )


# Both kinds' outcomes: the choices only bound what may be posted; the service checks the decision's.
ALL_OUTCOMES = [(o.value, str(o.label)) for o in CourtOutcome]


@require_http_methods(["GET", "POST"])
@login_required
def court_ruling(request: StaffRequest, public_id: UUID, decision_id: UUID) -> HttpResponse:
    """The court's answer to a 6 § custody or an application for care, as the court's ruling says."""
    actor = Actor.from_request(request)
    form = CourtRulingForm(request.POST or None, initial={"ruled_on": timezone.localdate()}, outcomes=ALL_OUTCOMES)

    def shown() -> dict[str, object]:
        case = read_case(actor, public_id, view_name="decision.court_ruling.form", for_action=CaseAction.DECIDE).case
        decision = decision_in_case(case, decision_id)
        if decision is None or decision.kind not in OUTCOMES_FOR:
            raise Http404
        offered = OUTCOMES_FOR[decision.kind]
        form.fields["outcome"].choices = [(o, label) for o, label in ALL_OUTCOMES if o in offered]  # type: ignore[attr-defined]  # a ChoiceField
        return {"case": case, "decision": decision}

    def change(data: dict[str, Any]) -> object:
        ruling = CourtRulingInput(
            outcome=data["outcome"],
            ruled_on=data["ruled_on"],
            court=data["court"],
            court_case_number=data["court_case_number"],
            new_due_on=data["new_due_on"],
        )
        return court_ruling_record(actor=actor, case_public_id=public_id, decision_id=decision_id, data=ruling)

    return form_page(
        request,
        form=form,
        change=change,
        done=_("Rättens avgörande är registrerat."),
        success_url=case_url(public_id),
        template="decisions/court_ruling.html",
        context=shown,
    )


@require_http_methods(["GET", "POST"])
@login_required
def decision_delivery(request: StaffRequest, public_id: UUID, decision_id: UUID) -> HttpResponse:
    """The day a party got the decision; for an appealable one it starts the party's three weeks."""
    actor = Actor.from_request(request)

    def shown() -> dict[str, object]:
        case = read_case(actor, public_id, view_name="decision.delivery.form", for_action=CaseAction.DECIDE).case
        decision = decision_in_case(case, decision_id)
        if decision is None:
            raise Http404
        return {"case": case, "decision": decision}

    def change(data: dict[str, Any]) -> object:
        delivery = DeliveryInput(
            party_kind=data["party_kind"],
            party_name=data["party_name"],
            delivered_on=data["delivered_on"],
            method=data["method"],
        )
        return decision_delivery_record(actor=actor, case_public_id=public_id, decision_id=decision_id, data=delivery)

    return form_page(
        request,
        form=DeliveryForm(request.POST or None, initial={"delivered_on": timezone.localdate()}),
        change=change,
        done=_("Delfåendet är registrerat."),
        success_url=case_url(public_id),
        template="decisions/delivery.html",
        context=shown,
    )


@require_http_methods(["GET", "POST"])
@login_required
def appeal_period(request: StaffRequest, public_id: UUID, delivery_id: UUID) -> HttpResponse:
    """When the three weeks have run out: no appeal came in, or one did (and on which day)."""
    actor = Actor.from_request(request)

    def shown() -> dict[str, object]:
        case = read_case(actor, public_id, view_name="decision.appeal_period.form", for_action=CaseAction.DECIDE).case
        delivery = delivery_in_case(case, delivery_id)
        if delivery is None:
            raise Http404
        return {"case": case, "delivery": delivery}

    return form_page(
        request,
        form=AppealPeriodForm(request.POST or None),
        change=lambda data: appeal_period_settle(
            actor=actor,
            case_public_id=public_id,
            delivery_id=delivery_id,
            appeal_received_on=data["appeal_received_on"] if data["appealed"] else None,
        ),
        done=_("Överklagandetiden är avslutad."),
        success_url=case_url(public_id),
        template="decisions/appeal_period.html",
        context=shown,
    )


@require_http_methods(["GET", "POST"])
@login_required
def communication_new(request: StaffRequest, public_id: UUID) -> HttpResponse:
    """Material sent to a party before a decision, with the time they have to answer (25 § FL)."""
    actor = Actor.from_request(request)
    today = timezone.localdate()
    return form_page(
        request,
        form=CommunicationForm(
            request.POST or None, initial={"sent_on": today, "reply_by": today + timedelta(days=14)}
        ),
        change=lambda data: communication_record(
            actor=actor, case_public_id=public_id, data=CommunicationInput(**data)
        ),
        done=_("Kommuniceringen är registrerad."),
        success_url=case_url(public_id),
        template="decisions/communication_new.html",
        context=lambda: {
            "case": read_case(
                actor, public_id, view_name="decision.communication.form", for_action=CaseAction.DECIDE
            ).case
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def communication_reply(request: StaffRequest, public_id: UUID, communication_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)

    def shown() -> dict[str, object]:
        case = read_case(
            actor, public_id, view_name="decision.communication_reply.form", for_action=CaseAction.DECIDE
        ).case
        communication = communication_in_case(case, communication_id)
        if communication is None:
            raise Http404
        return {"case": case, "communication": communication}

    return form_page(
        request,
        form=CommunicationReplyForm(request.POST or None, initial={"replied_on": timezone.localdate()}),
        change=lambda data: communication_reply_record(
            actor=actor,
            case_public_id=public_id,
            communication_id=communication_id,
            replied_on=data["replied_on"],
            reply=data["reply"],
        ),
        done=_("Partens svar är registrerat."),
        success_url=case_url(public_id),
        template="decisions/communication_reply.html",
        context=shown,
    )
