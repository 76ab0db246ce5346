"""20 kap. 4 § SoL: those concerned are told at once that an investigation has opened, unless there
are particular reasons not to. Opening starts a clock due that day; the record meets it."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from conftest import World
from deadlines.models import Deadline, DeadlineKind, Notice, NoticeKind
from deadlines.services import escalate_overdue
from investigations.models import Investigation
from investigations.notice import NoticeInput, investigation_notice_record
from investigations.services import investigation_open

pytestmark = pytest.mark.django_db


def _open(world: World) -> Investigation:
    return investigation_open(
        actor=Actor.system(world.user("hanna")),
        case=world.own_case,
        question="Oro för kriminalitet",
        opened_on=timezone.localdate(),
    )


def _record(world: World, investigation: Investigation, **data: object) -> Investigation:
    return investigation_notice_record(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        investigation_id=investigation.public_id,
        data=NoticeInput(**data),  # type: ignore[arg-type]
    )


def _clock(investigation: Investigation) -> Deadline:
    return Deadline.objects.get(source=f"investigation:{investigation.pk}", kind=DeadlineKind.INVESTIGATION_NOTICE)


def test_opening_an_investigation_starts_a_clock_due_the_same_day(world: World) -> None:
    investigation = _open(world)
    clock = _clock(investigation)
    assert clock.due_on == investigation.opened_on
    assert clock.legal_basis is not None and clock.legal_basis.provision == "20 kap. 4 §"


def test_telling_those_concerned_meets_the_clock_and_shows_on_the_case(world: World) -> None:
    investigation = _open(world)
    _record(
        world, investigation, informed="Barnet och båda vårdnadshavarna, per telefon", informed_on=timezone.localdate()
    )
    assert _clock(investigation).met_at is not None
    client = Client()
    client.force_login(world.user("hanna"))
    page = client.get(reverse("casefile:case_detail", args=[world.own_case.public_id])).content.decode()
    assert "Barnet och båda vårdnadshavarna, per telefon" in page


def test_particular_reasons_not_to_tell_meet_it_and_stay_encrypted(world: World) -> None:
    investigation = _open(world)
    reason = "Pappan är misstänkt för att hota barnet; informationen kan utsätta barnet för fara."
    _record(world, investigation, not_informed_reason=reason)
    assert _clock(investigation).met_at is not None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT concerned_not_informed_reason FROM investigations_investigation WHERE id = %s", [investigation.pk]
        )
        assert "Pappan" not in str(cursor.fetchone()[0])
    client = Client()
    client.force_login(world.user("hanna"))
    page = client.get(reverse("casefile:case_detail", args=[world.own_case.public_id])).content.decode()
    assert "särskilda skäl är dokumenterade" in page and "Pappan" not in page


@pytest.mark.parametrize(
    ("data", "fields"),
    [
        ({}, {"informed"}),  # neither
        ({"informed": "Barnet", "not_informed_reason": "Fara.", "informed_on": None}, {"informed", "informed_on"}),
        ({"informed": "Barnet", "informed_on": None}, {"informed_on"}),
        ({"informed": "Barnet", "informed_on": "future"}, {"informed_on"}),
    ],
)
def test_every_check_is_reported_at_once_and_nothing_is_saved(world: World, data: dict, fields: set[str]) -> None:
    investigation = _open(world)
    if data.get("informed_on") == "future":
        data = {**data, "informed_on": timezone.localdate() + timedelta(days=1)}
    with pytest.raises(ValidationError) as error:
        _record(world, investigation, **data)
    assert set(error.value.error_dict) == fields
    assert _clock(investigation).met_at is None


def test_it_is_recorded_once(world: World) -> None:
    investigation = _open(world)
    _record(world, investigation, informed="Barnet", informed_on=timezone.localdate())
    with pytest.raises(ValidationError):
        _record(world, investigation, not_informed_reason="Ändrade mig.")


def test_a_notice_not_recorded_is_escalated_the_morning_after(world: World) -> None:
    _open(world)
    escalate_overdue(today=timezone.localdate() + timedelta(days=1))
    assert Notice.objects.filter(kind=NoticeKind.ESCALATION, recipient=world.user("karin")).exists()
