"""Reading assessments, always through `access` and logged: the case's assessments with change per
domain, one assessment, and what the form for a new one offers.

The change is shown per domain, per item, for this one child over time. There is no total, no sum
across domains and no ordering of anything by a rating (`assessments/tests/test_no_scores.py` holds that line).
"""

from dataclasses import dataclass, field

from django.http import Http404

from access.actor import Actor
from access.models import AccessAction
from access.permissions import CaseAction
from access.reads import CaseRead, reading_case
from assessments.models import Assessment, Instrument, Rating
from assessments.structure import DomainView, ItemView, Structure, structure, structures
from cases.models import Case
from core.uuids import parse_uuid
from web.chart import Chart, Series, line_chart

CHART_HEIGHT = 140


@dataclass(frozen=True)
class Cell:
    item: ItemView
    rating: Rating | None

    @property
    def label(self) -> str:
        return self.item.label_of(self.rating.value) if self.rating else ""


@dataclass(frozen=True)
class ChangeRow:
    assessment: Assessment
    cells: list[Cell]


@dataclass(frozen=True)
class DomainChange:
    """One domain's items across the assessments, oldest first: the table, and the chart when it shows change."""

    domain: DomainView
    rows: list[ChangeRow]
    chart: Chart | None

    @property
    def any_rating(self) -> bool:
        return any(cell.rating for row in self.rows for cell in row.cells)


@dataclass(frozen=True)
class InstrumentHistory:
    structure: Structure
    assessments: list[Assessment]  # newest first, corrected ones included
    changes: list[DomainChange]
    corrected: set[int] = field(default_factory=set)  # ids of assessments a later one corrects
    ratings: dict[int, dict[int, Rating]] = field(default_factory=dict)  # by assessment, then item

    @property
    def instrument(self) -> Instrument:
        return self.structure.instrument


@dataclass(frozen=True)
class AssessmentsPage:
    read: CaseRead
    histories: list[InstrumentHistory]
    instruments: list[Instrument]  # what a new assessment may use

    @property
    def case(self) -> Case:
        return self.read.case


def _ratings(assessments: list[Assessment]) -> dict[int, dict[int, Rating]]:
    """Every rating of these assessments in one query, by assessment and item."""
    by_assessment: dict[int, dict[int, Rating]] = {a.pk: {} for a in assessments}
    for rating in Rating.objects.filter(assessment__in=assessments):
        by_assessment[rating.assessment_id][rating.item_id] = rating
    return by_assessment


def _change(domain: DomainView, current: list[Assessment], ratings: dict[int, dict[int, Rating]]) -> DomainChange:
    rows = [
        ChangeRow(assessment=a, cells=[Cell(item=i, rating=ratings[a.pk].get(i.item.pk)) for i in domain.items])
        for a in current
    ]
    series: list[Series] = []
    for n, item in enumerate(domain.items):
        if not item.values:
            continue  # words only: the table shows them
        values = [
            (row.assessment.assessed_on, item.level_of(cell.rating.value))
            for row in rows
            if (cell := row.cells[n]).rating is not None and cell.rating.value in item.allowed
        ]
        series.append(Series(name=item.column, levels=len(item.values), values=values))
    # Two values at least: a single assessment shows no change, and the table says it.
    chart = line_chart(series, height=CHART_HEIGHT, fewest=2) if series else None
    return DomainChange(domain=domain, rows=rows, chart=chart)


def _histories(assessments: list[Assessment]) -> list[InstrumentHistory]:
    instruments = list({a.instrument_id: a.instrument for a in assessments}.values())
    shapes = structures(instruments)
    ratings = _ratings(assessments)
    corrected = {a.corrects_id for a in assessments if a.corrects_id}
    histories = []
    for instrument in instruments:
        own = [a for a in assessments if a.instrument_id == instrument.pk]
        # A corrected assessment is replaced by its correction in the change over time.
        current = sorted((a for a in own if a.pk not in corrected), key=lambda a: (a.assessed_on, a.pk))
        changes = [_change(d, current, ratings) for d in shapes[instrument.pk].domains]
        histories.append(
            InstrumentHistory(
                structure=shapes[instrument.pk],
                assessments=sorted(own, key=lambda a: (a.assessed_on, a.pk), reverse=True),
                changes=changes,
                corrected=corrected,
                ratings=ratings,
            )
        )
    return histories


