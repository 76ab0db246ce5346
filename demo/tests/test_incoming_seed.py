"""The seed's incoming information: absence reports from schools on open cases, a correction of one, and
police notices, whole by the database's own constraints and shown on the case's list."""

import random
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import Case, CaseStatus
from collaboration.models import IncomingInformation, RecipientKind
from conftest import World, signed_in
from demo.collaboration import seed_incoming

pytestmark = pytest.mark.django_db


def test_the_first_open_case_shows_an_absence_report_and_its_correction(world: World) -> None:
    today = timezone.localdate()
    made = seed_incoming(random.Random("incoming-7"), {"handlaggare": world.user("hanna")}, today)
    rows = list(IncomingInformation.objects.order_by("id"))
    assert made == len(rows) >= 2
    first = Case.objects.filter(status=CaseStatus.OPEN).order_by("id").first()
    assert first == world.own_case
    report = next(r for r in rows if r.case_id == first.pk and r.is_absence_report and r.corrects_id is None)
    assert IncomingInformation.objects.filter(corrects=report).exists()
    for row in rows:
        assert row.received_at <= timezone.now() and row.recorded_at <= timezone.now()
        if row.is_absence_report:
            assert row.source_kind == RecipientKind.SCHOOL
            assert row.absence_to is not None and row.absence_to < today - timedelta(days=2)
    listed = signed_in(world.user("hanna")).get(reverse("collaboration:incoming", args=[first.public_id]))
    assert "Frånvarorapport" in listed.content.decode() and "Rättad" in listed.content.decode()
