"""Recording an outcome: one occasion, its source, the child's own words, and one value per field in use.

A value must suit its field's kind; a field left empty is not known (nothing is invented to fill a form).
Every problem of the form is told at once, and nothing is saved unless all of it is. A correction is a
new record naming the one it corrects: the database refuses to change a record (migration 0009).
"""

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from core.errors import Problems
from core.fields import TEXT_LIMIT
from core.uuids import parse_uuid
from programme.models import Participation
from programme.occasions import occasion_due
from programme.outcome_models import (
    COUNT_LIMIT,
    SCALES,
    SHORT_TEXT,
    FieldKind,
    Occasion,
    OutcomeField,
    OutcomeRecord,
    OutcomeSource,
    OutcomeValue,
)
from programme.rows import locked_participation

Value = bool | int | date | str | None


@dataclass(frozen=True)
class OutcomeInput:
    occasion: str
    recorded_on: date
    source: str
    child_words: str
    values: dict[str, Value] = field(default_factory=dict)  # field key -> value; None or "" for not known
    corrects: UUID | str | None = None  # the record this one corrects


def value_field(key: str) -> str:
    """The form's name for a field's value, and the name its problems are told under."""
    return f"value_{key}"


def fields_in_use(day: date) -> list[OutcomeField]:
    return [f for f in OutcomeField.objects.order_by("position", "id") if f.in_use_on(day)]


def _blank(value: Value) -> bool:
    return value is None or value == ""


def _value_problem(definition: OutcomeField, value: Value) -> str | None:
    """Why `value` does not suit the field's kind, or None when it does."""
    kind = definition.kind
    if kind == FieldKind.YES_NO and not isinstance(value, bool):
        return _("Välj ja eller nej, eller lämna tomt om det inte är känt.")
    if kind == FieldKind.COUNT and not (
        isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= COUNT_LIMIT
    ):
        return _("Ange ett antal från 0 till %(n)d.") % {"n": COUNT_LIMIT}
    if kind in SCALES and not (isinstance(value, int) and not isinstance(value, bool) and value in SCALES[kind]):
        scale = SCALES[kind]
        return _("Välj ett värde från %(low)d till %(high)d.") % {"low": scale[0], "high": scale[-1]}
    if kind == FieldKind.DATE and not (isinstance(value, date) and value <= timezone.localdate()):
        return _("Ange ett datum som inte ligger i framtiden.")
    if kind == FieldKind.CHOICE and value not in {code for code, _sv, _en in definition.choices}:
        return _("Välj ett av alternativen.")
    if kind == FieldKind.TEXT and not (isinstance(value, str) and len(value.strip()) <= SHORT_TEXT):
        return _("Högst %(n)d tecken.") % {"n": SHORT_TEXT}
    return None


def _values(problems: Problems, data: OutcomeInput, in_use: list[OutcomeField]) -> list[tuple[OutcomeField, Value]]:
    by_key = {f.key: f for f in in_use}
    for key in sorted(set(data.values) - set(by_key)):
        problems.add(value_field(key), _("Frågan används inte längre."), "unknown_field")
    given = []
    for key, definition in by_key.items():
        value = data.values.get(key)
        if _blank(value):
            continue
        problem = _value_problem(definition, value)
        if problem:
            problems.add(value_field(key), problem, definition.kind)
        else:
            given.append((definition, value))
    return given


def _check_record(problems: Problems, data: OutcomeInput, participation: Participation) -> None:
    if data.occasion not in Occasion.values:
        problems.add("occasion", _("Välj tillfälle."), "occasion")
    else:
        due = occasion_due(participation, data.occasion)
        if due is None:
            problems.add(
                "occasion", _("Tillfällena efter avslutet kommer först när deltagandet har avslutats."), "not_yet"
            )
        elif data.recorded_on < due.opens_on:
            problems.add(
                "recorded_on",
                _("Tillfället kan registreras från %(day)s.") % {"day": due.opens_on.isoformat()},
                "too_early",
            )
    if data.recorded_on > timezone.localdate():
        problems.add("recorded_on", _("Datumet kan inte ligga i framtiden."), "future")
    if data.source not in OutcomeSource.values:
        problems.add("source", _("Välj varifrån uppgifterna kommer."), "source")
    words = data.child_words.strip()
    if not words:
        problems.add(
            "child_words", _("Skriv vad barnet själv sa om trygghet och mående, eller varför det saknas."), "required"
        )
    elif len(words) > TEXT_LIMIT:
        problems.add("child_words", _("Högst %(n)d tecken.") % {"n": TEXT_LIMIT}, "max_length")


def _corrected(problems: Problems, data: OutcomeInput, participation: Participation) -> OutcomeRecord | None:
    if data.corrects is None or data.corrects == "":
        standing = OutcomeRecord.objects.filter(
            participation=participation, occasion=data.occasion, corrected_by__isnull=True
        )
        if standing.exists():
            problems.add("occasion", _("Tillfället är redan registrerat. Rätta registreringen i stället."), "recorded")
        return None
    key = parse_uuid(data.corrects)
    record = (
        OutcomeRecord.objects.filter(participation=participation, public_id=key, corrected_by__isnull=True).first()
        if key
        else None
    )
    if record is None:
        problems.add(
            "corrects", _("Det som rättas ska vara den senaste registreringen i detta deltagande."), "corrects"
        )
    elif record.occasion != data.occasion:
        problems.add("occasion", _("En rättelse gäller samma tillfälle som det den rättar."), "corrects_occasion")
    return record


def outcome_record(
    *, actor: Actor, case_public_id: object, participation_id: UUID | str, data: OutcomeInput
) -> OutcomeRecord:
    with changing_case(
        actor, case_public_id, view_name="programme.outcome_record", action=CaseAction.PROGRAMME
    ) as case:
        # An ended participation too: three of the occasions come after the end.
        participation = locked_participation(case, participation_id)
        problems = Problems()
        _check_record(problems, data, participation)
        corrects = _corrected(problems, data, participation)
        given = _values(problems, data, fields_in_use(data.recorded_on))
        problems.raise_any()
        record = OutcomeRecord.objects.create(
            participation=participation,
            occasion=data.occasion,
            recorded_on=data.recorded_on,
            source=data.source,
            child_words=data.child_words.strip(),
            corrects=corrects,
            recorded_by=actor.user,
        )
        OutcomeValue.objects.bulk_create(_value_row(record, definition, value) for definition, value in given)
        return record


def _value_row(record: OutcomeRecord, definition: OutcomeField, value: Value) -> OutcomeValue:
    row = OutcomeValue(record=record, field=definition)
    kind = definition.kind
    if kind == FieldKind.YES_NO:
        row.flag = bool(value)
    elif kind == FieldKind.DATE:
        row.day = value  # type: ignore[assignment]
    elif kind == FieldKind.CHOICE:
        row.code = str(value)
    elif kind == FieldKind.TEXT:
        row.text = str(value).strip()
    else:
        row.number = value  # type: ignore[assignment]
    return row
