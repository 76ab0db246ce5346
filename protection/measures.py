"""Recording the police's acute placement and skyddat boende under lag (2024:79), with their clocks.

A measure the committee decides is recorded with its `decisions.Decision` in one `changing_case`: the
decision's own checks (legal basis, delegation item) and this measure's (the guardian granted too, the
other guardian's consent, the provider's permit) are answered together, and a refusal leaves neither.
The destination of a placement is not entered here: it is a `Destination`, for the staff named for it.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from cases.models import Case
from core.calendar import add_months
from core.errors import Problems
from core.uuids import parse_uuid
from deadlines import rules
from deadlines.models import DeadlineKind
from deadlines.services import deadline_cancel, deadline_meet, deadline_start, deadlines_cancel_in_case, open_deadline
from deadlines.sources import DeadlineSource
from decisions.models import Decision
from decisions.services import DecisionInput, decision_record_in
from delegation.models import DecisionKind
from people.models import Relation, RelationKind
from protection.measure_models import GuardianConsent, PolicePlacement, ShelterPlacement
from protection.provider_models import Provider
from protection.providers import provider_valid_on

GENERAL_LIMIT = 200
# Six or eight digits, then four: a personnummer or samordningsnummer typed into a free-text field.
IDENTITY_LIKE = re.compile(r"(?<!\d)(\d{2})?\d{6}\s?[-+]?\s?\d{4}(?!\d)")
SHELTER_KINDS = (DecisionKind.SHELTER, DecisionKind.SHELTER_APPLICATION, DecisionKind.SHELTER_IMMEDIATE)
# The other guardian does not consent: the committee applies to the court, or cannot wait for it.
WITHOUT_CONSENT = frozenset({DecisionKind.SHELTER_APPLICATION, DecisionKind.SHELTER_IMMEDIATE})
ADULT_AGE = 18


@dataclass(frozen=True)
class PoliceInput:
    placed_at: datetime
    police_unit: str
    where_general: str


@dataclass(frozen=True)
class ShelterInput:
    decision: DecisionInput
    guardian_id: int | None
    guardian_granted_on: date | None
    other_guardian_consent: str
    provider_id: UUID | str | None
    other_guardian_id: int | None = None


def general_text(problems: Problems, field: str, value: str, *, required: str) -> str:
    """A short text said in general terms: no identity number, nothing longer than a line."""
    text = value.strip()
    if not text:
        problems.add(field, required, "required")
    elif len(text) > GENERAL_LIMIT:
        problems.add(field, _("Högst %(n)d tecken.") % {"n": GENERAL_LIMIT}, "too_long")
    elif IDENTITY_LIKE.search(text):
        problems.add(field, _("Skriv inget personnummer här, bara allmänt hållet."), "identity_number")
    return text


def police_placement_record(*, actor: Actor, case_public_id: object, data: PoliceInput) -> PolicePlacement:
    """The police placed the child: the committee's own decision is due "genast" from that moment."""
    view = "protection.police_placement"
    with changing_case(actor, case_public_id, view_name=view, action=CaseAction.PROTECT) as case:
        problems = Problems()
        if data.placed_at > timezone.now():
            problems.add("placed_at", _("Placeringen kan inte ligga i framtiden."), "future")
        unit = general_text(problems, "police_unit", data.police_unit, required=_("Ange vilken polis som placerade."))
        where = general_text(
            problems, "where_general", data.where_general, required=_("Ange allmänt var barnet är placerat.")
        )
        problems.raise_any()
        placement = PolicePlacement.objects.create(
            case=case,
            placed_at=data.placed_at,
            police_unit=unit,
            where_general=where,
            recorded_by=actor.user,
            recorded_at=timezone.now(),
        )
        deadline_start(
            case=case,
            kind=DeadlineKind.POLICE_PLACEMENT_DECISION,
            started_on=rules.received_day(data.placed_at),
            due_on=rules.police_placement_decision_due(data.placed_at),
            subject=_("Polisens akuta placering"),
            source=DeadlineSource.police_placement(placement.pk),
        )
        return placement


