"""Keeping the catalogue, and counting what is given without an individual needs assessment."""

import re
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from access import rules
from access.actor import Actor
from access.reads import refuse
from catalogue.models import ALWAYS_ASSESSED, AgeBand, AnonymousCount, Service, ServiceKind
from core.errors import Problems

# A count is kept for the month it was given in; the past year can still be counted or corrected.
COUNTABLE_MONTHS = 12


@dataclass(frozen=True)
class ServiceInput:
    name: str
    kind: str
    description: str
    provider: str
    target_group: str
    valid_from: date
    by_partner: bool = False
    min_age: int | None = None
    max_age: int | None = None
    hours: str = ""
    on_call: bool = False
    without_assessment: bool = False
    committee_decision: str = ""
    capacity: int | None = None
    ivo_permit: str = ""
    valid_to: date | None = None


@dataclass(frozen=True)
class CountInput:
    month: date
    age_band: str
    count: int


def _check_service(problems: Problems, data: ServiceInput) -> None:
    for name, message in (
        ("name", _("Skriv insatsens namn.")),
        ("description", _("Beskriv insatsen.")),
        ("provider", _("Skriv vem som utför insatsen.")),
        ("target_group", _("Skriv vem insatsen är till för.")),
    ):
        if not str(getattr(data, name)).strip():
            problems.add(name, message, "required")
    if data.kind not in ServiceKind.values:
        problems.add("kind", _("Välj slag av insats."), "kind")
    if data.without_assessment and data.kind in ALWAYS_ASSESSED:
        problems.add(
            "without_assessment",
            _("Den här insatsen kräver alltid individuell behovsprövning (11 kap. 5 § socialtjänstlagen)."),
            "always_assessed",
        )
    if data.without_assessment and not data.committee_decision.strip():
        problems.add(
            "committee_decision",
            _("Ange nämndens beslut om att ge insatsen utan individuell behovsprövning."),
            "committee_decision",
        )
    if data.min_age is not None and data.max_age is not None and data.max_age < data.min_age:
        problems.add("max_age", _("Åldern till och med kan inte vara lägre än åldern från."), "ages")
    if data.valid_to is not None and data.valid_to < data.valid_from:
        problems.add("valid_to", _("Slutdagen kan inte vara före startdagen."), "valid_to")


def _fields(data: ServiceInput) -> dict[str, object]:
    texts = ("name", "description", "provider", "target_group", "hours", "committee_decision", "ivo_permit")
    fields: dict[str, object] = {name: str(getattr(data, name)).strip() for name in texts}
    for name in ("kind", "by_partner", "min_age", "max_age", "on_call", "without_assessment", "capacity"):
        fields[name] = getattr(data, name)
    return {**fields, "valid_from": data.valid_from, "valid_to": data.valid_to}


def _managing(actor: Actor) -> None:
    if not rules.may_manage_catalogue(actor.user):
        refuse(actor, view_name="catalogue.service_change")


@transaction.atomic
def service_add(*, actor: Actor, key: str, data: ServiceInput) -> Service:
    _managing(actor)
    problems = Problems()
    _check_service(problems, data)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{1,39}", key) or key == "ny":
        problems.add("key", _("Kortnamnet får bara ha små bokstäver a–z, siffror och bindestreck."), "key")
    elif Service.objects.filter(key=key).exists():
        problems.add("key", _("Det finns redan en insats med det kortnamnet."), "key_taken")
    problems.raise_any()
    return Service.objects.create(key=key, **_fields(data))


@transaction.atomic
def service_change(*, actor: Actor, key: str, data: ServiceInput) -> Service:
    """A change is kept in the service's history: who changed what, and when."""
    _managing(actor)
    service = Service.objects.select_for_update().filter(key=key).first()
    if service is None:
        raise Http404
    problems = Problems()
    _check_service(problems, data)
    if service.without_assessment != data.without_assessment and service.counts.exists():
        problems.add(
            "without_assessment",
            _("Insatsen har redan räknats utan behovsprövning. Lägg upp en ny insats i stället."),
            "counted",
        )
    problems.raise_any()
    for name, value in _fields(data).items():
        setattr(service, name, value)
    service.save()
    return service


def _countable(actor: Actor, key: str) -> Service:
    if not rules.may_count_anonymous_use(actor.user):
        refuse(actor, view_name="catalogue.count")
    service = Service.objects.filter(key=key, without_assessment=True).first()
    if service is None:
        raise Http404
    return service


def _check_month(problems: Problems, service: Service, month: date) -> None:
    first = timezone.localdate().replace(day=1)
    months_back = (first.year - month.year) * 12 + first.month - month.month
    if month.day != 1 or month > first:
        problems.add("month", _("Välj en månad som har börjat."), "month")
    elif months_back > COUNTABLE_MONTHS:
        problems.add("month", _("Det går bara att räkna det senaste året."), "month")
    elif month < service.valid_from.replace(day=1) or (service.valid_to is not None and month > service.valid_to):
        problems.add("month", _("Insatsen erbjöds inte den månaden."), "month")


@transaction.atomic
def count_record(*, actor: Actor, key: str, data: CountInput) -> AnonymousCount:
    service = _countable(actor, key)
    problems = Problems()
    _check_month(problems, service, data.month)
    if data.age_band not in AgeBand.values:
        problems.add("age_band", _("Välj ålder."), "age_band")
    if data.count < 1:
        problems.add("count", _("Antalet måste vara minst 1."), "count")
    problems.raise_any()
    return AnonymousCount.objects.create(
        service=service, month=data.month, age_band=data.age_band, count=data.count, recorded_by=actor.user
    )


@transaction.atomic
def count_correct(*, actor: Actor, key: str, count_id: int, count: int) -> AnonymousCount:
    """The corrected figure replaces the old one; both stay, and the month's sum takes the new."""
    service = _countable(actor, key)
    old = AnonymousCount.objects.select_for_update().filter(pk=count_id, service=service).first()
    if old is None or AnonymousCount.objects.filter(corrects=old).exists():
        raise Http404
    problems = Problems()
    _check_month(problems, service, old.month)
    if count < 0:
        problems.add("count", _("Antalet kan inte vara negativt."), "count")
    problems.raise_any()
    return AnonymousCount.objects.create(
        service=service, month=old.month, age_band=old.age_band, count=count, corrects=old, recorded_by=actor.user
    )
