"""Reading the catalogue. Nothing here is personal data: a service, and counts that name no one."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from access import rules
from access.actor import Actor
from access.reads import refuse
from catalogue.models import AgeBand, AnonymousCount, Service
from catalogue.services import COUNTABLE_MONTHS


def offered_on(day: date) -> Q:
    return Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))


def for_plans(day: date) -> QuerySet[Service]:
    """What a plan goal may name: offered on the day and given after an individual needs assessment.

    A service given without one is counted, never tied to a child (`AnonymousCount`)."""
    return Service.objects.filter(offered_on(day), without_assessment=False)


@dataclass(frozen=True)
class Catalogue:
    offered: list[Service]
    ended: list[Service]
    may_manage: bool


def catalogue(actor: Actor) -> Catalogue:
    if not rules.may_read_catalogue(actor.user):
        refuse(actor, view_name="catalogue.catalogue")
    today = timezone.localdate()
    services = list(Service.objects.all())
    offered = [s for s in services if s.valid_from <= today and (s.valid_to is None or s.valid_to >= today)]
    return Catalogue(
        offered=offered,
        ended=[s for s in services if s not in offered],
        may_manage=rules.may_manage_catalogue(actor.user),
    )


@dataclass(frozen=True)
class MonthCount:
    month: date
    cells: list[tuple[str, int]]  # (age band's label, count) for every band, in AgeBand's order

    @property
    def total(self) -> int:
        return sum(count for _, count in self.cells)


@dataclass(frozen=True)
class ServicePage:
    service: Service
    months: list[MonthCount]  # the past year, newest first, months with a count only
    rows: list[AnonymousCount]  # the figures in force, for correcting
    changes: list[Any]  # the service's history, newest first
    may_manage: bool
    may_count: bool

    @property
    def band_labels(self) -> list[str]:
        return [str(label) for label in AgeBand.labels]


def first_countable_month(today: date) -> date:
    months = today.year * 12 + today.month - 1 - COUNTABLE_MONTHS
    return date(months // 12, months % 12 + 1, 1)


def in_force(service: Service, since: date) -> QuerySet[AnonymousCount]:
    return AnonymousCount.objects.filter(service=service, month__gte=since, corrected_by__isnull=True)


def month_counts(service: Service, since: date) -> list[MonthCount]:
    sums = in_force(service, since).values("month", "age_band").annotate(total=Sum("count")).order_by("-month")
    months: dict[date, dict[str, int]] = {}
    for row in sums:
        months.setdefault(row["month"], dict.fromkeys(AgeBand.values, 0))[row["age_band"]] = row["total"]
    return [
        MonthCount(month=month, cells=[(str(AgeBand(band).label), n) for band, n in bands.items()])
        for month, bands in months.items()
    ]


def service_page(actor: Actor, key: str) -> ServicePage:
    if not rules.may_read_catalogue(actor.user):
        refuse(actor, view_name="catalogue.service")
    service = Service.objects.filter(key=key).first()
    if service is None:
        raise Http404
    since = first_countable_month(timezone.localdate())
    rows = list(in_force(service, since).select_related("recorded_by")) if service.without_assessment else []
    return ServicePage(
        service=service,
        months=month_counts(service, since) if service.without_assessment else [],
        rows=rows,
        changes=list(service.history.select_related("history_user").order_by("-history_date")[:20]),
        may_manage=rules.may_manage_catalogue(actor.user),
        may_count=service.without_assessment and rules.may_count_anonymous_use(actor.user),
    )


def counted_service(actor: Actor, key: str) -> Service:
    """The service whose anonymous use the actor is about to count: one given without assessment."""
    if not rules.may_count_anonymous_use(actor.user):
        refuse(actor, view_name="catalogue.count")
    service = Service.objects.filter(key=key, without_assessment=True).first()
    if service is None:
        raise Http404
    return service


def count_in_force(service: Service, count_id: int) -> AnonymousCount:
    since = first_countable_month(timezone.localdate())
    row = in_force(service, since).filter(pk=count_id).first()
    if row is None:
        raise Http404
    return row