def custodians_of(case: Case) -> set[int]:
    """The child's guardians with custody, by person id: those a measure may name as guardians."""
    relations = Relation.objects.filter(child_id=case.child_id, kind=RelationKind.GUARDIAN_WITH_CUSTODY)
    return set(relations.values_list("relative_id", flat=True))


def _check_child(problems: Problems, case: Case, day: date) -> None:
    birth = case.child.birth_date
    if birth is None or day >= add_months(birth, 12 * ADULT_AGE):
        problems.add(
            "kind", _("Skyddat boende enligt lag (2024:79) beviljas bara ett barn under 18 år."), "not_a_child"
        )


def _check_guardians(problems: Problems, case: Case, data: ShelterInput) -> None:
    custodians, day = custodians_of(case), data.decision.decided_on
    if data.guardian_id not in custodians:
        problems.add("guardian", _("Välj den vårdnadshavare som barnet bor med i skyddat boende."), "not_custodian")
    if data.guardian_granted_on is None:
        problems.add(
            "guardian_granted_on",
            _("Barnet får bara placeras i skyddat boende med en vårdnadshavare som också beviljats det. Ange när."),
            "guardian_not_granted",
        )
    elif data.guardian_granted_on > day:
        problems.add(
            "guardian_granted_on", _("Vårdnadshavaren ska ha beviljats skyddat boende senast beslutsdagen."), "late"
        )
    others = custodians - {data.guardian_id}
    if data.other_guardian_consent == GuardianConsent.NO_OTHER:
        if others or data.other_guardian_id is not None:
            problems.add("other_guardian", _("Barnet har en annan vårdnadshavare. Välj hen."), "other_exists")
    elif data.other_guardian_id not in others:
        problems.add("other_guardian", _("Välj barnets andra vårdnadshavare."), "other_missing")


def _check_consent(problems: Problems, data: ShelterInput) -> None:
    consent, kind = data.other_guardian_consent, data.decision.kind
    if consent not in GuardianConsent.values:
        problems.add("other_guardian_consent", _("Ange hur den andra vårdnadshavaren ställer sig."), "consent")
    elif (consent == GuardianConsent.NOT_CONSENTED) != (kind in WITHOUT_CONSENT):
        message = (
            _(
                "Utan den andra vårdnadshavarens samtycke ansöker nämnden hos förvaltningsrätten eller beslutar om "
                "omedelbart skyddat boende."
            )
            if consent == GuardianConsent.NOT_CONSENTED
            else _(
                "Ansökan hos förvaltningsrätten och omedelbart skyddat boende är för när den andra "
                "vårdnadshavaren inte samtycker."
            )
        )
        problems.add("other_guardian_consent", message, "consent_kind")


def _provider(problems: Problems, data: ShelterInput) -> Provider | None:
    key = parse_uuid(data.provider_id) if data.provider_id else None
    provider = Provider.objects.filter(public_id=key).first() if key else None
    if provider is None:
        problems.add("provider", _("Välj utförare ur registret."), "provider")
    elif not provider_valid_on(provider, data.decision.decided_on):
        problems.add(
            "provider",
            _("%(name)s har inget giltigt tillstånd från IVO (eller avtal) på beslutsdagen.") % {"name": provider},
            "provider_not_valid",
        )
    return provider


def _with_measure(problems: Problems, refused: ValidationError) -> ValidationError:
    """The decision's refusal with the measure's own problems beside it, so the form shows them all."""
    if not hasattr(refused, "error_dict"):
        return refused  # about the case itself (closed): nothing else is worth saying first
    merged = dict(refused.error_dict)
    try:
        problems.raise_any()
    except ValidationError as mine:
        for field, errors in mine.error_dict.items():
            merged[field] = [*merged.get(field, []), *errors]
    return ValidationError(merged)


