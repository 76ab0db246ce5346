"""The naming page shows each protected person's open cases and warns of a responsible worker not named (audit 4)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from access.models import ProtectedIdentityAuthorization
from cases.services import case_open
from conftest import World, make_person, signed_in
from people.models import ProtectionLevel

pytestmark = pytest.mark.django_db


def test_each_protected_persons_case_team_and_responsible_worker_are_shown(world: World) -> None:
    page = signed_in(world.user("karin")).get(reverse("access:protected_naming")).content.decode()
    assert world.protected_case.reference in page and "Norr A" in page
    assert "inte namngiven" not in page  # hanna, responsible, is named


def test_a_responsible_worker_not_named_is_warned_of(world: World) -> None:
    ProtectedIdentityAuthorization.objects.filter(user=world.user("hanna")).delete()
    page = signed_in(world.user("karin")).get(reverse("access:protected_naming")).content.decode()
    assert "inte namngiven: ser inte sitt eget ärende" in page


def test_the_page_costs_the_same_queries_with_more_protected_persons(world: World) -> None:
    client = signed_in(world.user("karin"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("access:protected_naming"))
    for serial in range(5):
        child = make_person(
            "Skydd",
            f"Barn{serial}",
            date(2012, 1, 1),
            600 + serial,
            protection_level=ProtectionLevel.PROTECTED_REGISTRATION,
        )
        case_open(child=child, team=world.team_a, responsible=world.user("hanna"))
        ProtectedIdentityAuthorization.objects.create(
            person=child, user=world.user("karin"), granted_by=world.user("karin"), granted_at=child.created_at
        )
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("access:protected_naming")).content.decode()
    assert page.count("inte namngiven") == 5
    assert len(many) == len(few)
