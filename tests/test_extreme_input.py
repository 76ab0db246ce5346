"""Extreme dates and crafted cursors get a clear message, never a server error (audit, point 5)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from conftest import World, signed_in
from intake.models import ReporterType, SignalKind
from intake.services import SignalInput, signal_register
from investigations.services import investigation_open

pytestmark = pytest.mark.django_db
EXTREMES = ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01"]


@pytest.mark.parametrize("field", ["first_day", "last_day"])
@pytest.mark.parametrize("day", EXTREMES)
def test_the_log_page_refuses_a_period_outside_the_calendar_with_a_message(world: World, field: str, day: str) -> None:
    data = {"first_day": "2026-01-01", "last_day": "2026-01-31", field: day}
    response = signed_in(world.user("lars")).post(reverse("access:access_log"), data)
    assert response.status_code == 200
    assert "Ange ett datum mellan 1900-01-01 och 2100-12-31." in response.content.decode()


@pytest.mark.parametrize(
    "cursor", ["0001-01-01T00:00:00+00:00|1", "9999-12-31T23:59:59+00:00|1", "2026-01-01T00:00:00+00:00|" + "9" * 30]
)
def test_a_crafted_cursor_is_no_cursor(world: World, cursor: str) -> None:
    data = {"first_day": "2026-01-01", "last_day": "2026-01-31", "fore": cursor}
    assert signed_in(world.user("lars")).post(reverse("access:access_log"), data).status_code == 200


@pytest.mark.parametrize("day", EXTREMES)
def test_opening_an_investigation_on_a_day_outside_the_calendar_is_refused(world: World, day: str) -> None:
    url = reverse("investigations:investigation_open", args=[world.own_case.public_id])
    response = signed_in(world.user("hanna")).post(url, {"question": "Oro", "opened_on": day})
    assert response.status_code == 200 and "Ange ett datum mellan" in response.content.decode()
    assert not world.own_case.investigations.exists()


def _signal(world: World) -> int:
    receipt = signal_register(
        actor=Actor.system(world.user("hanna")),
        data=SignalInput(
            kind=SignalKind.POLICE_NOTICE,
            received_at=timezone.now(),
            reporter_type=ReporterType.MANDATORY,
            content="Oro.",
            identity_number=world.own_case.child.identity_number or "",
        ),
    )
    return receipt.signal_id


def test_extending_a_preliminary_assessment_to_the_end_of_the_calendar_is_refused(world: World) -> None:
    url = reverse("intake:preliminary_extend", args=[world.own_case.public_id, _signal(world)])
    response = signed_in(world.user("hanna")).post(url, {"new_due_on": "9999-12-31", "reason": "Synnerliga skäl."})
    assert response.status_code == 200 and "Ange ett datum mellan" in response.content.decode()


def test_an_extension_decision_to_the_end_of_the_calendar_is_refused(world: World, delegation: dict) -> None:
    investigation = investigation_open(
        actor=Actor.system(world.user("hanna")), case=world.own_case, question="Oro", opened_on=timezone.localdate()
    )
    url = reverse("decisions:decision_new", args=[world.own_case.public_id])
    data = {
        "kind": "extend-investigation",
        "decided_by_name": "Karin",
        "decided_on": timezone.localdate().isoformat(),
        "reasons": "Särskilda skäl.",
        "investigation": str(investigation.public_id),
        "new_due_on": "9999-12-31",
    }
    response = signed_in(world.user("hanna")).post(url, data)
    assert response.status_code == 200 and "Ange ett datum mellan" in response.content.decode()