def decided_with(actor: Actor, case: Case, data: DecisionInput, problems: Problems, kinds: tuple[str, ...]) -> Decision:
    """The measure's decision, or every problem of the decision and the measure together (nothing saved:
    the caller's `changing_case` rolls the decision back when the measure is refused)."""
    try:
        decision = decision_record_in(actor=actor, case=case, data=data, kinds=kinds)
    except ValidationError as exc:
        raise _with_measure(problems, exc) from None
    problems.raise_any()
    return decision


def shelter_record(*, actor: Actor, case_public_id: object, data: ShelterInput) -> ShelterPlacement:
    """Skyddat boende for the child, with the guardian granted it too: the decision starts its clocks."""
    with changing_case(actor, case_public_id, view_name="protection.shelter", action=CaseAction.DECIDE) as case:
        problems = Problems()
        _check_child(problems, case, data.decision.decided_on)
        _check_guardians(problems, case, data)
        _check_consent(problems, data)
        provider = _provider(problems, data)
        decision = decided_with(actor, case, data.decision, problems, SHELTER_KINDS)
        assert provider is not None and data.guardian_id is not None and data.guardian_granted_on is not None
        return ShelterPlacement.objects.create(
            case=case,
            decision=decision,
            guardian_id=data.guardian_id,
            guardian_granted_on=data.guardian_granted_on,
            other_guardian_id=data.other_guardian_id,
            other_guardian_consent=data.other_guardian_consent,
            provider=provider,
            recorded_by=actor.user,
            recorded_at=timezone.now(),
        )


def _live_shelter(case: Case, shelter_id: UUID | str) -> ShelterPlacement:
    key = parse_uuid(shelter_id)
    found = (
        ShelterPlacement.objects.select_for_update().select_related("decision").filter(case=case, public_id=key).first()
        if key
        else None
    )
    if found is None:
        raise ValidationError(_("Det skyddade boendet finns inte i detta ärende."), code="not_in_case")
    if found.ended_on is not None:
        raise ValidationError(_("Det skyddade boendet är redan avslutat."), code="already_ended")
    return found


def day_between(field: str, day: date, first: date) -> None:
    """A day a measure's later step was taken: not before its decision, not after today."""
    if not (first <= day <= timezone.localdate()):
        raise ValidationError({field: _("Datumet ska ligga mellan beslutsdagen och i dag.")})


def shelter_court_referral(
    *, actor: Actor, case_public_id: object, shelter_id: UUID | str, referred_on: date
) -> ShelterPlacement:
    """The immediate skyddat boende has been referred to the administrative court: its week is met."""
    view = "protection.shelter_referral"
    with changing_case(actor, case_public_id, view_name=view, action=CaseAction.DECIDE) as case:
        shelter = _live_shelter(case, shelter_id)
        if shelter.decision.kind != DecisionKind.SHELTER_IMMEDIATE:
            raise ValidationError(_("Bara ett omedelbart skyddat boende underställs rätten."), code="not_immediate")
        if shelter.court_referred_on is not None:
            raise ValidationError(_("Beslutet är redan underställt."), code="already_referred")
        day_between("referred_on", referred_on, shelter.decision.decided_on)
        shelter.court_referred_on = referred_on
        shelter.save(update_fields=["court_referred_on"])
        deadline_meet(source=DeadlineSource.decision(shelter.decision.pk), kind=DeadlineKind.SHELTER_COURT_REFERRAL)
        return shelter


@dataclass(frozen=True)
class ConfirmationInput:
    confirmed_on: date  # the day the administrative court confirmed the immediate insats
    placed_on: date  # the day the placement began


