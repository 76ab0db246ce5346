"""The committee's outcomes report (issue 14 point 8): what became of the children in the programme, in figures.

For the unit manager to take to the committee, which sees aggregates only. Per occasion (at entry, 6, 12 and
24 months after entry and after the end) and per outcome field: how many records answer it and what they
answer, summed over the children, never per child: a yes/no as how many said yes, a count as how many had
any and the total, a coded choice as a count per code, the child's own rating as a count per step. Dates
and free text are not figures and are left out. Corrected records count only in their correction.

A small count can point at a child the committee knows of, so any figure from 1 to SMALL - 1 is shown as
"fewer than SMALL" (Socialstyrelsen's statistics hide small cells the same way; the threshold is ours to
set with the data protection officer), and so is a part whose rest is that small (12 answered, 10 said yes:
the 2 who did not would follow from the 10). Protected children are counted, like the needs analysis: a
figure names no one.
"""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from access import rules
from access import selectors as access
from access.actor import Actor
from access.reads import refuse
from programme.consent import age_on
from programme.models import EndReason, Participation
from programme.outcome_models import SCALES, FieldKind, Occasion, OutcomeField, OutcomeRecord, OutcomeValue

VIEW_NAME = "reports.outcomes_report"
SMALL = 5
Row = Mapping[str, object]  # one group of values: occasion, field, answer, how many
FIGURES = (FieldKind.YES_NO, FieldKind.COUNT, FieldKind.CHOICE, FieldKind.SCALE_5, FieldKind.SCALE_10)
# The child's age on the day of first contact, in the bands the outcomes are followed by [ours].
AGE_BANDS = {"under-12": (0, 11), "12-14": (12, 14), "15-17": (15, 17), "18-21": (18, 21)}


@dataclass(frozen=True)
class Narrowing:
    """Which children the report counts: those who entered in a period, and of an age at entry."""

    entered_from: date | None = None
    entered_to: date | None = None
    age_band: str = ""  # a key of AGE_BANDS, or "" for every age


@dataclass(frozen=True)
class Figure:
    """A count as the committee may see it: the number, or that it is too small to show."""

    value: int
    of: int | None = None  # the whole it is a part of, whose rest must not be small either
    withheld: bool = False  # it would tell about a part that is hidden

    @property
    def hidden(self) -> bool:
        rest = None if self.of is None else self.of - self.value
        return self.withheld or 0 < self.value < SMALL or (rest is not None and 0 < rest < SMALL)


@dataclass(frozen=True)
class FieldLine:
    field: OutcomeField
    answered: Figure
    parts: list[tuple[str, Figure]]  # (what, how many): "ja", a code's label, a scale step, "totalt"


@dataclass(frozen=True)
class OccasionBlock:
    occasion: str  # the label
    records: Figure
    lines: list[FieldLine]


@dataclass(frozen=True)
class OutcomesReport:
    on: date
    small: int
    narrowing: Narrowing
    started: Figure
    running: Figure
    ended: list[tuple[str, Figure]]  # per coded end reason
    occasions: list[OccasionBlock]


def outcomes_report(actor: Actor, narrowing: Narrowing | None = None) -> OutcomesReport:
    """Four queries however many children (five with an age band): the participations, the records, the
    fields, the values grouped."""
    if not rules.may_report_outcomes(actor.user):
        refuse(actor, view_name=VIEW_NAME)
    narrowing = narrowing or Narrowing()
    participations = _narrowed(Participation.objects.filter(case__in=access.counted_cases(actor.user)), narrowing)
    counts = participations.aggregate(
        started=Count("id"),
        running=Count("id", filter=Q(ended_on__isnull=True)),
        **{reason.value: Count("id", filter=Q(end_reason=reason)) for reason in EndReason},
    )
    records = dict(
        OutcomeRecord.objects.filter(participation__in=participations, corrected_by__isnull=True)
        .values("occasion")
        .annotate(n=Count("id"))
        .values_list("occasion", "n")
    )
    fields = list(OutcomeField.objects.filter(kind__in=FIGURES))
    values = list(
        OutcomeValue.objects.filter(
            record__participation__in=participations, record__corrected_by__isnull=True, field__in=fields
        )
        .values("record__occasion", "field_id", "flag", "number", "code")
        .annotate(records=Count("record_id", distinct=True), total=Sum("number"))
        .order_by()
    )
    return OutcomesReport(
        on=timezone.localdate(),
        small=SMALL,
        narrowing=narrowing,
        started=Figure(counts["started"]),
        running=Figure(counts["running"]),
        ended=[(str(reason.label), Figure(counts[reason.value], of=counts["started"])) for reason in EndReason],
        occasions=_occasions(records, fields, values),
    )


def _narrowed(participations: QuerySet[Participation], narrowing: Narrowing) -> QuerySet[Participation]:
    if narrowing.entered_from:
        participations = participations.filter(raised_on__gte=narrowing.entered_from)
    if narrowing.entered_to:
        participations = participations.filter(raised_on__lte=narrowing.entered_to)
    if narrowing.age_band not in AGE_BANDS:
        return participations
    # The age on the day of entry, counted exactly as the consent rules count it: one query for the days.
    low, high = AGE_BANDS[narrowing.age_band]
    entries = participations.values_list("pk", "raised_on", "case__child__birth_date")
    chosen = [pk for pk, raised_on, birth in entries if low <= (age_on(birth, raised_on) or -1) <= high]
    return Participation.objects.filter(pk__in=chosen)


def _occasions(records: dict[str, int], fields: list[OutcomeField], values: Sequence[Row]) -> list[OccasionBlock]:
    grouped: dict[tuple[str, int], list[Row]] = defaultdict(list)
    for row in values:
        grouped[(str(row["record__occasion"]), int(str(row["field_id"])))].append(row)
    blocks = []
    for occasion in Occasion:
        if records.get(occasion.value):
            lines = [_line(f, grouped.get((occasion.value, f.pk), [])) for f in fields]
            blocks.append(
                OccasionBlock(
                    occasion=str(occasion.label),
                    records=Figure(records[occasion.value]),
                    lines=[line for line in lines if line.answered.value],
                )
            )
    return blocks


def _line(field: OutcomeField, rows: list[Row]) -> FieldLine:
    answered = sum(_int(row["records"]) for row in rows)
    return FieldLine(field=field, answered=Figure(answered), parts=_parts(field, rows, answered))


def _parts(field: OutcomeField, rows: list[Row], answered: int) -> list[tuple[str, Figure]]:
    if field.kind == FieldKind.YES_NO:
        return [(_("ja"), Figure(sum(_int(r["records"]) for r in rows if r["flag"] is True), of=answered))]
    if field.kind == FieldKind.COUNT:
        some = Figure(sum(_int(r["records"]) for r in rows if _int(r["number"]) > 0), of=answered)
        total = sum(_int(r["total"]) for r in rows)
        # The total of a hidden few would tell what they did: it goes with them.
        return [(_("minst en"), some), (_("totalt"), Figure(total, withheld=some.hidden))]
    if field.kind == FieldKind.CHOICE:
        by_code = {str(r["code"]): _int(r["records"]) for r in rows}
        return [(label, Figure(by_code.get(code, 0), of=answered)) for code, label in field.coded()]
    by_step = {_int(r["number"]): _int(r["records"]) for r in rows}
    return [(str(step), Figure(by_step.get(step, 0), of=answered)) for step in SCALES[field.kind]]


def _int(value: object) -> int:
    return int(str(value)) if value is not None else 0