def assessments_page(
    actor: Actor,
    public_id: object,
    *,
    view_name: str = "assessments.list",
    action: AccessAction = AccessAction.VIEW,
) -> AssessmentsPage:
    """The case's assessments, by instrument, with change per domain; a fixed number of queries."""
    with reading_case(actor, public_id, view_name=view_name, action=action) as read:
        assessments = list(
            Assessment.objects.filter(case=read.case)
            .select_related("instrument", "assessed_by", "corrects")
            .order_by("assessed_on", "id")
        )
        return AssessmentsPage(read=read, histories=_histories(assessments), instruments=current_instruments())


def current_instruments() -> list[Instrument]:
    """The newest version of each instrument: what a new assessment is made with."""
    newest: dict[str, Instrument] = {}
    for instrument in Instrument.objects.order_by("key", "loaded_at", "id"):
        newest[instrument.key] = instrument
    return list(newest.values())


@dataclass(frozen=True)
class DomainAnswers:
    domain: DomainView
    cells: list[Cell]


@dataclass(frozen=True)
class AssessmentDetail:
    read: CaseRead
    assessment: Assessment
    domains: list[DomainAnswers]
    corrected_by: Assessment | None

    @property
    def case(self) -> Case:
        return self.read.case


def assessment_detail(actor: Actor, public_id: object, assessment_id: object) -> AssessmentDetail:
    with reading_case(actor, public_id, view_name="assessments.detail") as read:
        key = parse_uuid(assessment_id)
        assessment = (
            Assessment.objects.filter(case=read.case, public_id=key)
            .select_related("instrument", "assessed_by", "corrects")
            .first()
            if key
            else None
        )
        if assessment is None:
            raise Http404
        ratings = _ratings([assessment])[assessment.pk]
        shape = structure(assessment.instrument)
        return AssessmentDetail(
            read=read,
            assessment=assessment,
            domains=[
                DomainAnswers(domain=d, cells=[Cell(item=i, rating=ratings.get(i.item.pk)) for i in d.items])
                for d in shape.domains
            ],
            corrected_by=assessment.corrections.select_related("assessed_by").first(),
        )


OPEN_INSTRUMENT = "utvag-oppen"


def instrument_for_form(instrument_id: str | None) -> Structure | None:
    """The instrument a new assessment is made with: the one asked for by id, else the newest open one.
    Instruments hold no personal data, so this read is not logged; the case's read is (`form_case`)."""
    chosen = None
    if instrument_id and instrument_id.isdigit():
        chosen = Instrument.objects.filter(pk=int(instrument_id)).first()
    elif not instrument_id:
        chosen = Instrument.objects.filter(key=OPEN_INSTRUMENT).order_by("-loaded_at", "-id").first()
    return structure(chosen) if chosen else None


@dataclass(frozen=True)
class FormCase:
    read: CaseRead
    corrects: Assessment | None

    @property
    def case(self) -> Case:
        return self.read.case


def form_case(actor: Actor, public_id: object, *, corrects: str = "") -> FormCase:
    """The case a new assessment is for, read for the ASSESS action, and the assessment it corrects."""
    with reading_case(actor, public_id, view_name="assessments.assessment.form", for_action=CaseAction.ASSESS) as read:
        key = parse_uuid(corrects) if corrects else None
        earlier = Assessment.objects.filter(case=read.case, public_id=key).first() if key else None
        return FormCase(read=read, corrects=earlier)
