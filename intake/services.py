"""Registering signals and recording the protection assessment and the preliminary assessment.

Need-to-know holds at registration too: the person is found by identity number without showing the
registering user anything, and when the child is not theirs to see (another team's case, or a
protected identity they are not named for) the signal is handed to the responsible team and the
receipt is the same whichever of the two it was.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from access import routing
from access import selectors as access
from access.actor import Actor
from access.log import write_access_events
from access.models import AccessAction
from access.permissions import CaseAction
from access.reads import changing_case
from accounts.models import RESPONSIBLE_ROLES, Team, User
from cases.models import Case
from cases.services import case_open
from core.errors import field_error
from core.fields import TEXT_LIMIT
from core.identity import IdentityNumber, parse_entered_identity_number
from core.legal import legal_basis_for
from deadlines import rules
from deadlines.models import Deadline, DeadlineKind, NoticeKind
from deadlines.notices import case_workers_to_tell, notify, unit_managers
from deadlines.services import deadline_cancel, deadline_extend, deadline_meet, deadline_start
from deadlines.sources import DeadlineSource
from delegation.order import delegation_item_check
from intake.models import (
    DELEGATION_KINDS,
    PreliminaryAssessment,
    PreliminaryDecision,
    ProtectionAssessment,
    ProtectionOutcome,
    ReporterType,
    Signal,
    SignalKind,
)
from investigations.models import Investigation
from investigations.services import investigation_open
from people.models import Person
from people.services import person_create

# Clocks on the registering user's machine and the server differ by a little; more is an error.
CLOCK_SKEW = timedelta(minutes=5)


@dataclass(frozen=True)
class SignalInput:
    kind: str
    received_at: datetime
    reporter_type: str
    content: str
    identity_number: str = ""
    given_name: str = ""
    family_name: str = ""
    birth_date: date | None = None
    reporter_organisation: str = ""
    reporter_name: str = ""
    reporter_contact: str = ""
    feedback_requested: bool = False
    # The user has seen the likely duplicates and says this is another child.
    not_a_duplicate: bool = False


@dataclass(frozen=True)
class SignalReceipt:
    signal_id: int
    received_at: datetime
    protection_due_on: date
    # None when the case is not the registering user's to see: the receipt then says no more.
    case_public_id: str | None


def _text(value: str, field: str, *, required: bool = False, limit: int = TEXT_LIMIT) -> str:
    value = value.strip()
    if required and not value:
        raise field_error(field, _("Fältet måste fyllas i."), "required")
    if len(value) > limit:
        raise field_error(field, _("Högst %(n)d tecken.") % {"n": limit}, "max_length")
    return value


def _adult_on(birth: date, day: date) -> bool:
    try:
        eighteenth = birth.replace(year=birth.year + 18)
    except ValueError:  # born on 29 February: of age on 1 March
        eighteenth = date(birth.year + 18, 3, 1)
    return day >= eighteenth


def _checks(data: SignalInput, birth: date | None, *, number_refused: bool) -> dict[str, ValidationError]:
    """Every check of the input at once, by field (so the form can show them all in one go).

    The child's age comes from what was typed (the number or the birth date), never from a record,
    so a refusal says nothing about whether Utväg knows the person.
    """
    errors: dict[str, ValidationError] = {}
    if data.kind not in SignalKind.values:
        errors["kind"] = ValidationError(_("Välj hur ärendet aktualiserades."), code="kind")
    if data.reporter_type not in ReporterType.values:
        errors["reporter_type"] = ValidationError(_("Välj typ av anmälare."), code="reporter_type")
    received = rules.received_day(data.received_at)
    if data.received_at > timezone.now() + CLOCK_SKEW:
        errors["received_at"] = ValidationError(_("Tidpunkten kan inte ligga i framtiden."), code="future")
    elif birth is not None and received < birth:
        errors["received_at"] = ValidationError(_("Tidpunkten ligger före barnets födelse."), code="before_birth")
    if birth is None and not number_refused:
        errors["birth_date"] = ValidationError(
            _("Ange barnets personnummer eller födelsedatum. Är datumet inte känt, ange ett uppskattat."),
            code="birth_unknown",
        )
    elif birth is not None and _adult_on(birth, received):
        errors["identity_number" if data.identity_number.strip() else "birth_date"] = ValidationError(
            _(
                "En aktualisering gäller ett barn: personen hade fyllt 18 år när uppgiften kom in. "
                "Uppgifter om vuxna registreras inte här."
            ),
            code="not_a_child",
        )
    if data.reporter_type == ReporterType.ANONYMOUS and (data.reporter_name.strip() or data.reporter_contact.strip()):
        errors["reporter_name"] = ValidationError(
            _("En anonym anmälare har inget namn eller kontaktuppgifter."), code="anonymous_named"
        )
    if data.feedback_requested and data.reporter_type != ReporterType.MANDATORY:
        errors["feedback_requested"] = ValidationError(
            _("Återkoppling kan bara ges till en anmälningsskyldig anmälare."), code="feedback_not_mandatory"
        )
    return errors


def _check_input(data: SignalInput) -> tuple[IdentityNumber | None, bool, str]:
    """The parsed number, whether it is synthetic, and the content; or every error at once."""
    number, synthetic, number_error = None, False, None
    if data.identity_number.strip():
        try:
            number, synthetic = parse_entered_identity_number(
                data.identity_number, allow_synthetic=settings.SYNTHETIC_IDENTITIES_ALLOWED
            )
        except ValidationError as exc:
            number_error = ValidationError(exc.messages[0], code="identity_number")
    errors = _checks(data, number.birth_date if number else data.birth_date, number_refused=number_error is not None)
    if number_error is not None:
        errors["identity_number"] = number_error
    content = data.content.strip()
    if not content:
        errors["content"] = ValidationError(_("Fältet måste fyllas i."), code="required")
    elif len(content) > TEXT_LIMIT:
        errors["content"] = ValidationError(_("Högst %(n)d tecken.") % {"n": TEXT_LIMIT}, code="max_length")
    for field, limit in (("reporter_organisation", 200), ("reporter_name", 200), ("reporter_contact", 400)):
        if len(getattr(data, field).strip()) > limit:
            errors.setdefault(field, ValidationError(_("Högst %(n)d tecken.") % {"n": limit}, code="max_length"))
    if errors:
        raise ValidationError(errors)
    return number, synthetic, content


def _warn_of_likely_duplicate(actor: Actor, data: SignalInput) -> None:
    """A child without an identity number who looks like one the user can already see.

    Only persons the user may see are compared, so the warning reveals nothing about other teams'
    children or protected identities. Naming them is a read, so it is logged, and the log row is
    committed although the registration itself is refused.
    """
    name = " ".join(f"{data.given_name} {data.family_name}".split()).lower()
    if not name or data.birth_date is None:
        return
    with transaction.atomic():
        matches = list(
            access.visible_persons(actor.user)
            .filter(search_name=name, birth_date=data.birth_date)
            .values_list("pk", "given_name", "family_name")[:5]
        )
        if matches:
            write_access_events(
                actor,
                action=AccessAction.SEARCH,
                view_name="intake.likely_duplicate",
                subjects=[(pk, None) for pk, _given, _family in matches],
            )
    if matches:
        names = ", ".join(f"{given} {family}" for _pk, given, family in matches)
        message = _(
            "Det finns redan ett barn med samma namn och födelsedatum (%(names)s). Sök upp barnet och registrera "
            "med personnummer, eller bekräfta att det är ett annat barn."
        ) % {"names": names}
        raise field_error("not_a_duplicate", message, "likely_duplicate")


def _receiving_team(actor: Actor) -> Team:
    """Checked before anything is looked up, so the refusal is the same whoever the child is."""
    team = routing.intake_team(actor.user)
    if team is None:
        raise ValidationError(
            _(
                "Din enhet har ingen mottagning för nya aktualiseringar. Be systemadministratören att ange "
                "vilket team som är enhetens mottagning."
            ),
            code="no_intake_team",
        )
    return team


def _new_child(data: SignalInput, number: IdentityNumber | None, synthetic: bool) -> Person:
    return person_create(
        given_name=data.given_name,
        family_name=data.family_name,
        identity_number="" if synthetic else data.identity_number,
        synthetic_identity=number if synthetic else None,
        birth_date=number.birth_date if number else data.birth_date,
        reserve_identity_note="" if number else _("Registrerad vid aktualisering utan personnummer."),
    )


def _case_for(actor: Actor, child: Person, route: routing.SignalRoute) -> Case:
    if route.open_case is not None:
        return route.open_case
    # The registering user is made responsible only for a child they could see, or one new to Utväg,
    # only in their own team (never for a person who was not theirs to see), and only as a case worker:
    # a signal from an outreach worker or treatment staff waits for the team to assign its handläggare.
    own = (
        route.team.pk == actor.user.team_id
        and (route.known is None or route.visible_before)
        and actor.role in RESPONSIBLE_ROLES
    )
    return case_open(child=child, team=route.team, responsible=actor.user if own else None)


def signal_register(*, actor: Actor, data: SignalInput) -> SignalReceipt:
    """Register a signal about a child, routed to the team that answers for the child.

    The receipt is the same, field for field, whether the child was new to Utväg, known but not the
    user's to see, another team's or protected: only a child the user could already see gets the way
    to its case. A person known to Utväg is linked, never overwritten by what was typed.
    """
    number, synthetic, content = _check_input(data)
    intake_team = _receiving_team(actor)
    if number is None and not data.not_a_duplicate:
        _warn_of_likely_duplicate(actor, data)
    with transaction.atomic():
        known = routing.known_person(number) if number is not None else None
        route = routing.signal_route(actor.user, known, intake=intake_team)
        child = known if known is not None else _new_child(data, number, synthetic)
        case = _case_for(actor, child, route)
        signal = Signal.objects.create(
            case=case,
            child=child,
            kind=data.kind,
            received_at=data.received_at,
            reporter_type=data.reporter_type,
            reporter_organisation=data.reporter_organisation.strip(),
            reporter_name=data.reporter_name.strip(),
            reporter_contact=data.reporter_contact.strip(),
            content=content,
            feedback_requested=data.feedback_requested,
            registered_by=actor.user,
            registered_at=max(timezone.now(), data.received_at),
            routed=not access.visible_cases(actor.user, include_emergency=False).filter(pk=case.pk).exists(),
            added_to_investigation=case.investigations.filter(completed_on__isnull=True).first(),
        )
        _start_clocks(signal, case)
        _tell(signal, case, route)
        write_access_events(
            actor,
            action=AccessAction.WRITE,
            view_name="intake.signal_register",
            subjects=[(child.pk, case.pk)],
            reason=_review_reason(route),
        )
    return SignalReceipt(
        signal_id=signal.pk,
        received_at=signal.received_at,
        protection_due_on=rules.protection_assessment_due(signal.received_at),
        case_public_id=str(case.public_id) if route.visible_before and _sees(actor, case) else None,
    )


def _sees(actor: Actor, case: Case) -> bool:
    return access.visible_cases(actor.user).filter(pk=case.pk).exists()


def _review_reason(route: routing.SignalRoute) -> str:
    """Said in the log row for the reviewer (never to the user): a signal about a person known to Utväg
    whom the user could not see. Registering is not a way in, and the reviewer can check that it was not
    tried as one."""
    if route.known is None or route.visible_before:
        return ""
    return "signal om person som registraren inte får se; lämnad till ansvarigt team"


def _source(signal: Signal) -> DeadlineSource:
    return DeadlineSource.signal(signal.pk)


def _start_clocks(signal: Signal, case: Case) -> None:
    received = rules.received_day(signal.received_at)
    label = _("%(kind)s som kom in %(day)s") % {"kind": signal.get_kind_display(), "day": received.isoformat()}
    deadline_start(
        case=case,
        kind=DeadlineKind.PROTECTION_ASSESSMENT,
        started_on=received,
        due_on=rules.protection_assessment_due(signal.received_at),
        subject=label,
        source=_source(signal),
    )
    # With an investigation already open the signal joins it: no preliminary assessment (R1.3).
    if signal.added_to_investigation_id is None:
        kind, due_on = _opening_clock(signal)
        deadline_start(case=case, kind=kind, started_on=received, due_on=due_on, subject=label, source=_source(signal))
    elif signal.feedback_requested and legal_basis_for("reporter-feedback", on=received) is not None:
        # "Om en utredning redan pågår ska informationen lämnas genast."
        _start_feedback_clock(signal, received, rules.reporter_feedback_due_at_once(received))


def _opening_clock(signal: Signal) -> tuple[DeadlineKind, date]:
    """An application's investigation opens at once; a report gets its fourteen days of förhandsbedömning."""
    if signal.is_application:
        return DeadlineKind.APPLICATION_INVESTIGATION, rules.application_investigation_due(signal.received_at)
    return DeadlineKind.PRELIMINARY_ASSESSMENT, rules.preliminary_assessment_due(signal.received_at)


