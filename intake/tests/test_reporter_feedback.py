"""Feedback to a mandatory reporter as 19 kap. 6 § andra stycket SoL (2025:400, from 2026-01-15) says:
within a week of the decision on opening an investigation, or at once when asked after it or while an
investigation already runs; never when it is unsuitable, and then the reason is recorded."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from conftest import World, case_of
from deadlines import rules
from deadlines.models import Deadline, DeadlineKind
from delegation.models import DecisionKind
from intake.models import ReporterType, Signal
from intake.services import (
    preliminary_assessment_record,
    reporter_feedback_record,
    reporter_feedback_request_record,
    reporter_feedback_withhold,
    signal_register,
)
from intake.tests.test_preliminary_delegation import _assessment
from intake.tests.test_signals import police_report

pytestmark = pytest.mark.django_db


def _report(world: World, **overrides: object) -> dict[str, Any]:
    hanna = Actor.system(world.user("hanna"))
    receipt = signal_register(actor=hanna, data=police_report(**overrides))
    return {"actor": hanna, "case_public_id": case_of(receipt), "signal_id": receipt.signal_id}


def _feedback_clock(place: dict[str, Any]) -> Deadline:
    return Deadline.objects.get(source=f"signal:{place['signal_id']}", kind=DeadlineKind.REPORTER_FEEDBACK)


def test_asked_at_registration_it_is_due_a_week_after_the_decision(world: World, delegation: dict) -> None:
    place = _report(world, feedback_requested=True)
    assert not Deadline.objects.filter(kind=DeadlineKind.REPORTER_FEEDBACK).exists()
    preliminary_assessment_record(**place, data=_assessment("open", delegation[DecisionKind.OPEN_INVESTIGATION].pk))
    assert _feedback_clock(place).due_on == rules.reporter_feedback_due(timezone.localdate())


def test_asked_after_the_decision_it_is_due_at_once(world: World, delegation: dict) -> None:
    place = _report(world)
    preliminary_assessment_record(
        **place, data=_assessment("not-open", delegation[DecisionKind.NOT_OPEN_INVESTIGATION].pk)
    )
    assert not Deadline.objects.filter(kind=DeadlineKind.REPORTER_FEEDBACK).exists()
    reporter_feedback_request_record(**place)
    signal = Signal.objects.get(pk=place["signal_id"])
    assert signal.feedback_requested and signal.feedback_requested_at is not None
    assert _feedback_clock(place).due_on == timezone.localdate()


def test_asked_before_the_decision_it_waits_for_the_decision(world: World, delegation: dict) -> None:
    place = _report(world)
    reporter_feedback_request_record(**place)
    assert not Deadline.objects.filter(kind=DeadlineKind.REPORTER_FEEDBACK).exists()
    preliminary_assessment_record(**place, data=_assessment("open", delegation[DecisionKind.OPEN_INVESTIGATION].pk))
    assert _feedback_clock(place).due_on == rules.reporter_feedback_due(timezone.localdate())


def test_with_an_investigation_already_running_it_is_due_at_once(world: World, delegation: dict) -> None:
    child = world.own_case.child.identity_number
    first = _report(world, identity_number=child)
    preliminary_assessment_record(**first, data=_assessment("open", delegation[DecisionKind.OPEN_INVESTIGATION].pk))
    later = _report(
        world, identity_number=child, feedback_requested=True, received_at=timezone.now() - timedelta(minutes=5)
    )
    assert Signal.objects.get(pk=later["signal_id"]).added_to_investigation_id is not None
    clock = _feedback_clock(later)
    assert clock.due_on == clock.started_on == timezone.localdate()


def test_only_a_mandatory_reporter_can_ask(world: World) -> None:
    place = _report(world, reporter_type=ReporterType.PRIVATE, reporter_organisation="")
    with pytest.raises(ValidationError) as error:
        reporter_feedback_request_record(**place)
    assert error.value.code == "feedback_not_mandatory"
    assert not Signal.objects.get(pk=place["signal_id"]).feedback_requested


def test_unsuitable_feedback_is_withheld_with_its_reason_and_its_clock_closed(world: World, delegation: dict) -> None:
    place = _report(world, feedback_requested=True)
    preliminary_assessment_record(**place, data=_assessment("open", delegation[DecisionKind.OPEN_INVESTIGATION].pk))
    reporter_feedback_withhold(**place, reason="Anmälaren är en av de misstänkta i ärendet.")
    signal = Signal.objects.get(pk=place["signal_id"])
    assert signal.feedback_withheld_reason == "Anmälaren är en av de misstänkta i ärendet."
    clock = _feedback_clock(place)
    assert clock.cancelled_at is not None and "Olämpligt" in clock.cancel_reason
    with pytest.raises(ValidationError) as error:
        reporter_feedback_record(**place)
    assert error.value.code == "feedback_answered"


def test_withholding_needs_a_reason_and_saves_nothing_without(world: World) -> None:
    place = _report(world, feedback_requested=True)
    with pytest.raises(ValidationError):
        reporter_feedback_withhold(**place, reason="  ")
    assert Signal.objects.get(pk=place["signal_id"]).feedback_withheld_at is None


def test_the_case_page_offers_the_request_and_the_exception(world: World, delegation: dict) -> None:
    place = _report(world, identity_number=world.own_case.child.identity_number)
    client = Client()
    client.force_login(world.user("hanna"))
    case_page = reverse("casefile:case_detail", args=[place["case_public_id"]])
    assert "Anmälaren begär återkoppling" in client.get(case_page).content.decode()
    ask = reverse("intake:signal_action", args=[place["case_public_id"], place["signal_id"], "aterkoppling-begard"])
    assert client.post(ask).status_code == 302
    page = client.get(case_page).content.decode()
    assert "Återkoppling är olämplig" in page and "Registrera återkoppling" in page
    withhold = reverse("intake:feedback_withhold", args=[place["case_public_id"], place["signal_id"]])
    assert client.post(withhold, {"reason": "Skulle skada utredningen."}).status_code == 302
    assert "lämnas inte, olämpligt" in client.get(case_page).content.decode()
