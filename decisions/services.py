"""Recording decisions. LVU decisions start their clocks the moment they are recorded (R1.8, R1.9)."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from cases.models import Case, CaseStatus
from core.errors import field_error
from core.fields import TEXT_LIMIT
from core.models import Appeal, LegalBasis
from deadlines import rules
from deadlines.models import Deadline, DeadlineKind
from deadlines.services import deadline_extend, deadline_meet, deadline_start, deadlines_meet_in_case
from deadlines.sources import DeadlineSource
from decisions.communication import COMMUNICATED_KINDS, communication_error
from decisions.models import APPEALABLE, IN_FAVOUR, NOT_APPEALABLE, REFERRED, Decision, DecisionOutcome
from delegation.models import DecisionKind, DelegationItem
from delegation.order import delegation_item_check, in_force
from intake.detentions import remanded_on
from investigations.models import Investigation
from investigations.services import investigation_deadline

# The provisions (core.LegalBasis.key) each kind of decision may rest on. Every kind has its own:
# a committee decision never rests on 2 § or 3 § LVU, which the court applies (4 § LVU).
LEGAL_KEYS: dict[str, tuple[str, ...]] = {
    DecisionKind.OPEN_INVESTIGATION: ("investigation-open",),
    DecisionKind.NOT_OPEN_INVESTIGATION: ("preliminary-assessment",),
    DecisionKind.EXTEND_INVESTIGATION: ("investigation-time-limit",),
    DecisionKind.LVU_IMMEDIATE_CUSTODY: ("lvu-immediate-custody",),
    DecisionKind.LVU_CARE_APPLICATION: ("lvu-application",),
    DecisionKind.LVU_CARE_STARTED: ("lvu-care-placement",),
    DecisionKind.LVU_REVIEW: ("lvu-review",),
    DecisionKind.LVU_RECONSIDER: ("lvu-reconsider",),
    DecisionKind.SUPPORT: ("support-personal-needs", "support-beyond-right", "support-no-needs-assessment"),
}
# The protective measures: recorded by `protection`, which asks what the law asks beside the decision
# (who else is granted skyddat boende, the other guardian's consent, the provider).
PROTECTION_LEGAL_KEYS: dict[str, tuple[str, ...]] = {
    DecisionKind.SHELTER: ("shelter",),
    DecisionKind.SHELTER_APPLICATION: ("shelter-application",),
    DecisionKind.SHELTER_IMMEDIATE: ("shelter-immediate",),
    DecisionKind.SHELTER_REVIEW: ("shelter-review",),
    DecisionKind.LVU_SECRET_WHEREABOUTS: ("lvu-secret-whereabouts",),
    DecisionKind.LVU_SECRET_REVIEW: ("lvu-secret-review",),
}
# The kinds the case's decision form offers (`OTHER` only names decisions recorded before).
OFFERED_KINDS = tuple(LEGAL_KEYS)
PROTECTION_KINDS = tuple(PROTECTION_LEGAL_KEYS)
ALL_LEGAL_KEYS = LEGAL_KEYS | PROTECTION_LEGAL_KEYS
REVIEW_KINDS = frozenset({DecisionKind.LVU_REVIEW, DecisionKind.LVU_RECONSIDER})


@dataclass(frozen=True)
class DecisionInput:
    kind: str
    legal_basis_id: int | None
    delegation_id: int | None
    decided_by_name: str
    decided_on: date
    reasons: str
    executed_on: date | None = None
    appeal_information: str = ""
    investigation_id: UUID | str | None = None
    new_due_on: date | None = None  # extensions only
    corrects_id: UUID | str | None = None
    communication: str = ""  # a CommunicationStep, for the kinds that go to a party
    outcome: str = ""  # a DecisionOutcome, for an insats


def legal_bases_for(kind: str, day: date) -> list[LegalBasis]:
    """What a decision of `kind` taken on `day` may rest on: the choices a form offers."""
    return list(LegalBasis.objects.filter(in_force(day), key__in=ALL_LEGAL_KEYS.get(kind, ())))


def _check(
    data: DecisionInput, case: Case, signer_role: str, kinds: tuple[str, ...]
) -> tuple[LegalBasis, DelegationItem, str]:
    errors: dict[str, str | ValidationError] = {}
    communication = communication_error(case, data.kind, data.communication, data.decided_on)
    if communication:
        errors["communication"] = communication
    delegation: DelegationItem | None = None
    if data.kind not in kinds:
        errors["kind"] = _("Välj beslutstyp.")
    elif data.decided_on > timezone.localdate():
        errors["decided_on"] = _("Beslutsdatum kan inte ligga i framtiden.")
    else:
        if data.legal_basis_id not in {b.pk for b in legal_bases_for(data.kind, data.decided_on)}:
            errors["legal_basis"] = _("Välj ett lagrum som gäller för beslutstypen på beslutsdagen.")
        try:
            delegation = delegation_item_check(
                data.delegation_id, kind=data.kind, day=data.decided_on, signer_role=signer_role
            )
        except ValidationError as exc:
            errors["delegation"] = exc
    reasons = data.reasons.strip()
    if not reasons:
        errors["reasons"] = _("Skriv skälen för beslutet.")
    elif len(reasons) > TEXT_LIMIT:
        errors["reasons"] = _("Högst %(n)d tecken.") % {"n": TEXT_LIMIT}
    if not data.decided_by_name.strip():
        errors["decided_by_name"] = _("Ange vem som fattade beslutet.")
    if data.kind == DecisionKind.SUPPORT and data.outcome not in DecisionOutcome.values:
        errors["outcome"] = _("Välj om insatsen beviljas helt, delvis eller avslås.")
    if data.executed_on is not None and data.executed_on < data.decided_on:
        errors["executed_on"] = _("Verkställigheten kan inte ligga före beslutet.")
    if data.kind == DecisionKind.LVU_CARE_STARTED and data.executed_on is None:
        errors["executed_on"] = _("Ange när vården började verkställas.")
    if (
        data.kind == DecisionKind.LVU_IMMEDIATE_CUSTODY
        and data.executed_on is not None
        and remanded_on(case, data.executed_on)
    ):
        errors["executed_on"] = _(
            "Barnet är registrerat som häktat den dagen. Ett beslut om omedelbart omhändertagande får inte "
            "verkställas när den unge är häktad (9 § andra stycket LVU)."
        )
    if errors:
        raise ValidationError(errors)
    assert delegation is not None  # checked above whenever there is no error
    basis = LegalBasis.objects.get(pk=data.legal_basis_id or 0)
    return basis, delegation, reasons


def decision_record(*, actor: Actor, case_public_id: object, data: DecisionInput) -> Decision:
    with changing_case(actor, case_public_id, view_name="decision.record", action=CaseAction.DECIDE) as case:
        return decision_record_in(actor=actor, case=case, data=data, kinds=OFFERED_KINDS)


def decision_record_in(*, actor: Actor, case: Case, data: DecisionInput, kinds: tuple[str, ...]) -> Decision:
    """The decision, its checks and its clocks, in a case the caller has opened with `changing_case`
    for `CaseAction.DECIDE`: `protection` records a measure and its decision in one transaction."""
    basis, delegation, reasons = _check(data, case, actor.role, kinds)
    if case.status != CaseStatus.OPEN:
        raise ValidationError(_("Ärendet är avslutat. Öppna det igen först."), code="case_closed")
    investigation = _investigation(case, data)
    corrects = Decision.objects.filter(case=case, public_id=data.corrects_id).first() if data.corrects_id else None
    if data.corrects_id and corrects is None:
        raise ValidationError(_("Beslutet som ska rättas finns inte i ärendet."), code="corrects_missing")
    outcome = data.outcome if data.kind == DecisionKind.SUPPORT else None
    decision = Decision.objects.create(
        case=case,
        kind=data.kind,
        legal_basis=basis,
        delegation=delegation,
        decided_by_name=data.decided_by_name.strip()[:200],
        decided_on=data.decided_on,
        executed_on=data.executed_on,
        reasons=reasons,
        appeal_information=(data.appeal_information.strip() or appeal_text(basis, outcome))[:2000],
        investigation=investigation,
        corrects=corrects,
        signed_by=actor.user,
        signed_at=timezone.now(),
        communication=data.communication if data.kind in COMMUNICATED_KINDS else None,
        outcome=outcome,
    )
    _clocks(decision, case, data)
    return decision


def appeal_text(basis: LegalBasis, outcome: str | None = None) -> str:
    """What the decision says about appeal (FL 33 § via 14 kap. 10 § SoL), from its legal basis and,
    for an insats, whether it goes against the person (42 § FL)."""
    if basis.appeal == Appeal.COURT and outcome == DecisionOutcome.GRANTED:
        return str(IN_FAVOUR)
    if basis.appeal == Appeal.COURT:
        return str(APPEALABLE) % {"provision": basis.appeal_provision}
    if basis.appeal == Appeal.REFERRED:
        return str(REFERRED) % {"provision": basis.appeal_provision}
    return str(NOT_APPEALABLE) % {"provision": basis.appeal_provision or basis}


def _investigation(case: Case, data: DecisionInput) -> Investigation | None:
    if data.kind != DecisionKind.EXTEND_INVESTIGATION:
        return None
    open_ones = case.investigations.filter(completed_on__isnull=True)
    investigation = open_ones.filter(public_id=data.investigation_id).first() if data.investigation_id else None
    if investigation is None:
        raise ValidationError(_("Välj en pågående utredning att förlänga."), code="no_investigation")
    return investigation


def _source(decision: Decision) -> DeadlineSource:
    return DeadlineSource.decision(decision.pk)


def _clocks(decision: Decision, case: Case, data: DecisionInput) -> None:
    kind = decision.kind
    if kind == DecisionKind.EXTEND_INVESTIGATION:
        assert decision.investigation is not None
        if data.new_due_on is None:
            raise field_error("new_due_on", _("Ange det nya slutdatumet."), "new_due_on")
        deadline_extend(
            deadline=investigation_deadline(decision.investigation),
            new_due_on=data.new_due_on,
            reason=decision.reasons,
            decided_by=decision.signed_by,
        )
    elif kind == DecisionKind.LVU_IMMEDIATE_CUSTODY:
        _start(
            decision,
            DeadlineKind.LVU_COURT_REFERRAL,
            decision.decided_on,
            rules.lvu_court_referral_due(decision.decided_on),
        )
        executed = decision.executed_on or decision.decided_on
        _start(decision, DeadlineKind.LVU_CARE_APPLICATION, executed, rules.lvu_care_application_due(executed))
    elif kind == DecisionKind.LVU_CARE_APPLICATION:
        deadlines_meet_in_case(case=case, kind=DeadlineKind.LVU_CARE_APPLICATION)
    elif kind == DecisionKind.LVU_CARE_STARTED:
        assert decision.executed_on is not None
        _start(decision, DeadlineKind.LVU_REVIEW, decision.executed_on, rules.lvu_review_due(decision.executed_on))
    elif kind in REVIEW_KINDS:
        deadlines_meet_in_case(case=case, kind=DeadlineKind.LVU_REVIEW)
        _start(decision, DeadlineKind.LVU_REVIEW, decision.decided_on, rules.lvu_review_due(decision.decided_on))
    else:
        _protection_clocks(decision, case)


def _protection_clocks(decision: Decision, case: Case) -> None:
    """Lag (2024:79) and 14 § LVU: each clock starts the moment its decision is recorded."""
    kind, day = decision.kind, decision.decided_on
    if kind in {DecisionKind.SHELTER, DecisionKind.SHELTER_IMMEDIATE, DecisionKind.SHELTER_APPLICATION}:
        deadlines_meet_in_case(case=case, kind=DeadlineKind.POLICE_PLACEMENT_DECISION)
    if kind == DecisionKind.SHELTER_IMMEDIATE:
        _start(decision, DeadlineKind.SHELTER_COURT_REFERRAL, day, rules.shelter_court_referral_due(day))
        _start(decision, DeadlineKind.SHELTER_APPLICATION, day, rules.shelter_application_due(day))
    elif kind == DecisionKind.SHELTER_APPLICATION:
        deadlines_meet_in_case(case=case, kind=DeadlineKind.SHELTER_APPLICATION)
    if kind in {DecisionKind.SHELTER, DecisionKind.SHELTER_IMMEDIATE, DecisionKind.SHELTER_REVIEW}:
        deadlines_meet_in_case(case=case, kind=DeadlineKind.SHELTER_REVIEW)
        _start(decision, DeadlineKind.SHELTER_REVIEW, day, rules.shelter_review_due(day))
    elif kind in {DecisionKind.LVU_SECRET_WHEREABOUTS, DecisionKind.LVU_SECRET_REVIEW}:
        deadlines_meet_in_case(case=case, kind=DeadlineKind.LVU_SECRET_REVIEW)
        _start(decision, DeadlineKind.LVU_SECRET_REVIEW, day, rules.lvu_secret_review_due(day))


def _start(decision: Decision, kind: DeadlineKind, started_on: date, due_on: date) -> Deadline:
    return deadline_start(
        case=decision.case,
        kind=kind,
        started_on=started_on,
        due_on=due_on,
        subject=decision.get_kind_display(),
        source=_source(decision),
    )


def court_referral_record(*, actor: Actor, case_public_id: object, decision_id: UUID | str) -> Decision:
    """The immediate-custody decision has been sent to the administrative court (7 § LVU)."""
    with changing_case(actor, case_public_id, view_name="decision.court_referral", action=CaseAction.DECIDE) as case:
        decision = Decision.objects.filter(
            case=case, public_id=decision_id, kind=DecisionKind.LVU_IMMEDIATE_CUSTODY
        ).first()
        if decision is None:
            raise ValidationError(_("Beslutet finns inte i detta ärende."), code="not_in_case")
        if deadline_meet(source=_source(decision), kind=DeadlineKind.LVU_COURT_REFERRAL) is None:
            raise ValidationError(_("Beslutet är redan underställt."), code="already_referred")
    return decision