def _tell(signal: Signal, case: Case, route: routing.SignalRoute) -> None:
    """Who must know now. For a protected child: the staff named for them, since nobody else in the team
    may open the case; with nobody named there, the unit's managers, who must name someone."""
    child = signal.child
    if child.is_protected:
        workers = [user for user in routing.named_staff(child) if user.team_id == case.team_id]
    else:
        workers = case_workers_to_tell(case)
    if route.nobody_named:
        notify(recipients=unit_managers(case), kind=NoticeKind.PROTECTED_UNNAMED, case=case)
    if signal.is_detention:
        notify(recipients=_unique(workers + unit_managers(case)), kind=NoticeKind.DETENTION, case=case)
    elif signal.routed:
        notify(recipients=workers, kind=NoticeKind.ROUTED, case=case)


def _unique(users: list[User]) -> list[User]:
    return list({user.pk: user for user in users}.values())


def _locked_signal(case: Case, signal_id: int) -> Signal:
    signal = Signal.objects.select_for_update().filter(pk=signal_id, case=case).first()
    if signal is None:
        raise ValidationError(_("Aktualiseringen finns inte i detta ärende."), code="signal_not_in_case")
    signal.case = case
    return signal


def protection_assessment_record(
    *, actor: Actor, case_public_id: object, signal_id: int, outcome: str, reasoning: str, measures: str = ""
) -> ProtectionAssessment:
    with changing_case(
        actor, case_public_id, view_name="intake.protection_assessment", action=CaseAction.PROTECTION
    ) as case:
        if outcome not in ProtectionOutcome.values:
            raise field_error("outcome", _("Välj bedömning."), "outcome")
        reasoning = _text(reasoning, "reasoning", required=True)
        measures = _text(measures, "measures", required=outcome == ProtectionOutcome.PROTECTIVE_MEASURES)
        signal = _locked_signal(case, signal_id)
        if ProtectionAssessment.objects.filter(signal=signal).exists():
            raise ValidationError(
                _("Skyddsbedömningen är redan gjord för denna aktualisering."), code="already_assessed"
            )
        now = timezone.now()
        assessment = ProtectionAssessment.objects.create(
            signal=signal,
            outcome=outcome,
            reasoning=reasoning,
            measures=measures,
            legal_basis=legal_basis_for("protection-assessment", on=rules.received_day(signal.received_at)),
            assessed_at=now,
            assessed_by=actor.user,
        )
        deadline_meet(source=_source(signal), kind=DeadlineKind.PROTECTION_ASSESSMENT, at=now)
    return assessment


