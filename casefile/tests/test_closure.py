"""Closing with a coded reason and outcome; reopening keeps the history."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from access.actor import Actor
from casefile.services import case_close, case_reopen
from cases.models import Case, CaseStatus
from conftest import World
from deadlines.models import Deadline
from investigations.services import investigation_open

pytestmark = pytest.mark.django_db


def test_closing_needs_a_coded_reason_and_outcome_and_writes_off_open_clocks_with_a_reason(world: World) -> None:
    from intake.models import ReporterType, SignalKind
    from intake.services import SignalInput, signal_register

    hanna = Actor.system(world.user("hanna"))
    signal_register(
        actor=hanna,
        data=SignalInput(
            kind=SignalKind.REPORT_OF_CONCERN,
            received_at=timezone.now(),
            reporter_type=ReporterType.ANONYMOUS,
            content="Oro.",
            identity_number=world.own_case.child.identity_number or "",
        ),
    )
    with pytest.raises(ValidationError):
        case_close(actor=hanna, case_public_id=world.own_case.public_id, reason="", outcome="met")
    case = case_close(actor=hanna, case_public_id=world.own_case.public_id, reason="moved", outcome="n/a")
    assert case.status == CaseStatus.CLOSED and case.closure_reason == "moved"
    open_clocks = Deadline.objects.filter(case=case, met_at__isnull=True, cancelled_at__isnull=True)
    assert not open_clocks.exists()
    assert set(Deadline.objects.filter(case=case).values_list("cancel_reason", flat=True)) == {"Ärendet avslutades."}


def test_a_case_with_a_running_investigation_cannot_be_closed(world: World) -> None:
    hanna = Actor.system(world.user("hanna"))
    investigation_open(actor=hanna, case=world.own_case, question="Oro", opened_on=timezone.localdate())
    with pytest.raises(ValidationError) as error:
        case_close(actor=hanna, case_public_id=world.own_case.public_id, reason="other", outcome="n/a")
    assert error.value.code == "investigation_open"
    assert Case.objects.get(pk=world.own_case.pk).status == CaseStatus.OPEN


def test_reopening_keeps_the_closure_in_the_history(world: World) -> None:
    hanna = Actor.system(world.user("hanna"))
    case_close(actor=hanna, case_public_id=world.own_case.public_id, reason="declined", outcome="not-met")
    case = case_reopen(actor=hanna, case_public_id=world.own_case.public_id)
    assert case.status == CaseStatus.OPEN and case.closed_at is None
    reasons = list(case.history.order_by("history_id").values_list("status", "closure_reason"))
    assert ("closed", "declined") in reasons and reasons[-1] == ("open", "")
