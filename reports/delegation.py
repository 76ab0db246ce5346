"""Reading decisions: the report of decisions taken under delegation (anmälan av delegationsbeslut).

Decisions taken under delegation are reported back to the committee. The unit manager draws up the
report for their unit: for each item of the delegation order, how many decisions were taken under it in
the period, and which. The report names cases by diarienummer only: no child, no reasons.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404

from access import rules
from access import selectors as access
from access.actor import Actor
from access.models import AccessAction
from access.reads import log_result_set
from accounts.models import User
from cases.models import Case
from decisions.models import Decision
from delegation.models import DecisionKind, DelegationItem
from intake.models import DELEGATION_KINDS, PreliminaryAssessment, PreliminaryDecision

# A report covers at most a year; committees usually get one a month.
MAX_PERIOD_DAYS = 366
VIEW_NAME = "decisions.delegation_report"
_SIGNER = ("first_name", "last_name", "username")


@dataclass(frozen=True)
class ReportedDecision:
    case_reference: str
    kind: str  # the label of decisions.DecisionKind
    decided_on: date
    item_code: str  # "" for a förhandsbedömning signed before it named its item
    signed_by: str
    preliminary: bool  # a förhandsbedömning (intake), not a decisions.Decision


@dataclass(frozen=True)
class ReportedItem:
    code: str
    delegate: str
    kind: str
    valid_from: date
    valid_to: date | None
    decisions: list[ReportedDecision] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.decisions)


@dataclass(frozen=True)
class DelegationReport:
    first_day: date
    last_day: date
    # Every item in force at some time in the period, and any other item named by a decision in it.
    items: list[ReportedItem]
    # Förhandsbedömningar signed before they named their item (intake migration 0004).
    without_item: list[ReportedDecision]
    # Decisions in the unit's cases about protected children the manager is not named for: counted, not shown.
    hidden: int

    @property
    def total(self) -> int:
        return sum(item.count for item in self.items) + len(self.without_item)

    @property
    def decisions(self) -> list[tuple[ReportedItem | None, ReportedDecision]]:
        """Every row, item by item (for the export)."""
        rows: list[tuple[ReportedItem | None, ReportedDecision]] = [
            (item, decision) for item in self.items for decision in item.decisions
        ]
        return rows + [(None, decision) for decision in self.without_item]


def _name(row: dict[str, Any], prefix: str) -> str:
    first, last, username = (row[f"{prefix}__{part}"] for part in _SIGNER)
    return f"{first} {last}".strip() or username


def overlapping(first_day: date, last_day: date) -> Q:
    return Q(valid_from__lte=last_day) & (Q(valid_to__isnull=True) | Q(valid_to__gte=first_day))


def delegation_report(actor: Actor, *, first_day: date, last_day: date) -> DelegationReport:
    """The unit manager's report for `first_day` to `last_day` (both included), in a constant number of queries.

    Every case shown is logged (LIST) in the same transaction; the file is made by the task worker
    (`reports.delegation_file`). Emergency access does not widen the report: it covers the unit's own cases.
    """
    if not rules.may_report_delegation(actor.user):
        raise Http404
    if not first_day <= last_day or (last_day - first_day).days >= MAX_PERIOD_DAYS:
        raise ValueError("the period must run forwards and be at most a year")
    period = {"decided_on__gte": first_day, "decided_on__lte": last_day}
    with transaction.atomic():
        cases = access.visible_cases(actor.user, include_emergency=False)
        decisions = list(
            Decision.objects.filter(case__in=cases, **period)
            .order_by("decided_on", "case__reference", "id")
            .values(
                "case_id",
                "case__child_id",
                "case__reference",
                "kind",
                "decided_on",
                "delegation_id",
                *(f"signed_by__{part}" for part in _SIGNER),
            )
        )
        preliminaries = list(
            PreliminaryAssessment.objects.filter(signal__case__in=cases, **period)
            .order_by("decided_on", "signal__case__reference", "id")
            .values(
                "signal__case_id",
                "signal__case__child_id",
                "signal__case__reference",
                "decision",
                "decided_on",
                "delegation_id",
                *(f"decided_by__{part}" for part in _SIGNER),
            )
        )
        used = {row["delegation_id"] for row in decisions + preliminaries if row["delegation_id"]}
        items = {
            item.pk: item for item in DelegationItem.objects.filter(overlapping(first_day, last_day) | Q(pk__in=used))
        }
        hidden = _hidden(actor.user, cases, period)
        shown: set[tuple[int, int]] = {(r["case__child_id"], r["case_id"]) for r in decisions}
        shown |= {(r["signal__case__child_id"], r["signal__case_id"]) for r in preliminaries}
        ordered = sorted(shown, key=lambda subject: subject[1])
        log_result_set(actor, action=AccessAction.LIST, view_name=VIEW_NAME, subjects=list(ordered))
    return _report(first_day, last_day, items, decisions, preliminaries, hidden)


def _hidden(user: User, cases: QuerySet[Case], period: dict[str, date]) -> int:
    """Decisions in the unit's cases that the manager may not see: only a number, never which."""
    if user.unit_id is None:
        return 0
    unit_cases = Case.objects.filter(team__unit_id=user.unit_id).exclude(pk__in=cases)
    decisions = Decision.objects.filter(case__in=unit_cases, **period).count()
    return decisions + PreliminaryAssessment.objects.filter(signal__case__in=unit_cases, **period).count()


def _report(
    first_day: date,
    last_day: date,
    items: dict[int, DelegationItem],
    decisions: list[dict[str, Any]],
    preliminaries: list[dict[str, Any]],
    hidden: int,
) -> DelegationReport:
    reported = {
        pk: ReportedItem(
            code=item.code,
            delegate=item.delegate,
            kind=str(item.get_decision_kind_display()),
            valid_from=item.valid_from,
            valid_to=item.valid_to,
        )
        for pk, item in items.items()
    }
    rows = [
        (
            row["delegation_id"],
            ReportedDecision(
                case_reference=row["case__reference"],
                kind=str(DecisionKind(row["kind"]).label),
                decided_on=row["decided_on"],
                item_code=items[row["delegation_id"]].code,
                signed_by=_name(row, "signed_by"),
                preliminary=False,
            ),
        )
        for row in decisions
    ]
    for row in preliminaries:
        item_id = row["delegation_id"]
        decision = ReportedDecision(
            case_reference=row["signal__case__reference"],
            kind=str(DELEGATION_KINDS[PreliminaryDecision(row["decision"])].label),
            decided_on=row["decided_on"],
            item_code=items[item_id].code if item_id else "",
            signed_by=_name(row, "decided_by"),
            preliminary=True,
        )
        rows.append((item_id, decision))
    without_item = []
    for item_id, decision in sorted(rows, key=lambda r: (r[1].decided_on, r[1].case_reference)):
        if item_id is None:
            without_item.append(decision)
        else:
            reported[item_id].decisions.append(decision)
    in_order = sorted(reported.values(), key=lambda item: (natural_order(item.code), item.valid_from))
    return DelegationReport(first_day, last_day, in_order, without_item, hidden)


def natural_order(code: str) -> list[tuple[int, str]]:
    """Sort key for item codes as the committee numbers them: "D 2.10" comes after "D 2.9"."""
    return [(int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"(\d+)", code)]