def guardian_contact_record(*, actor: Actor, case_public_id: object, signal_id: int) -> Signal:
    """Guardians are contacted only after the protection assessment is documented (R1.2)."""
    with changing_case(
        actor, case_public_id, view_name="intake.guardian_contact", action=CaseAction.PROTECTION
    ) as case:
        signal = _locked_signal(case, signal_id)
        if not ProtectionAssessment.objects.filter(signal=signal).exists():
            raise ValidationError(
                _("Dokumentera den omedelbara skyddsbedömningen innan vårdnadshavarna kontaktas."),
                code="protection_first",
            )
        signal.guardians_contacted_at = timezone.now()
        signal.save(update_fields=["guardians_contacted_at"])
    return signal


def preliminary_extend(*, actor: Actor, case_public_id: object, signal_id: int, new_due_on: date, reason: str) -> None:
    """The 14 days may be exceeded only for synnerliga skäl (20 kap. 2 § SoL 2025), stated here."""
    with changing_case(
        actor, case_public_id, view_name="intake.preliminary_extend", action=CaseAction.PRELIMINARY
    ) as case:
        signal = _locked_signal(case, signal_id)
        deadline = (
            Deadline.objects.select_for_update()
            .filter(source=_source(signal).key, kind=DeadlineKind.PRELIMINARY_ASSESSMENT)
            .first()
        )
        if deadline is None:
            raise ValidationError(_("Aktualiseringen har ingen förhandsbedömning att förlänga."), code="no_deadline")
        deadline_extend(deadline=deadline, new_due_on=new_due_on, reason=reason, decided_by=actor.user)


