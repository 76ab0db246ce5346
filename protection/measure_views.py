"""The protective measures' screens: the police's placement, skyddat boende, LVU 14 § and skyddad
folkbokföring. Each goes back to the case's protection page; none shows or takes a destination."""

from collections.abc import Callable, Iterable
from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import CaseRead, read_case
from decisions.services import DecisionInput, legal_bases_for
from delegation.models import DecisionKind
from delegation.order import delegation_items_for
from protection import measure_secrecy as secrecy
from protection import measures
from protection.measure_forms import (
    Choices,
    ConfirmationForm,
    DayForm,
    DecisionFieldsForm,
    OutcomeForm,
    PoliceForm,
    SecretForm,
    ShelterForm,
    offer,
)
from protection.measure_selectors import custodian_choices, registration_in_case, secret_in_case, shelter_in_case
from protection.provider_selectors import provider_choices
from web.http import StaffRequest, form_page

Extra = Callable[[CaseRead], dict[str, object]]


def protection_url(public_id: object) -> str:
    return reverse("protection:page", args=[public_id])


def _measure_form(
    request: StaffRequest,
    public_id: UUID,
    *,
    form: Form,
    change: Callable[[Actor, dict[str, Any]], object],
    done: str,
    template: str,
    view_name: str,
    action: CaseAction = CaseAction.DECIDE,
    extra: Extra | None = None,
) -> HttpResponse:
    """A measure's form in a case: shown after the case is read for `action`, changed by the service."""
    actor = Actor.from_request(request)

    def shown() -> dict[str, object]:
        read = read_case(actor, public_id, view_name=view_name, for_action=action)
        return {"case": read.case, **(extra(read) if extra else {})}

    return form_page(
        request,
        form=form,
        change=lambda data: change(actor, data),
        done=done,
        success_url=lambda _made: protection_url(public_id),
        template=template,
        context=shown,
    )


def _decision_choices(actor: Actor, kinds: Iterable[str]) -> dict[str, Choices]:
    """The legal bases and delegation items in force today for the measure's kinds, each named for its kind
    when there are several; the service checks the chosen pair against the kind on the decision day."""
    day, kinds = timezone.localdate(), list(kinds)

    def named(kind: str, text: str) -> str:
        return f"{DecisionKind(kind).label}: {text}" if len(kinds) > 1 else text

    bases = [(b.pk, named(k, f"{b.provision} {b.law} – {b.title}")) for k in kinds for b in legal_bases_for(k, day)]
    items = [
        (d.pk, named(k, f"{d.code} {d.delegate}"))
        for k in kinds
        for d in delegation_items_for(k, day, signer_role=actor.role)
    ]
    return {"bases": bases, "items": items}


def decision_input(kind: str, data: dict[str, Any]) -> DecisionInput:
    return DecisionInput(
        kind=kind,
        legal_basis_id=data["legal_basis"],
        delegation_id=data["delegation"],
        decided_by_name=data["decided_by_name"],
        decided_on=data["decided_on"],
        reasons=data["reasons"],
        appeal_information=data["appeal_information"],
    )


def _posted_ints(request: StaffRequest, name: str) -> Choices:
    """What a POST may name before the case is read: the choices only bound what may be posted, and the
    service checks that each one is the child's guardian inside its own need-to-know check."""
    return [(int(v), v) for v in request.POST.getlist(name) if v.isdigit()]


def _guardians(request: StaffRequest, *names: str) -> Choices:
    return [choice for name in names for choice in _posted_ints(request, name)]


def _offer_guardians(form: Form, actor: Actor, view_name: str, *names: str) -> Extra:
    """Once the case is read: the guardians the reader may see, logged, offered on the named fields."""

    def extra(read: CaseRead) -> dict[str, object]:
        choices = custodian_choices(actor, read, view_name=f"{view_name}.guardians")
        for name in names:
            offer(form, name, choices)
        return {}

    return extra


@require_http_methods(["GET", "POST"])
@login_required
def police_new(request: StaffRequest, public_id: UUID) -> HttpResponse:
    return _measure_form(
        request,
        public_id,
        form=PoliceForm(request.POST or None),
        change=lambda actor, data: measures.police_placement_record(
            actor=actor, case_public_id=public_id, data=measures.PoliceInput(**data)
        ),
        done=_("Polisens placering är registrerad. Nämndens eget beslut ska fattas genast."),
        template="protection/measure_police.html",
        view_name="protection.police_placement.form",
        action=CaseAction.PROTECT,
    )


