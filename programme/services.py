"""Raising a child into the exit programme, moving it through its phases, and ending it.

Every change runs inside `access.reads.changing_case` with `CaseAction.PROGRAMME`: the case's own team
(case worker, defector specialist) and its unit manager, never through emergency access.
"""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from cases.models import Case, CaseStatus
from core.errors import Problems
from core.fields import TEXT_LIMIT
from programme.models import EndReason, Milestone, Participation, Phase, PhaseTransition, RaisedHow
from programme.rows import locked_open_participation


@dataclass(frozen=True)
class RaiseInput:
    raised_on: date
    raised_how: str
    raised_by: str


@dataclass(frozen=True)
class PhaseInput:
    phase: str  # a Phase's code
    entered_on: date
    note: str = ""


@dataclass(frozen=True)
class EndInput:
    ended_on: date
    end_reason: str
    end_note: str = ""


def _check_day(problems: Problems, field: str, day: date, *, not_before: date | None, before_message: str) -> None:
    if day > timezone.localdate():
        problems.add(field, _("Datumet kan inte ligga i framtiden."), "future")
    elif not_before is not None and day < not_before:
        problems.add(field, before_message, "reversed")


def _check_note(problems: Problems, field: str, note: str) -> None:
    if len(note) > TEXT_LIMIT:
        problems.add(field, _("Högst %(n)d tecken.") % {"n": TEXT_LIMIT}, "max_length")


def participation_raise(*, actor: Actor, case_public_id: object, data: RaiseInput) -> Participation:
    with changing_case(actor, case_public_id, view_name="programme.raise", action=CaseAction.PROGRAMME) as case:
        problems = Problems()
        raised_by = data.raised_by.strip()
        if data.raised_how not in RaisedHow.values:
            problems.add("raised_how", _("Välj hur barnet aktualiserades för programmet."), "raised_how")
        if not raised_by:
            problems.add(
                "raised_by", _("Skriv vem som aktualiserade, till exempel polisen eller barnet självt."), "raised_by"
            )
        elif len(raised_by) > 200:
            problems.add("raised_by", _("Högst %(n)d tecken.") % {"n": 200}, "max_length")
        _check_day(problems, "raised_on", data.raised_on, not_before=None, before_message="")
        _check_case_may_start(problems, case)
        problems.raise_any()
        first = Phase.objects.filter(active=True).exclude(milestone=Milestone.ENDED).order_by("position", "id").first()
        if first is None:
            problems.add(NON_FIELD_ERRORS, _("Inga faser är inlagda för programmet."), "no_phases")
            problems.raise_any()
        assert first is not None  # raised above
        participation = Participation.objects.create(
            case=case,
            raised_on=data.raised_on,
            raised_how=data.raised_how,
            raised_by=raised_by,
            created_by=actor.user,
        )
        PhaseTransition.objects.create(
            participation=participation, phase=first, entered_on=data.raised_on, recorded_by=actor.user
        )
        return participation


def _check_case_may_start(problems: Problems, case: Case) -> None:
    if case.status != CaseStatus.OPEN:
        problems.add(NON_FIELD_ERRORS, _("Ärendet är avslutat. Öppna det igen först."), "case_closed")
    elif case.participations.filter(ended_on__isnull=True).exists():
        problems.add(NON_FIELD_ERRORS, _("Barnet deltar redan i programmet i detta ärende."), "participation_open")


def _last_day(participation: Participation) -> date:
    last = participation.transitions.order_by("-entered_on", "-id").values_list("entered_on", flat=True).first()
    return last or participation.raised_on


def phase_record(
    *, actor: Actor, case_public_id: object, participation_id: UUID | str, data: PhaseInput
) -> PhaseTransition:
    with changing_case(actor, case_public_id, view_name="programme.phase", action=CaseAction.PROGRAMME) as case:
        participation = locked_open_participation(case, participation_id)
        problems = Problems()
        phase = Phase.objects.filter(code=data.phase, active=True).exclude(milestone=Milestone.ENDED).first()
        if phase is None:
            problems.add("phase", _("Välj en fas. Programmet avslutas med knappen Avsluta."), "phase")
        _check_day(
            problems,
            "entered_on",
            data.entered_on,
            not_before=_last_day(participation),
            before_message=_("Datumet kan inte ligga före den senaste fasändringen."),
        )
        _check_note(problems, "note", data.note)
        problems.raise_any()
        assert phase is not None  # refused above
        return PhaseTransition.objects.create(
            participation=participation,
            phase=phase,
            entered_on=data.entered_on,
            note=data.note.strip(),
            recorded_by=actor.user,
        )


def participation_end(
    *, actor: Actor, case_public_id: object, participation_id: UUID | str, data: EndInput
) -> Participation:
    with changing_case(actor, case_public_id, view_name="programme.end", action=CaseAction.PROGRAMME) as case:
        participation = locked_open_participation(case, participation_id)
        problems = Problems()
        note = data.end_note.strip()
        if data.end_reason not in EndReason.values:
            problems.add("end_reason", _("Välj hur deltagandet avslutades."), "end_reason")
        elif data.end_reason == EndReason.OTHER and not note:
            problems.add("end_note", _("Skriv hur deltagandet avslutades."), "end_note")
        _check_note(problems, "end_note", note)
        _check_day(
            problems,
            "ended_on",
            data.ended_on,
            not_before=_last_day(participation),
            before_message=_("Datumet kan inte ligga före den senaste fasändringen."),
        )
        ended = Phase.objects.filter(milestone=Milestone.ENDED).order_by("position", "id").first()
        if ended is None:
            problems.add(NON_FIELD_ERRORS, _("Ingen avslutande fas är inlagd för programmet."), "no_end_phase")
        problems.raise_any()
        assert ended is not None  # refused above
        participation.ended_on = data.ended_on
        participation.end_reason = data.end_reason
        participation.end_note = note
        participation.save(update_fields=["ended_on", "end_reason", "end_note"])
        PhaseTransition.objects.create(
            participation=participation, phase=ended, entered_on=data.ended_on, note=note, recorded_by=actor.user
        )
        return participation