@dataclass(frozen=True)
class PreliminaryInput:
    decision: str
    reasons: str
    child_heard: bool
    child_heard_how: str
    decided_on: date
    delegation_id: int | None  # the item of the delegation order; required, checked like a decision's
    investigation_question: str = ""


def preliminary_assessment_record(
    *, actor: Actor, case_public_id: object, signal_id: int, data: PreliminaryInput
) -> PreliminaryAssessment:
    with changing_case(
        actor, case_public_id, view_name="intake.preliminary_assessment", action=CaseAction.PRELIMINARY
    ) as case:
        if data.decision not in PreliminaryDecision.values:
            raise field_error("decision", _("Välj beslut."), "decision")
        reasons = _text(data.reasons, "reasons", required=True)
        heard_how = _text(data.child_heard_how, "child_heard_how", required=True)
        if data.decided_on > timezone.localdate():
            raise field_error("decided_on", _("Datumet kan inte ligga i framtiden."), "future")
        signal = _locked_signal(case, signal_id)
        if PreliminaryAssessment.objects.filter(signal=signal).exists():
            raise ValidationError(
                _("Förhandsbedömningen är redan gjord för denna aktualisering."), code="already_decided"
            )
        if signal.added_to_investigation_id is not None:
            raise ValidationError(
                _("Aktualiseringen har lagts till en pågående utredning; ingen förhandsbedömning behövs."),
                code="investigation_open",
            )
        if data.decided_on < rules.received_day(signal.received_at):
            raise field_error("decided_on", _("Beslutet kan inte vara fattat innan anmälan kom in."), "before_receipt")
        if signal.is_application and data.decision == PreliminaryDecision.NOT_OPEN:
            raise field_error(
                "decision",
                _(
                    "En ansökan ska utredas och prövas (14 kap. 2 § SoL). Beslutet att inte inleda utredning "
                    "finns bara för en anmälan (20 kap. 2 § SoL)."
                ),
                "application_must_be_investigated",
            )
        kind = DELEGATION_KINDS[PreliminaryDecision(data.decision)]
        try:
            delegation = delegation_item_check(
                data.delegation_id, kind=kind, day=data.decided_on, signer_role=actor.role
            )
        except ValidationError as exc:
            raise field_error("delegation", exc.message, exc.code or "delegation") from exc
        basis = legal_basis_for(
            "investigation-open" if signal.is_application else "preliminary-assessment", on=data.decided_on
        )
        if basis is None:
            raise ValidationError(_("Det finns inget lagrum för förhandsbedömning detta datum."), code="no_legal_basis")
        assessment = PreliminaryAssessment.objects.create(
            signal=signal,
            decision=data.decision,
            reasons=reasons,
            child_heard=data.child_heard,
            child_heard_how=heard_how,
            legal_basis=basis,
            decided_on=data.decided_on,
            decided_by=actor.user,
            delegation=delegation,
            recorded_at=timezone.now(),
        )
        deadline_meet(source=_source(signal), kind=_opening_clock(signal)[0])
        if data.decision == PreliminaryDecision.OPEN:
            investigation_open(
                actor=actor, case=signal.case, question=data.investigation_question, opened_on=data.decided_on
            )
        _feedback_clock(signal, data.decided_on)
    return assessment


