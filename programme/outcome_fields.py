"""Keeping the outcome fields (issue 14 point 8): a field is added or retired, never changed or deleted.

A record's value means what its field meant when it was recorded, so a field's key, kind, wording and
codes stay as they were made; a better question is a new field, and the old one is retired from a day.
A field takes effect from today or later, never earlier: an occasion already recorded would otherwise
look as if it had left a question out. No personal data is read or written here, so nothing is logged
but a refused attempt.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from access import rules
from access.actor import Actor
from access.reads import refuse
from core.errors import Problems
from programme.outcome_models import FieldKind, OutcomeField

VIEW_NAME = "programme.outcome_fields"
KEY = re.compile(r"[a-z][a-z0-9_]{1,39}")
CODE = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")


@dataclass(frozen=True)
class FieldInput:
    key: str
    group: str
    label_sv: str
    label_en: str
    kind: str
    position: int
    valid_from: date
    help_sv: str = ""
    help_en: str = ""
    choices: str = ""  # one code a line: "code; svensk text; English text"


def outcome_fields(actor: Actor) -> list[OutcomeField]:
    _managing(actor)
    return list(OutcomeField.objects.order_by("position", "id"))


def outcome_field(actor: Actor, key: str) -> OutcomeField:
    _managing(actor)
    field = OutcomeField.objects.filter(key=key).first()
    if field is None:
        raise Http404
    return field


def outcome_field_add(*, actor: Actor, data: FieldInput) -> OutcomeField:
    _managing(actor)  # outside the transaction: the refusal's log row must outlive the 404
    with transaction.atomic():
        return _add(data)


def _add(data: FieldInput) -> OutcomeField:
    problems = Problems()
    if not KEY.fullmatch(data.key):
        problems.add("key", _("Nyckeln får bara ha små bokstäver a–z, siffror och understreck."), "key")
    elif OutcomeField.objects.filter(key=data.key).exists():
        taken = _("Det finns redan en fråga med den nyckeln. En avvecklad nyckel används inte igen.")
        problems.add("key", taken, "key_taken")
    for name in ("group", "label_sv", "label_en"):
        if not getattr(data, name).strip():
            problems.add(name, _("Fyll i detta."), "required")
    if data.kind not in FieldKind.values:
        problems.add("kind", _("Välj en typ."), "kind")
    choices = _choices(problems, data)
    if data.valid_from < timezone.localdate():
        problems.add("valid_from", _("En fråga kan gälla från i dag eller senare, inte bakåt i tiden."), "past")
    problems.raise_any()
    return OutcomeField.objects.create(
        key=data.key,
        group=data.group.strip(),
        label_sv=data.label_sv.strip(),
        label_en=data.label_en.strip(),
        help_sv=data.help_sv.strip(),
        help_en=data.help_en.strip(),
        kind=data.kind,
        choices=choices,
        position=data.position,
        valid_from=data.valid_from,
    )


def outcome_field_retire(*, actor: Actor, key: str, retired_on: date) -> OutcomeField:
    _managing(actor)
    with transaction.atomic():
        return _retire(key, retired_on)


def _retire(key: str, retired_on: date) -> OutcomeField:
    field = OutcomeField.objects.select_for_update().filter(key=key).first()
    if field is None:
        raise Http404
    problems = Problems()
    if field.retired_on is not None:
        problems.add("retired_on", _("Frågan är redan avvecklad."), "retired")
    elif retired_on < timezone.localdate():
        problems.add("retired_on", _("En fråga kan avvecklas från i dag eller senare, inte bakåt i tiden."), "past")
    elif retired_on <= field.valid_from:
        problems.add("retired_on", _("Frågan måste avvecklas efter den dag den börjar gälla."), "before_start")
    problems.raise_any()
    OutcomeField.objects.filter(pk=field.pk).update(retired_on=retired_on)
    field.retired_on = retired_on
    return field


def _managing(actor: Actor) -> None:
    if not rules.may_manage_outcome_fields(actor.user):
        refuse(actor, view_name=VIEW_NAME)


def _choices(problems: Problems, data: FieldInput) -> list[list[str]]:
    lines = [line for line in data.choices.splitlines() if line.strip()]
    if data.kind != FieldKind.CHOICE:
        if lines:
            problems.add("choices", _("Bara en fråga av typen val bland koder har koder."), "not_choice")
        return []
    rows = [[part.strip() for part in line.split(";")] for line in lines]
    if len(rows) < 2:
        problems.add("choices", _("Ge minst två koder, en per rad."), "too_few")
    elif any(len(row) != 3 or not all(row) for row in rows):
        problems.add("choices", _("Varje rad ska ha kod; svensk text; engelsk text."), "shape")
    elif any(not CODE.fullmatch(row[0]) for row in rows):
        problems.add("choices", _("En kod får bara ha små bokstäver a–z, siffror och bindestreck."), "code")
    elif len({row[0] for row in rows}) != len(rows):
        problems.add("choices", _("Samma kod står två gånger."), "duplicate")
    return rows
