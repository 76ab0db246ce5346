"""Defector status against the national definition, and the police's intake criteria as a dated checklist.

Both parts of the definition are assessed on their own, each with its reasons, against the version of
the definition in force on the day. The result is shown to those working with the child; nothing in
Utväg reads it to allow or refuse support, protection or follow-up (issue 14, point 2).
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
from core.errors import Problems
from core.fields import TEXT_LIMIT
from programme.models import CriterionCheck, DefectorAssessment, DefectorDefinition, Judgement, PoliceCriterion
from programme.rows import locked_open_participation

# A criterion's state in the checklist form: met, not met, or left as it stood.
MET, NOT_MET, UNCHANGED = "met", "not-met", ""


@dataclass(frozen=True)
class DefectorInput:
    chosen_to_leave: str
    chosen_to_leave_reasons: str
    needs_support: str
    needs_support_reasons: str
    assessed_on: date


@dataclass(frozen=True)
class CriteriaInput:
    checked_on: date
    states: dict[str, str]  # criterion -> MET, NOT_MET or UNCHANGED
    note: str = ""


def definition_on(day: date) -> DefectorDefinition | None:
    return DefectorDefinition.objects.filter(valid_from__lte=day).order_by("-valid_from", "-id").first()


def _check_part(problems: Problems, field: str, judgement: str, reasons: str) -> None:
    if judgement not in Judgement.values:
        problems.add(field, _("Bedöm denna del av definitionen."), "judgement")
    if not reasons:
        problems.add(f"{field}_reasons", _("Skriv skälen för bedömningen."), "reasons")
    elif len(reasons) > TEXT_LIMIT:
        problems.add(f"{field}_reasons", _("Högst %(n)d tecken.") % {"n": TEXT_LIMIT}, "max_length")


def _check_assessed_on(problems: Problems, day: date, raised_on: date) -> None:
    if day > timezone.localdate():
        problems.add("assessed_on", _("Datumet kan inte ligga i framtiden."), "future")
    elif day < raised_on:
        problems.add("assessed_on", _("Datumet kan inte ligga före första kontakten."), "reversed")


def defector_assess(
    *, actor: Actor, case_public_id: object, participation_id: UUID | str, data: DefectorInput
) -> DefectorAssessment:
    with changing_case(actor, case_public_id, view_name="programme.defector", action=CaseAction.PROGRAMME) as case:
        participation = locked_open_participation(case, participation_id)
        problems = Problems()
        leave_reasons, support_reasons = data.chosen_to_leave_reasons.strip(), data.needs_support_reasons.strip()
        _check_part(problems, "chosen_to_leave", data.chosen_to_leave, leave_reasons)
        _check_part(problems, "needs_support", data.needs_support, support_reasons)
        _check_assessed_on(problems, data.assessed_on, participation.raised_on)
        definition = definition_on(data.assessed_on)
        if definition is None:
            problems.add(NON_FIELD_ERRORS, _("Ingen definition gäller för datumet."), "no_definition")
        problems.raise_any()
        assert definition is not None  # refused above
        return DefectorAssessment.objects.create(
            participation=participation,
            definition=definition,
            chosen_to_leave=data.chosen_to_leave,
            chosen_to_leave_reasons=leave_reasons,
            needs_support=data.needs_support,
            needs_support_reasons=support_reasons,
            assessed_on=data.assessed_on,
            assessed_by=actor.user,
        )


def criteria_record(
    *, actor: Actor, case_public_id: object, participation_id: UUID | str, data: CriteriaInput
) -> list[CriterionCheck]:
    with changing_case(actor, case_public_id, view_name="programme.criteria", action=CaseAction.PROGRAMME) as case:
        participation = locked_open_participation(case, participation_id)
        problems = Problems()
        if any(c not in PoliceCriterion.values or s not in (MET, NOT_MET, UNCHANGED) for c, s in data.states.items()):
            problems.add(NON_FIELD_ERRORS, _("Okänt kriterium eller svar."), "criterion")
        elif all(state == UNCHANGED for state in data.states.values()):
            problems.add(NON_FIELD_ERRORS, _("Ange för minst ett kriterium om det är uppfyllt."), "nothing_checked")
        if data.checked_on > timezone.localdate():
            problems.add("checked_on", _("Datumet kan inte ligga i framtiden."), "future")
        elif data.checked_on < participation.raised_on:
            problems.add("checked_on", _("Datumet kan inte ligga före första kontakten."), "reversed")
        if len(data.note.strip()) > 300:
            problems.add("note", _("Högst %(n)d tecken.") % {"n": 300}, "max_length")
        problems.raise_any()
        return CriterionCheck.objects.bulk_create(
            CriterionCheck(
                participation=participation,
                criterion=criterion,
                met=state == MET,
                checked_on=data.checked_on,
                note=data.note.strip(),
                recorded_by=actor.user,
            )
            for criterion in PoliceCriterion.values
            if (state := data.states.get(criterion, UNCHANGED)) != UNCHANGED
        )