@require_http_methods(["GET", "POST"])
@login_required
def shelter_new(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    form = ShelterForm(
        request.POST or None,
        initial={"decided_on": timezone.localdate()},
        guardians=_guardians(request, "guardian", "other_guardian"),
        providers=provider_choices(),
        **_decision_choices(actor, measures.SHELTER_KINDS),
    )

    def change(actor: Actor, data: dict[str, Any]) -> object:
        shelter = measures.ShelterInput(
            decision=decision_input(data["kind"], data),
            guardian_id=data["guardian"],
            guardian_granted_on=data["guardian_granted_on"],
            other_guardian_id=data["other_guardian"],
            other_guardian_consent=data["other_guardian_consent"],
            provider_id=data["provider"],
        )
        return measures.shelter_record(actor=actor, case_public_id=public_id, data=shelter)

    view_name = "protection.shelter.form"
    return _measure_form(
        request,
        public_id,
        form=form,
        change=change,
        done=_("Beslutet om skyddat boende är registrerat och dess tider löper."),
        template="protection/measure_shelter.html",
        view_name=view_name,
        extra=_offer_guardians(form, actor, view_name, "guardian", "other_guardian"),
    )


def _shelter(shelter_id: UUID) -> Extra:
    """The shelter placement a form is about, by its decision (the page says which decision it is)."""
    return lambda read: {"decision": shelter_in_case(read.case, shelter_id).decision}


def _secret(secret_id: UUID) -> Extra:
    return lambda read: {"decision": secret_in_case(read.case, secret_id).decision}


def _day_page(
    request: StaffRequest,
    public_id: UUID,
    *,
    label: str,
    change: Callable[[Actor, Any], object],
    done: str,
    view_name: str,
    extra: Extra,
    heading: str,
) -> HttpResponse:
    return _measure_form(
        request,
        public_id,
        form=DayForm(request.POST or None, initial={"day": timezone.localdate()}, label=label),
        change=lambda actor, data: change(actor, data["day"]),
        done=done,
        template="protection/measure_day.html",
        view_name=view_name,
        extra=lambda read: {**extra(read), "heading": heading},
    )


@require_http_methods(["GET", "POST"])
@login_required
def shelter_referral(request: StaffRequest, public_id: UUID, shelter_id: UUID) -> HttpResponse:
    return _day_page(
        request,
        public_id,
        label=_("Underställt förvaltningsrätten"),
        change=lambda actor, day: measures.shelter_court_referral(
            actor=actor, case_public_id=public_id, shelter_id=shelter_id, referred_on=day
        ),
        done=_("Underställningen till förvaltningsrätten är registrerad."),
        view_name="protection.shelter_referral.form",
        extra=_shelter(shelter_id),
        heading=_("Underställ omedelbart skyddat boende"),
    )


@require_http_methods(["GET", "POST"])
@login_required
def shelter_confirmation(request: StaffRequest, public_id: UUID, shelter_id: UUID) -> HttpResponse:
    today = timezone.localdate()
    return _measure_form(
        request,
        public_id,
        form=ConfirmationForm(request.POST or None, initial={"confirmed_on": today}),
        change=lambda actor, data: measures.shelter_court_confirmation(
            actor=actor, case_public_id=public_id, shelter_id=shelter_id, data=measures.ConfirmationInput(**data)
        ),
        done=_("Att rätten fastställt beslutet är registrerat. Ansökningstiden räknas från placeringens första dag."),
        template="protection/measure_day.html",
        view_name="protection.shelter_confirmation.form",
        extra=lambda read: {**_shelter(shelter_id)(read), "heading": _("Rätten har fastställt beslutet")},
    )


@require_http_methods(["GET", "POST"])
@login_required
def shelter_end(request: StaffRequest, public_id: UUID, shelter_id: UUID) -> HttpResponse:
    return _day_page(
        request,
        public_id,
        label=_("Avslutat"),
        change=lambda actor, day: measures.shelter_end(
            actor=actor, case_public_id=public_id, shelter_id=shelter_id, ended_on=day
        ),
        done=_("Att det skyddade boendet har avslutats är registrerat."),
        view_name="protection.shelter_end.form",
        extra=_shelter(shelter_id),
        heading=_("Avsluta skyddat boende"),
    )


def _review_page(
    request: StaffRequest,
    public_id: UUID,
    *,
    kind: str,
    change: Callable[[Actor, DecisionInput], object],
    view_name: str,
    extra: Extra,
) -> HttpResponse:
    actor = Actor.from_request(request)
    return _measure_form(
        request,
        public_id,
        form=DecisionFieldsForm(
            request.POST or None, initial={"decided_on": timezone.localdate()}, **_decision_choices(actor, [kind])
        ),
        change=lambda actor, data: change(actor, decision_input(kind, data)),
        done=_("Övervägandet är registrerat och nästa övervägande ska göras i tid."),
        template="protection/measure_review.html",
        view_name=view_name,
        extra=lambda read: {**extra(read), "kind_label": DecisionKind(kind).label},
    )


@require_http_methods(["GET", "POST"])
@login_required
def shelter_review(request: StaffRequest, public_id: UUID, shelter_id: UUID) -> HttpResponse:
    return _review_page(
        request,
        public_id,
        kind=DecisionKind.SHELTER_REVIEW,
        change=lambda actor, data: measures.shelter_review(
            actor=actor, case_public_id=public_id, shelter_id=shelter_id, data=data
        ),
        view_name="protection.shelter_review.form",
        extra=_shelter(shelter_id),
    )


@require_http_methods(["GET", "POST"])
@login_required
def secret_new(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    kind = DecisionKind.LVU_SECRET_WHEREABOUTS
    form = SecretForm(
        request.POST or None,
        initial={"decided_on": timezone.localdate()},
        guardians=_guardians(request, "hidden_from"),
        **_decision_choices(actor, [kind]),
    )
    view_name = "protection.secret_whereabouts.form"
    return _measure_form(
        request,
        public_id,
        form=form,
        change=lambda actor, data: secrecy.secret_record(
            actor=actor,
            case_public_id=public_id,
            data=secrecy.SecretInput(decision=decision_input(kind, data), hidden_from_ids=data["hidden_from"]),
        ),
        done=_("Beslutet om hemlig vistelseort är registrerat. Det ska övervägas var tredje månad."),
        template="protection/measure_secret.html",
        view_name=view_name,
        extra=_offer_guardians(form, actor, view_name, "hidden_from"),
    )


@require_http_methods(["GET", "POST"])
@login_required
def secret_review(request: StaffRequest, public_id: UUID, secret_id: UUID) -> HttpResponse:
    return _review_page(
        request,
        public_id,
        kind=DecisionKind.LVU_SECRET_REVIEW,
        change=lambda actor, data: secrecy.secret_review(
            actor=actor, case_public_id=public_id, secret_id=secret_id, data=data
        ),
        view_name="protection.secret_review.form",
        extra=_secret(secret_id),
    )


@require_http_methods(["GET", "POST"])
@login_required
def secret_end(request: StaffRequest, public_id: UUID, secret_id: UUID) -> HttpResponse:
    return _day_page(
        request,
        public_id,
        label=_("Upphört"),
        change=lambda actor, day: secrecy.secret_end(
            actor=actor, case_public_id=public_id, secret_id=secret_id, ended_on=day
        ),
        done=_("Att vistelseorten inte längre är hemlig är registrerat."),
        view_name="protection.secret_end.form",
        extra=_secret(secret_id),
        heading=_("Hemlig vistelseort upphör"),
    )


@require_http_methods(["GET", "POST"])
@login_required
def registration_new(request: StaffRequest, public_id: UUID, secret_id: UUID) -> HttpResponse:
    return _day_page(
        request,
        public_id,
        label=_("Ansökan skickad till Skatteverket"),
        change=lambda actor, day: secrecy.registration_apply(
            actor=actor, case_public_id=public_id, secret_id=secret_id, applied_on=day
        ),
        done=_("Ansökan om skyddad folkbokföring är registrerad."),
        view_name="protection.registration.form",
        extra=_secret(secret_id),
        heading=_("Ansökan om skyddad folkbokföring"),
    )


@require_http_methods(["GET", "POST"])
@login_required
def registration_outcome(request: StaffRequest, public_id: UUID, registration_id: UUID) -> HttpResponse:
    return _measure_form(
        request,
        public_id,
        form=OutcomeForm(request.POST or None, initial={"outcome_on": timezone.localdate()}),
        change=lambda actor, data: secrecy.registration_outcome(
            actor=actor, case_public_id=public_id, registration_id=registration_id, **data
        ),
        done=_("Utfallet av ansökan om skyddad folkbokföring är registrerat."),
        template="protection/measure_outcome.html",
        view_name="protection.registration_outcome.form",
        extra=lambda read: {"registration": registration_in_case(read.case, registration_id)},
    )