def _feedback_clock(signal: Signal, decided_on: date) -> None:
    """A week from the decision on opening an investigation, for a request made before it."""
    if signal.feedback_requested and legal_basis_for("reporter-feedback", on=decided_on) is not None:
        _start_feedback_clock(signal, decided_on, rules.reporter_feedback_due(decided_on))


def _start_feedback_clock(signal: Signal, started_on: date, due_on: date) -> None:
    deadline_start(
        case=signal.case,
        kind=DeadlineKind.REPORTER_FEEDBACK,
        started_on=started_on,
        due_on=due_on,
        subject=_("Återkoppling till anmälaren"),
        source=_source(signal),
    )


def _feedback_due_at_once(signal: Signal) -> bool:
    """Asked after the decision, or while an investigation already runs: the answer is due at once.

    "Om begäran kommer in efter denna tidpunkt": read as after the decision was made (the stricter
    reading; the other is after the week has run out).
    """
    return signal.added_to_investigation_id is not None or hasattr(signal, "preliminary_assessment")


def _check_feedback_open(signal: Signal) -> None:
    if not signal.feedback_requested:
        raise ValidationError(_("Anmälaren har inte begärt återkoppling."), code="no_feedback_requested")
    if signal.feedback_given_at is not None or signal.feedback_withheld_at is not None:
        raise ValidationError(_("Begäran om återkoppling är redan besvarad."), code="feedback_answered")


