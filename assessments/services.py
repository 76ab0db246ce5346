"""Recording an assessment: every rating checked against the instrument, all of it saved in one
transaction or nothing, and a refused attempt in the access log (`access.reads.changing_case`).

An assessment supports the worker's judgement and informs the plan; nothing here adds ratings up,
compares children or decides anything.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from assessments.models import Assessment, ChildPart, Instrument, Rating
from assessments.structure import ItemView, Structure, structure
from cases.models import Case, CaseStatus
from core.errors import Problems
from core.fields import TEXT_LIMIT
from core.uuids import parse_uuid


@dataclass(frozen=True)
class AnswerInput:
    value: str = ""  # as posted: "" for none
    words: str = ""  # the worker's comment, or for the child's items the child's own words


@dataclass(frozen=True)
class AssessmentInput:
    instrument_id: int
    assessed_on: date | None
    answers: dict[str, AnswerInput]  # by item key
    child_part: str = ""
    child_part_note: str = ""
    corrects: str = ""  # the public id of the assessment this one corrects
    correction_reason: str = ""


@dataclass
class _Checked:
    ratings: list[Rating] = field(default_factory=list)
    child_answered: bool = False


def rating_field(key: str) -> str:
    return f"item-{key}"


def words_field(key: str) -> str:
    return f"item-{key}-words"


def _value(problems: Problems, item: ItemView, raw: str) -> int | None:
    name = rating_field(item.key)
    if not raw.strip():
        if item.item.required:
            problems.add(name, _("Välj ett värde: frågan måste besvaras."), "required")
        return None
    if not item.values:
        problems.add(name, _("Frågan besvaras med ord, inte med ett värde."), "no_scale")
        return None
    try:
        value = int(raw.strip())
    except ValueError:
        value = None
    if value is None or value not in item.allowed:
        allowed = ", ".join(f"{v} ({label})" for v, label in item.allowed.items())
        problems.add(
            name,
            _("%(value)s finns inte på frågans skala. Välj ett av: %(allowed)s.") % {"value": raw, "allowed": allowed},
            "out_of_scale",
        )
        return None
    return value


def _answers(problems: Problems, shape: Structure, answers: dict[str, AnswerInput]) -> _Checked:
    items = shape.items
    for key in sorted(set(answers) - set(items)):
        problems.add(
            NON_FIELD_ERRORS,
            _("Frågan %(item)s finns inte i %(instrument)s.") % {"item": key, "instrument": shape.instrument},
            "unknown_item",
        )
    checked = _Checked()
    for key, item in items.items():
        answer = answers.get(key, AnswerInput())
        value = _value(problems, item, answer.value)
        words = answer.words.strip()
        if len(words) > TEXT_LIMIT:
            problems.add(words_field(key), _("Högst %(n)d tecken.") % {"n": TEXT_LIMIT}, "max_length")
        if not item.values and not words and item.item.required:
            problems.add(words_field(key), _("Skriv svaret: frågan måste besvaras."), "required")
        if value is not None or words:
            checked.ratings.append(Rating(item=item.item, value=value, comment=words))
            checked.child_answered |= item.is_child
    return checked


def _child_part(problems: Problems, shape: Structure, data: AssessmentInput, checked: _Checked) -> str:
    """Taking part is the child's choice: declining is recorded, not asking needs a reason."""
    if not shape.has_child_part:
        return ""
    if data.child_part not in ChildPart.values:
        problems.add("child_part", _("Ange om barnet svarade själv."), "child_part")
    elif data.child_part == ChildPart.ANSWERED and not checked.child_answered:
        problems.add("child_part", _("Barnet svarade själv: fyll i minst ett av barnets svar."), "child_empty")
    elif data.child_part != ChildPart.ANSWERED and checked.child_answered:
        problems.add("child_part", _("Barnets svar fylls bara i när barnet svarade själv."), "child_answers")
    if data.child_part == ChildPart.NOT_ASKED and not data.child_part_note.strip():
        problems.add("child_part_note", _("Skriv varför barnet inte tillfrågades."), "required")
    return data.child_part


def _corrected(problems: Problems, case: Case, instrument: Instrument, data: AssessmentInput) -> Assessment | None:
    if not data.corrects:
        return None
    key = parse_uuid(data.corrects)
    earlier = Assessment.objects.select_for_update().filter(case=case, public_id=key).first() if key else None
    if earlier is None:
        problems.add(NON_FIELD_ERRORS, _("Bedömningen som ska rättas finns inte i ärendet."), "not_in_case")
        return None
    if earlier.instrument_id != instrument.pk:
        problems.add(NON_FIELD_ERRORS, _("En rättelse görs med samma instrument som bedömningen."), "instrument")
    if earlier.corrections.exists():
        problems.add(NON_FIELD_ERRORS, _("Bedömningen är redan rättad: rätta den senaste rättelsen."), "corrected")
    if not data.correction_reason.strip():
        problems.add("correction_reason", _("Skriv vad som rättas och varför."), "required")
    return earlier


def _common(problems: Problems, case: Case, data: AssessmentInput) -> None:
    if case.status != CaseStatus.OPEN:
        problems.add(NON_FIELD_ERRORS, _("Ärendet är avslutat."), "case_closed")
    if data.assessed_on is None:
        problems.add("assessed_on", _("Ange bedömningsdagen."), "required")
    elif data.assessed_on > timezone.localdate():
        problems.add("assessed_on", _("Datumet kan inte ligga i framtiden."), "future")
    for name in ("child_part_note", "correction_reason"):
        if len(getattr(data, name)) > TEXT_LIMIT:
            problems.add(name, _("Högst %(n)d tecken.") % {"n": TEXT_LIMIT}, "max_length")


def assessment_record(*, actor: Actor, case_public_id: object, data: AssessmentInput) -> Assessment:
    """Every problem at once; then the assessment and all its ratings together, or nothing."""
    with changing_case(actor, case_public_id, view_name="assessments.assessment", action=CaseAction.ASSESS) as case:
        problems = Problems()
        instrument = Instrument.objects.filter(pk=data.instrument_id).first()
        if instrument is None:
            problems.add(NON_FIELD_ERRORS, _("Instrumentet finns inte."), "instrument")
            problems.raise_any()
        assert instrument is not None  # raised above
        shape = structure(instrument)
        _common(problems, case, data)
        checked = _answers(problems, shape, data.answers)
        if not checked.ratings and not any(item.item.required for item in shape.items.values()):
            # With required items their own errors say it; without, an empty assessment says nothing.
            problems.add(NON_FIELD_ERRORS, _("Fyll i minst en fråga."), "empty")
        child_part = _child_part(problems, shape, data, checked)
        earlier = _corrected(problems, case, instrument, data)
        problems.raise_any()
        assert data.assessed_on is not None  # refused above
        assessment = Assessment.objects.create(
            case=case,
            instrument=instrument,
            assessed_on=data.assessed_on,
            assessed_by=actor.user,
            child_part=child_part,
            child_part_note=data.child_part_note.strip(),
            corrects=earlier,
            correction_reason=data.correction_reason.strip() if earlier else "",
        )
        for rating in checked.ratings:
            rating.assessment = assessment
        Rating.objects.bulk_create(checked.ratings)
        return assessment
