"""The läges- och behovsanalys: the catalogue's places against the goals of the unit's plans, as figures only."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.models import AccessEvent
from accounts.models import User
from catalogue.models import AnonymousCount
from catalogue.tests.test_catalogue import added, this_month, unassessed
from conftest import World, signed_in
from programme.models import ItemStatus, Participation, PlanItem
from programme.tests.helpers import raised
from reports.needs import needs_analysis

pytestmark = pytest.mark.django_db


def _goals(participation: Participation, n: int, *, by: User, **fields: Any) -> None:
    today = timezone.localdate()
    PlanItem.objects.bulk_create(
        PlanItem(
            participation=participation,
            domain=fields.get("domain", "treatment"),
            goal_child="Mål",
            goal_worker="Mål",
            insats=fields.get("insats", "open-care"),
            description="Behandling",
            responsible="Öppenvården",
            starts_on=fields.get("starts_on", today),
            follow_up_on=today + timedelta(days=60),
            status=fields.get("status", ItemStatus.ONGOING),
            service=fields.get("service"),
            created_by=by,
        )
        for _ in range(n)
    )


def test_the_unit_managers_analysis_counts_the_units_goals_and_no_other(world: World) -> None:
    service = added(world)  # two places
    anonymous = unassessed(world)
    AnonymousCount.objects.create(
        service=anonymous, month=this_month(), age_band="15-17", count=4, recorded_by=world.user("bo")
    )
    hanna, sara = world.user("hanna"), world.user("sara")
    own = raised(world, user="hanna")
    protected = raised(world, user="hanna", case=world.protected_case)
    other_unit = raised(world, user="sara", case=world.other_team_case)
    yesterday = timezone.localdate() - timedelta(days=1)
    _goals(own, 2, service=service, by=hanna)
    _goals(protected, 1, service=service, status=ItemStatus.PLANNED, starts_on=yesterday, by=hanna)
    _goals(own, 1, service=service, status=ItemStatus.MET, by=hanna)  # closed: not running
    _goals(own, 2, domain="school", insats="partner", by=hanna)
    _goals(other_unit, 5, service=service, by=sara)  # Söder's: not Norr's manager's to count
    analysis = needs_analysis(Actor.system(world.user("karin")))
    lines = {line.service.key: line for line in analysis.services}
    assert (lines["oppenvard"].carrying, lines["oppenvard"].waiting, lines["oppenvard"].over_capacity) == (3, 1, True)
    assert (lines["samtal"].carrying, lines["samtal"].counted) == (0, 4)
    domains = {line.domain: line for line in analysis.domains}
    assert (domains["Skola"].running, domains["Skola"].without_service) == (2, 2)
    assert domains["Skola"].by_insats == [("Insats av en samverkanspart (skola, barn- och ungdomspsykiatri, polis)", 2)]
    assert (domains["Behandling"].running, domains["Behandling"].without_service) == (3, 0)


def test_the_page_names_no_child_and_no_case_and_logs_no_person(world: World) -> None:
    _goals(raised(world, user="hanna"), 2, by=world.user("hanna"))
    before = AccessEvent.objects.count()
    page = signed_in(world.user("karin")).get(reverse("reports:needs_analysis")).content.decode()
    for case in (world.own_case, world.protected_case):
        # As a word: a two-letter name ("Ek") turns up inside the page's random CSRF token now and then.
        assert case.reference not in page and not re.search(rf"\b{case.child.family_name}\b", page)
    assert AccessEvent.objects.count() == before


@pytest.mark.parametrize("username", ["hanna", "sara", "lars"])
def test_nobody_else_sees_the_analysis_and_the_try_is_logged(world: World, username: str) -> None:
    assert signed_in(world.user(username)).get(reverse("reports:needs_analysis")).status_code == 404
    assert AccessEvent.objects.filter(username=username, action="denied", view_name="reports.needs_analysis").exists()


def test_the_analysis_costs_the_same_queries_however_many_plans(world: World) -> None:
    service = added(world)
    hanna = world.user("hanna")
    own = raised(world, user="hanna")
    _goals(own, 1, service=service, by=hanna)
    client = signed_in(world.user("karin"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("reports:needs_analysis"))
    _goals(own, 200, service=service, by=hanna)
    for key in ("a1", "a2", "a3"):
        added(world, key)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("reports:needs_analysis"))
    assert len(many) == len(few)