def shelter_court_confirmation(
    *, actor: Actor, case_public_id: object, shelter_id: UUID | str, data: ConfirmationInput
) -> ShelterPlacement:
    """The court has confirmed the immediate skyddat boende: the application is due within six weeks of the
    day the placement began (4 kap. 6 § lag 2024:79), so the clock that ran from the decision day as the
    earliest it could be is replaced by the law's own. An application already made needs no clock."""
    view = "protection.shelter_confirmation"
    with changing_case(actor, case_public_id, view_name=view, action=CaseAction.DECIDE) as case:
        shelter = _live_shelter(case, shelter_id)
        if shelter.decision.kind != DecisionKind.SHELTER_IMMEDIATE:
            raise ValidationError(_("Bara ett omedelbart skyddat boende fastställs av rätten."), code="not_immediate")
        if shelter.court_referred_on is None:
            raise ValidationError(_("Registrera först att beslutet har underställts rätten."), code="not_referred")
        if shelter.court_confirmed_on is not None:
            raise ValidationError(_("Att rätten fastställt beslutet är redan registrerat."), code="already_confirmed")
        problems = Problems()
        today, decided = timezone.localdate(), shelter.decision.decided_on
        if not (shelter.court_referred_on <= data.confirmed_on <= today):
            problems.add("confirmed_on", _("Datumet ska ligga mellan underställningen och i dag."), "day")
        if not (decided <= data.placed_on <= today):
            problems.add("placed_on", _("Placeringen kan inte ha börjat före beslutet eller efter i dag."), "day")
        problems.raise_any()
        shelter.court_confirmed_on, shelter.placed_on = data.confirmed_on, data.placed_on
        shelter.save(update_fields=["court_confirmed_on", "placed_on"])
        _application_from_placement(shelter)
        return shelter


def _application_from_placement(shelter: ShelterPlacement) -> None:
    source = DeadlineSource.decision(shelter.decision.pk)
    if open_deadline(source, DeadlineKind.SHELTER_APPLICATION) is None:
        return  # applied for already (met), or the insats has ended (cancelled)
    assert shelter.placed_on is not None  # set by the caller
    reason = _("Rätten har fastställt beslutet: fristen räknas från den dag placeringen påbörjades.")
    deadline_cancel(source=source, kind=DeadlineKind.SHELTER_APPLICATION, reason=reason)
    deadline_start(
        case=shelter.case,
        kind=DeadlineKind.SHELTER_APPLICATION,
        started_on=shelter.placed_on,
        due_on=rules.shelter_application_due(shelter.placed_on),
        subject=shelter.decision.get_kind_display(),
        source=source,
    )


def shelter_end(*, actor: Actor, case_public_id: object, shelter_id: UUID | str, ended_on: date) -> ShelterPlacement:
    """The skyddat boende has ended: with none left in the case, no review of one is due any more."""
    with changing_case(actor, case_public_id, view_name="protection.shelter_end", action=CaseAction.DECIDE) as case:
        shelter = _live_shelter(case, shelter_id)
        day_between("ended_on", ended_on, shelter.decision.decided_on)
        shelter.ended_on = ended_on
        shelter.save(update_fields=["ended_on"])
        if not ShelterPlacement.objects.filter(case=case, ended_on__isnull=True).exists():
            reason = _("Det skyddade boendet har avslutats.")
            for kind in (
                DeadlineKind.SHELTER_REVIEW,
                DeadlineKind.SHELTER_COURT_REFERRAL,
                DeadlineKind.SHELTER_APPLICATION,
            ):
                deadlines_cancel_in_case(case=case, kind=kind, reason=reason)
        return shelter


def shelter_review(*, actor: Actor, case_public_id: object, shelter_id: UUID | str, data: DecisionInput) -> Decision:
    """The six-monthly consideration (5 kap. lag 2024:79): its decision meets the review and starts the next."""
    with changing_case(actor, case_public_id, view_name="protection.shelter_review", action=CaseAction.DECIDE) as case:
        _live_shelter(case, shelter_id)
        return decided_with(actor, case, data, Problems(), (DecisionKind.SHELTER_REVIEW,))
