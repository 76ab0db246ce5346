"""Recording the administrative court's answer to an LVU decision, and what it does to the clocks.

7 § LVU: a 6 § custody is referred within a week and the court confirms or lifts it; lifted, the four
weeks for the application (8 §) end with it. 8 § andra stycket: the court may extend the four weeks.
9 § första stycket 2: the custody ends when the court decides on care.
"""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from core.uuids import parse_uuid
from deadlines.models import DeadlineKind
from deadlines.services import deadline_cancel, deadline_extend, deadline_meet, open_deadline
from deadlines.sources import DeadlineSource
from decisions.models import APPLICATION_OUTCOMES, CUSTODY_OUTCOMES, CourtOutcome, CourtRuling, Decision
from delegation.models import DecisionKind

OUTCOMES_FOR: dict[str, frozenset[CourtOutcome]] = {
    DecisionKind.LVU_IMMEDIATE_CUSTODY: CUSTODY_OUTCOMES,
    DecisionKind.LVU_CARE_APPLICATION: APPLICATION_OUTCOMES,
}
# One answer each to the referral (7 §) and to the application (4 §); extensions may come more than once.
ONCE = frozenset({*APPLICATION_OUTCOMES, CourtOutcome.CUSTODY_CONFIRMED, CourtOutcome.CUSTODY_LIFTED})


@dataclass(frozen=True)
class CourtRulingInput:
    outcome: str
    ruled_on: date
    court: str
    court_case_number: str = ""
    new_due_on: date | None = None


def _errors(decision: Decision | None, data: CourtRulingInput) -> dict[str, str]:
    """Every check at once, so the form reports them together."""
    errors: dict[str, str] = {}
    allowed = OUTCOMES_FOR.get(decision.kind, frozenset()) if decision else frozenset()
    if data.outcome not in allowed:
        errors["outcome"] = _("Välj ett avgörande som svarar på beslutet.")
    if data.ruled_on > timezone.localdate():
        errors["ruled_on"] = _("Datumet kan inte ligga i framtiden.")
    elif decision is not None and data.ruled_on < decision.decided_on:
        errors["ruled_on"] = _("Rätten kan inte ha avgjort före nämndens beslut.")
    if not data.court.strip():
        errors["court"] = _("Ange domstolen.")
    if data.outcome == CourtOutcome.APPLICATION_TIME_EXTENDED and data.new_due_on is None:
        errors["new_due_on"] = _("Ange den nya sista dagen för ansökan.")
    return errors


def court_ruling_record(
    *, actor: Actor, case_public_id: object, decision_id: UUID | str, data: CourtRulingInput
) -> CourtRuling:
    with changing_case(actor, case_public_id, view_name="decision.court_ruling", action=CaseAction.DECIDE) as case:
        key = parse_uuid(decision_id)
        decision = Decision.objects.filter(case=case, public_id=key).first() if key else None
        errors: dict[str, str | ValidationError] = {**_errors(decision, data)}
        if decision is None:
            errors["outcome"] = _("Beslutet finns inte i detta ärende.")
        elif data.outcome in ONCE and decision.court_rulings.filter(outcome__in=_same_question(data.outcome)).exists():
            errors["outcome"] = _("Rättens avgörande i den frågan är redan registrerat.")
        if errors:
            raise ValidationError(errors)
        assert decision is not None
        ruling = CourtRuling.objects.create(
            decision=decision,
            outcome=data.outcome,
            ruled_on=data.ruled_on,
            court=data.court.strip()[:200],
            court_case_number=data.court_case_number.strip()[:40],
            new_due_on=data.new_due_on if data.outcome == CourtOutcome.APPLICATION_TIME_EXTENDED else None,
            recorded_by=actor.user,
            recorded_at=timezone.now(),
        )
        _clocks(ruling, actor)
    return ruling


def _same_question(outcome: str) -> frozenset[CourtOutcome]:
    return (
        APPLICATION_OUTCOMES
        if outcome in APPLICATION_OUTCOMES
        else CUSTODY_OUTCOMES - {CourtOutcome.APPLICATION_TIME_EXTENDED}
    )


def _clocks(ruling: CourtRuling, actor: Actor) -> None:
    source = DeadlineSource.decision(ruling.decision_id)
    said = _("%(court)s %(number)s, %(day)s") % {
        "court": ruling.court,
        "number": ruling.court_case_number,
        "day": ruling.ruled_on.isoformat(),
    }
    if ruling.outcome in (CourtOutcome.CUSTODY_CONFIRMED, CourtOutcome.CUSTODY_LIFTED):
        deadline_meet(source=source, kind=DeadlineKind.LVU_COURT_REFERRAL)  # the court had it, so it was referred
    if ruling.outcome == CourtOutcome.CUSTODY_LIFTED:
        deadline_cancel(
            source=source,
            kind=DeadlineKind.LVU_CARE_APPLICATION,
            reason=_("Rätten upphävde omhändertagandet (%(said)s).") % {"said": said},
        )
    elif ruling.outcome == CourtOutcome.APPLICATION_TIME_EXTENDED:
        _extend_application_time(ruling, source, actor, said)


def _extend_application_time(ruling: CourtRuling, source: DeadlineSource, actor: Actor, said: str) -> None:
    deadline = open_deadline(source, DeadlineKind.LVU_CARE_APPLICATION)
    if deadline is None:
        raise ValidationError(
            {"outcome": _("Det finns ingen öppen frist för ansökan om vård att förlänga.")}, code="no_deadline"
        )
    assert ruling.new_due_on is not None
    try:
        deadline_extend(
            deadline=deadline,
            new_due_on=ruling.new_due_on,
            reason=_("Rätten medgav förlängning enligt 8 § andra stycket LVU (%(said)s).") % {"said": said},
            decided_by=actor.user,
            decided_on=ruling.ruled_on,
        )
    except ValidationError as exc:
        raise ValidationError({"new_due_on": exc.messages}) from exc
