"""The läges- och behovsanalys: what the municipality offers against what the unit's plans ask for.

The social services' answer to the motion promised one before the new Social Services Act (2025:400):
which supports the target group is offered. For each service in the catalogue, its places, how many
running goals in the unit's plans it carries and how many of those wait to start, and, for a service
given without an individual needs assessment, the past year's anonymous count; for each domain of the
plan, how many running goals no service in the catalogue carries. Figures only: no child, no case.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from access import rules
from access import selectors as access
from access.actor import Actor
from access.reads import refuse
from catalogue.models import AnonymousCount, Service
from catalogue.selectors import first_countable_month, offered_on
from programme.models import CLOSED_STATUSES, InsatsKind, ItemStatus, PlanDomain, PlanItem

VIEW_NAME = "reports.needs_analysis"


@dataclass(frozen=True)
class ServiceLine:
    service: Service
    carrying: int  # running goals in the unit's plans that name it
    waiting: int  # of which planned, with a start day that has come, and not begun
    counted: int | None  # given without needs assessment: the past year's anonymous count

    @property
    def over_capacity(self) -> bool:
        return self.service.capacity is not None and self.carrying > self.service.capacity


@dataclass(frozen=True)
class DomainLine:
    domain: str  # the label
    running: int
    without_service: int  # running goals that no service in the catalogue carries
    by_insats: list[tuple[str, int]]  # of those, by what carries them instead, largest first


@dataclass(frozen=True)
class NeedsAnalysis:
    on: date
    services: list[ServiceLine]
    domains: list[DomainLine]


def needs_analysis(actor: Actor) -> NeedsAnalysis:
    """In four queries, however many plans: the services, two groupings of the goals, the counts."""
    if not rules.may_analyse_needs(actor.user):
        refuse(actor, view_name=VIEW_NAME)
    today = timezone.localdate()
    running = PlanItem.objects.filter(participation__case__in=access.counted_cases(actor.user)).exclude(
        status__in=CLOSED_STATUSES
    )
    services = list(Service.objects.filter(offered_on(today)))
    return NeedsAnalysis(
        on=today,
        services=_service_lines(services, running, today),
        domains=_domain_lines(running),
    )


def _service_lines(services: list[Service], running: QuerySet[PlanItem], today: date) -> list[ServiceLine]:
    carried = {
        row["service_id"]: (row["carrying"], row["waiting"])
        for row in running.filter(service__isnull=False)
        .values("service_id")
        .annotate(carrying=Count("id"), waiting=Count("id", filter=Q(status=ItemStatus.PLANNED, starts_on__lte=today)))
    }
    counted = dict(
        AnonymousCount.objects.filter(
            service__in=[s for s in services if s.without_assessment],
            month__gte=first_countable_month(today),
            corrected_by__isnull=True,
        )
        .values("service_id")
        .annotate(total=Sum("count"))
        .values_list("service_id", "total")
    )
    return [
        ServiceLine(
            service=s,
            carrying=carried.get(s.pk, (0, 0))[0],
            waiting=carried.get(s.pk, (0, 0))[1],
            counted=counted.get(s.pk, 0) if s.without_assessment else None,
        )
        for s in services
    ]


def _domain_lines(running: QuerySet[PlanItem]) -> list[DomainLine]:
    rows = list(
        running.values("domain", "insats")
        .annotate(total=Count("id"), without=Count("id", filter=Q(service__isnull=True)))
        .order_by()
    )
    lines = []
    for domain in PlanDomain:
        mine = [row for row in rows if row["domain"] == domain]
        by_insats = sorted(
            ((str(InsatsKind(row["insats"]).label), row["without"]) for row in mine if row["without"]),
            key=lambda pair: -pair[1],
        )
        lines.append(
            DomainLine(
                domain=str(domain.label),
                running=sum(row["total"] for row in mine),
                without_service=sum(row["without"] for row in mine),
                by_insats=by_insats,
            )
        )
    return lines
