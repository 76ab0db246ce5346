"""What the field pages show: the worker's own contacts today, and the unit's figures for the committee.

Neither shows a person (a contact names no one), so neither writes a read to the access log; a role
without the rule gets the house's refusal, a `denied` row and a 404.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import cast

from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from access import rules
from access.actor import Actor
from access.reads import refuse
from outreach.models import AGE_BANDS, OutreachArea, OutreachContact
from outreach.services import areas_for, unit_of

# The house's small-number rule (reports.outcomes): a figure from 1 to SMALL - 1 is shown as "fewer than
# SMALL", and a total is withheld when it would give a hidden figure back by subtraction.
SMALL = 5
REPORT_MONTHS = 12


@dataclass(frozen=True)
class FieldPage:
    areas: list[OutreachArea]
    today: list[OutreachContact]


def field_page(actor: Actor) -> FieldPage:
    """Two queries however many contacts: the areas, and this worker's own contacts today."""
    if not rules.may_log_outreach(actor.user):
        refuse(actor, view_name="outreach.field")
    today = timezone.localdate()
    contacts = (
        OutreachContact.objects.filter(recorded_by=actor.user, day=today)
        .select_related("area")
        .order_by("-recorded_at", "-id")
    )
    return FieldPage(areas=areas_for(unit_of(actor)), today=list(contacts))


@dataclass(frozen=True)
class Cell:
    value: int
    withheld: bool = False  # it would give a hidden cell back

    @property
    def hidden(self) -> bool:
        return self.withheld or 0 < self.value < SMALL


@dataclass(frozen=True)
class AreaRow:
    area: str
    cells: list[Cell]  # one per age band, in AGE_BANDS' order


@dataclass(frozen=True)
class MonthBlock:
    month: date
    rows: list[AreaRow]
    totals: list[Cell]  # per age band over the areas


@dataclass(frozen=True)
class OutreachReport:
    first_month: date
    bands: list[str]
    small: int
    months: list[MonthBlock]


def _first_month(today: date) -> date:
    month = today.month - (REPORT_MONTHS - 1)
    year = today.year + (month - 1) // 12
    return date(year, (month - 1) % 12 + 1, 1)


def _total(cells: list[Cell]) -> Cell:
    value = sum(c.value for c in cells)
    # One hidden cell with the rest shown would follow from the total: then the total is hidden too.
    return Cell(value, withheld=sum(1 for c in cells if c.hidden) == 1)


def outreach_report(actor: Actor) -> OutreachReport:
    """The unit's contacts of the last twelve months by month, area and age band: one query."""
    if not rules.may_report_outreach(actor.user):
        refuse(actor, view_name="outreach.report")
    unit_id = actor.user.unit_id
    assert unit_id is not None, "may_report_outreach asks for a unit"
    first = _first_month(timezone.localdate())
    sums = (
        OutreachContact.objects.filter(unit_id=unit_id, day__gte=first)
        .annotate(month=TruncMonth("day"))
        .values("month", "area__name")
        .annotate(**{name: Sum(name) for name, _label in AGE_BANDS})
        .order_by("-month", "area__name")
    )
    grouped: dict[date, list[AreaRow]] = defaultdict(list)
    for row in sums:
        values = cast(dict[str, int | None], row)
        cells = [Cell(values[name] or 0) for name, _label in AGE_BANDS]
        grouped[row["month"]].append(AreaRow(area=str(row["area__name"]), cells=cells))
    months = []
    for month, rows in grouped.items():
        totals = [_total([r.cells[i] for r in rows]) for i in range(len(AGE_BANDS))]
        months.append(MonthBlock(month=month, rows=rows, totals=totals))
    return OutreachReport(
        first_month=first, bands=[str(label) for _name, label in AGE_BANDS], small=SMALL, months=months
    )
