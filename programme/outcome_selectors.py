"""Reading outcomes: the participation's occasions and records, one record with the plan and the ending
beside it, and what the form offers. Every read starts from the case, through `access`, and is logged.

Plan goals met and the ending are read, not recorded again: the plan's follow-ups and the participation's
end already hold them, and a second copy typed into the outcome could disagree with the first.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.models import AccessAction
from access.permissions import CaseAction
from access.reads import CaseRead, reading_case
from core.uuids import parse_uuid
from programme.models import ItemReview, ItemStatus, Participation, PlanItem
from programme.occasions import Due, Status, occasions
from programme.outcome_models import FieldKind, OutcomeField, OutcomeRecord, OutcomeValue
from programme.outcomes import fields_in_use
from programme.rows import participation_in_case


@dataclass(frozen=True)
class OccasionRow:
    due: Due
    record: OutcomeRecord | None  # the record that stands (not corrected), None when none

    @property
    def may_record(self) -> bool:
        return self.due.status not in (Status.UPCOMING, Status.RECORDED)


@dataclass(frozen=True)
class OutcomesPage:
    read: CaseRead
    participation: Participation
    occasions: list[OccasionRow]
    records: list[OutcomeRecord]  # newest first, corrected ones too
    values: dict[int, list[OutcomeValue]] = field(default_factory=dict)  # by record id, when asked for


def _standing(records: list[OutcomeRecord]) -> dict[str, OutcomeRecord]:
    """The record that stands for each occasion: the one no later record corrects."""
    corrected = {r.corrects_id for r in records if r.corrects_id is not None}
    return {r.occasion: r for r in sorted(records, key=lambda r: r.pk) if r.pk not in corrected}


def occasion_rows(participation: Participation, records: list[OutcomeRecord], today: date) -> list[OccasionRow]:
    standing = _standing(records)
    return [OccasionRow(due, standing.get(due.occasion)) for due in occasions(participation, set(standing), today)]


def _records(participation: Participation) -> list[OutcomeRecord]:
    return list(participation.outcomes.select_related("recorded_by").order_by("-recorded_on", "-id"))


def outcomes_page(
    actor: Actor,
    public_id: object,
    participation_id: object,
    *,
    view_name: str = "programme.outcomes",
    action: AccessAction = AccessAction.VIEW,
    with_values: bool = False,
) -> OutcomesPage:
    with reading_case(actor, public_id, view_name=view_name, action=action) as read:
        participation = participation_in_case(read.case, participation_id)  # type: ignore[arg-type]
        records = _records(participation)
        values: dict[int, list[OutcomeValue]] = {r.pk: [] for r in records}
        if with_values:
            for value in OutcomeValue.objects.filter(record__in=records).select_related("field"):
                values[value.record_id].append(value)
        return OutcomesPage(
            read=read,
            participation=participation,
            occasions=occasion_rows(participation, records, timezone.localdate()),
            records=records,
            values=values,
        )


def shown(value: OutcomeValue) -> str:
    """A value as the page shows it, in the reader's language."""
    kind = value.field.kind
    if kind == FieldKind.YES_NO:
        return str(_("Ja") if value.flag else _("Nej"))
    if kind == FieldKind.DATE:
        return value.day.isoformat() if value.day else ""
    if kind == FieldKind.CHOICE:
        return str(dict(value.field.coded()).get(value.code, value.code))
    if kind == FieldKind.TEXT:
        return str(value.text)
    return str(value.number)


@dataclass(frozen=True)
class ValueRow:
    field: OutcomeField
    shown: str  # "" when not known


@dataclass(frozen=True)
class OutcomePage:
    read: CaseRead
    participation: Participation
    record: OutcomeRecord
    rows: list[ValueRow]
    corrected_by: OutcomeRecord | None
    goals: list[tuple[str, int]]  # the plan's goals by status (its label) on the record's day
    may_correct: bool


def _values_of(record: OutcomeRecord) -> list[ValueRow]:
    """Every field in use on the record's day, known or not, and any other field the record has a value for."""
    values = {v.field_id: v for v in OutcomeValue.objects.filter(record=record).select_related("field")}
    in_use = fields_in_use(record.recorded_on)
    extra = [v.field for v in values.values() if v.field not in in_use]
    return [
        ValueRow(field=f, shown=shown(values[f.pk]) if f.pk in values else "")
        for f in sorted(in_use + extra, key=lambda f: (f.position, f.pk))
    ]


def goals_on(participation: Participation, day: date) -> list[tuple[str, int]]:
    """How many of the plan's goals stood at each status on `day`, by the last follow-up up to then."""
    items = list(PlanItem.objects.filter(participation=participation, starts_on__lte=day).values_list("pk", flat=True))
    status = dict.fromkeys(items, ItemStatus.PLANNED.value)
    reviews = ItemReview.objects.filter(item__in=items, follow_up__held_on__lte=day).order_by(
        "follow_up__held_on", "id"
    )
    for item_id, reviewed in reviews.values_list("item_id", "status"):
        status[item_id] = reviewed
    counts = Counter(status.values())
    return [(str(status.label), counts[status.value]) for status in ItemStatus if counts[status.value]]


def outcome_page(actor: Actor, public_id: object, participation_id: object, outcome_id: object) -> OutcomePage:
    with reading_case(actor, public_id, view_name="programme.outcome") as read:
        participation = participation_in_case(read.case, participation_id)  # type: ignore[arg-type]
        key = parse_uuid(outcome_id)
        record = (
            participation.outcomes.select_related("recorded_by", "corrects").filter(public_id=key).first()
            if key
            else None
        )
        if record is None:
            raise Http404
        corrected_by = OutcomeRecord.objects.filter(corrects=record).select_related("recorded_by").first()
        return OutcomePage(
            read=read,
            participation=participation,
            record=record,
            rows=_values_of(record),
            corrected_by=corrected_by,
            goals=goals_on(participation, record.recorded_on),
            may_correct=corrected_by is None and CaseAction.PROGRAMME in read.actions,
        )


@dataclass(frozen=True)
class OutcomeChoices:
    """What the form offers: the occasions that may be recorded now, the fields in use, and for a
    correction the record it corrects with its values."""

    read: CaseRead
    participation: Participation
    occasions: list[OccasionRow]
    fields: list[OutcomeField]
    corrects: OutcomeRecord | None
    corrects_values: dict[str, object]


def _initial(record: OutcomeRecord) -> dict[str, object]:
    initial: dict[str, object] = {}
    for value in OutcomeValue.objects.filter(record=record).select_related("field"):
        kind = value.field.kind
        initial[value.field.key] = (
            ("yes" if value.flag else "no")
            if kind == FieldKind.YES_NO
            else value.day
            if kind == FieldKind.DATE
            else value.code
            if kind == FieldKind.CHOICE
            else value.text
            if kind == FieldKind.TEXT
            else value.number
        )
    return initial


def outcome_choices(actor: Actor, public_id: object, participation_id: object, corrects: object) -> OutcomeChoices:
    with reading_case(
        actor, public_id, view_name="programme.outcome_record.form", for_action=CaseAction.PROGRAMME
    ) as read:
        participation = participation_in_case(read.case, participation_id)  # type: ignore[arg-type]
        records = _records(participation)
        key = parse_uuid(corrects) if corrects else None
        record = next((r for r in records if r.public_id == key), None) if key else None
        return OutcomeChoices(
            read=read,
            participation=participation,
            occasions=occasion_rows(participation, records, timezone.localdate()),
            fields=fields_in_use(timezone.localdate()),
            corrects=record,
            corrects_values=_initial(record) if record else {},
        )