def reporter_feedback_request_record(*, actor: Actor, case_public_id: object, signal_id: int) -> Signal:
    """A mandatory reporter asks, after registration, to be told whether an investigation was opened."""
    with changing_case(
        actor, case_public_id, view_name="intake.reporter_feedback_request", action=CaseAction.PRELIMINARY
    ) as case:
        signal = _locked_signal(case, signal_id)
        if signal.reporter_type != ReporterType.MANDATORY:
            raise ValidationError(
                _("Återkoppling kan bara ges till en anmälningsskyldig anmälare."), code="feedback_not_mandatory"
            )
        if signal.feedback_requested:
            raise ValidationError(_("Anmälaren har redan begärt återkoppling."), code="feedback_already_requested")
        signal.feedback_requested = True
        signal.feedback_requested_at = timezone.now()
        signal.save(update_fields=["feedback_requested", "feedback_requested_at"])
        today = timezone.localdate()
        if _feedback_due_at_once(signal) and legal_basis_for("reporter-feedback", on=today) is not None:
            _start_feedback_clock(signal, today, rules.reporter_feedback_due_at_once(today))
    return signal


def reporter_feedback_withhold(*, actor: Actor, case_public_id: object, signal_id: int, reason: str) -> Signal:
    """The reporter is not told, because it is unsuitable in the circumstances; the reason is recorded."""
    with changing_case(
        actor, case_public_id, view_name="intake.reporter_feedback_withhold", action=CaseAction.PRELIMINARY
    ) as case:
        reason = _text(reason, "reason", required=True)
        signal = _locked_signal(case, signal_id)
        _check_feedback_open(signal)
        signal.feedback_withheld_at = timezone.now()
        signal.feedback_withheld_reason = reason
        signal.save(update_fields=["feedback_withheld_at", "feedback_withheld_reason"])
        deadline_cancel(
            source=_source(signal),
            kind=DeadlineKind.REPORTER_FEEDBACK,
            reason=_("Olämpligt med hänsyn till omständigheterna (19 kap. 6 § SoL); skälet står vid aktualiseringen."),
        )
    return signal


def reporter_feedback_record(*, actor: Actor, case_public_id: object, signal_id: int) -> Signal:
    with changing_case(
        actor, case_public_id, view_name="intake.reporter_feedback", action=CaseAction.PRELIMINARY
    ) as case:
        signal = _locked_signal(case, signal_id)
        _check_feedback_open(signal)
        signal.feedback_given_at = timezone.now()
        signal.save(update_fields=["feedback_given_at"])
        deadline_meet(source=_source(signal), kind=DeadlineKind.REPORTER_FEEDBACK)
    return signal


def signals_join_investigation(*, case: Case, investigation: Investigation) -> None:
    """Open signals of the case whose preliminary assessment is no longer needed (R1.3)."""
    for signal in Signal.objects.filter(case=case, preliminary_assessment__isnull=True, added_to_investigation=None):
        deadline_cancel(
            source=_source(signal),
            kind=_opening_clock(signal)[0],
            reason=_("En utredning av barnet pågår redan; aktualiseringen ingår i den."),
        )
        signal.added_to_investigation = investigation
        signal.save(update_fields=["added_to_investigation"])
