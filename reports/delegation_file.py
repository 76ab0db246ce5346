"""The report of decisions under delegation as the rows of a file, for `reports.exports`.

The same rows as the report page (`reports.delegation`), in the same order: item by item as the
committee numbers them, then by day and diarienummer, förhandsbedömningar without an item last. The
decisions and the förhandsbedömningar are read as two streams ordered in the database (each item's
place in the order is a CASE over the few items of the period) and merged, so memory stays flat
however many decisions the period holds.
"""

import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import models
from django.db.models import F, Q, QuerySet, Value, When
from django.utils.translation import gettext as _

from access import selectors as access
from access.actor import Actor
from decisions.models import Decision
from delegation.models import DecisionKind, DelegationItem
from intake.models import DELEGATION_KINDS, PreliminaryAssessment, PreliminaryDecision
from reports.delegation import natural_order, overlapping

CHUNK = 2000
Subject = tuple[int | None, int | None]
_SIGNER_AND_KIND = ("first", "last", "username", "code")
_COLUMNS = ("Punkt i delegationsordningen", "Delegat", "Diarienummer", "Beslutstyp", "Beslutsdatum", "Signerat av")


@dataclass(frozen=True)
class DelegationFile:
    total: int
    header: list[str]
    rows: Iterator[tuple[list[object], list[Subject]]]


def delegation_file(actor: Actor, *, first_day: date, last_day: date) -> DelegationFile:
    """The unit's decisions in the period as the unit manager may see them (emergency access does not widen it)."""
    cases = access.visible_cases(actor.user, include_emergency=False)
    period = {"decided_on__gte": first_day, "decided_on__lte": last_day}
    decisions = Decision.objects.filter(case__in=cases, **period)
    preliminaries = PreliminaryAssessment.objects.filter(signal__case__in=cases, **period)
    used = set(decisions.values_list("delegation_id", flat=True).distinct())
    used |= set(preliminaries.exclude(delegation=None).values_list("delegation_id", flat=True).distinct())
    items = sorted(
        DelegationItem.objects.filter(overlapping(first_day, last_day) | Q(pk__in=used)),
        key=lambda item: (natural_order(item.code), item.valid_from),
    )
    place = models.Case(
        *(When(delegation_id=item.pk, then=Value(rank)) for rank, item in enumerate(items)),
        default=Value(len(items)),
        output_field=models.IntegerField(),
    )
    header = [*(_(column) for column in _COLUMNS), _("Förhandsbedömning")]
    total = decisions.count() + preliminaries.count()
    streams = (_decisions(decisions, place), _preliminaries(preliminaries, place))
    merged = heapq.merge(*streams, key=lambda row: (row["place"], row["decided_on"], row["reference"]))
    return DelegationFile(total=total, header=header, rows=_rows(merged, {item.pk: item for item in items}))


def _ordered(rows: QuerySet[Any], place: models.Case, case: str) -> Iterator[dict[str, Any]]:
    ordered: Iterator[dict[str, Any]] = (
        rows.annotate(place=place)
        .order_by("place", "decided_on", f"{case}__reference", "id")
        .values(
            "place",
            "decided_on",
            "delegation_id",
            *_SIGNER_AND_KIND,
            reference=F(f"{case}__reference"),
            case_pk=F(f"{case}_id"),
            child_id=F(f"{case}__child_id"),
        )
        .iterator(chunk_size=CHUNK)
    )
    return ordered


def _decisions(decisions: QuerySet[Decision], place: models.Case) -> Iterator[dict[str, Any]]:
    rows = decisions.annotate(
        first=F("signed_by__first_name"), last=F("signed_by__last_name"), username=F("signed_by__username")
    )
    for row in _ordered(rows.annotate(code=F("kind")), place, "case"):
        yield {**row, "kind_label": str(DecisionKind(row["code"]).label), "preliminary": False}


def _preliminaries(preliminaries: QuerySet[PreliminaryAssessment], place: models.Case) -> Iterator[dict[str, Any]]:
    rows = preliminaries.annotate(
        first=F("decided_by__first_name"), last=F("decided_by__last_name"), username=F("decided_by__username")
    )
    for row in _ordered(rows.annotate(code=F("decision")), place, "signal__case"):
        label = DELEGATION_KINDS[PreliminaryDecision(row["code"])].label
        yield {**row, "kind_label": str(label), "preliminary": True}


def _rows(
    merged: Iterator[dict[str, Any]], items: dict[int, DelegationItem]
) -> Iterator[tuple[list[object], list[Subject]]]:
    for row in merged:
        item = items.get(row["delegation_id"]) if row["delegation_id"] else None
        signer = f"{row['first']} {row['last']}".strip() or row["username"]
        cells: list[object] = [
            item.code if item else "",
            item.delegate if item else "",
            row["reference"],
            row["kind_label"],
            row["decided_on"].isoformat(),
            signer,
            _("Ja") if row["preliminary"] else _("Nej"),
        ]
        yield cells, [(row["child_id"], row["case_pk"])]
