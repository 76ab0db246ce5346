"""An application is investigated at once and decided (14 kap. 2 § SoL 2025:400); only a report gets a
förhandsbedömning that may end without an investigation (20 kap. 2 §)."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from access.actor import Actor
from conftest import World, case_of
from deadlines import rules
from deadlines.models import Deadline, DeadlineKind
from delegation.models import DecisionKind
from intake.models import PreliminaryAssessment, ReporterType, Signal, SignalKind
from intake.services import preliminary_assessment_record, signal_register
from intake.tests.test_preliminary_delegation import _assessment
from intake.tests.test_signals import police_report
from investigations.models import Investigation

pytestmark = pytest.mark.django_db


def _application(world: World, kind: str = SignalKind.REQUEST_GUARDIAN, **about: object) -> dict[str, Any]:
    hanna = Actor.system(world.user("hanna"))
    data = police_report(
        kind=kind,
        reporter_type=ReporterType.NOT_A_REPORT,
        reporter_organisation="",
        content="Mamman ber om hjälp.",
        **about,
    )
    receipt = signal_register(actor=hanna, data=data)
    return {"actor": hanna, "case_public_id": case_of(receipt), "signal_id": receipt.signal_id}


@pytest.mark.parametrize("kind", [SignalKind.REQUEST_GUARDIAN, SignalKind.REQUEST_CHILD])
def test_an_application_gets_a_clock_to_open_its_investigation_at_once_and_no_fourteen_days(
    world: World, kind: str
) -> None:
    signal = Signal.objects.get(pk=_application(world, kind)["signal_id"])
    kinds = set(Deadline.objects.filter(case=signal.case).values_list("kind", flat=True))
    assert DeadlineKind.PRELIMINARY_ASSESSMENT not in kinds
    clock = Deadline.objects.get(case=signal.case, kind=DeadlineKind.APPLICATION_INVESTIGATION)
    assert clock.due_on == rules.application_investigation_due(signal.received_at)
    assert clock.legal_basis is not None and clock.legal_basis.provision == "14 kap. 2 §"


def test_a_report_still_gets_its_fourteen_days(world: World) -> None:
    receipt = signal_register(actor=Actor.system(world.user("hanna")), data=police_report())
    signal = Signal.objects.get(pk=receipt.signal_id)
    assert Deadline.objects.filter(case=signal.case, kind=DeadlineKind.PRELIMINARY_ASSESSMENT).exists()
    assert not Deadline.objects.filter(case=signal.case, kind=DeadlineKind.APPLICATION_INVESTIGATION).exists()


def test_an_application_cannot_be_closed_without_an_investigation(world: World, delegation: dict) -> None:
    place = _application(world)
    with pytest.raises(ValidationError) as error:
        preliminary_assessment_record(
            **place, data=_assessment("not-open", delegation[DecisionKind.NOT_OPEN_INVESTIGATION].pk)
        )
    assert error.value.error_dict["decision"][0].code == "application_must_be_investigated"
    assert not PreliminaryAssessment.objects.exists()


def test_opening_the_investigation_meets_the_applications_clock_on_its_own_legal_basis(
    world: World, delegation: dict
) -> None:
    place = _application(world)
    saved = preliminary_assessment_record(
        **place, data=_assessment("open", delegation[DecisionKind.OPEN_INVESTIGATION].pk)
    )
    assert saved.legal_basis.provision == "14 kap. 2 §"
    assert Deadline.objects.get(kind=DeadlineKind.APPLICATION_INVESTIGATION).met_at is not None
    assert Investigation.objects.filter(case__public_id=place["case_public_id"]).exists()


def test_an_application_joining_a_running_investigation_has_its_clock_cancelled(world: World, delegation: dict) -> None:
    child = world.own_case.child.identity_number
    first = _application(world, identity_number=child)
    preliminary_assessment_record(**first, data=_assessment("open", delegation[DecisionKind.OPEN_INVESTIGATION].pk))
    later = _application(
        world, SignalKind.REQUEST_CHILD, identity_number=child, received_at=timezone.now() - timedelta(minutes=5)
    )
    signal = Signal.objects.get(pk=later["signal_id"])
    assert signal.added_to_investigation_id is not None
    assert not Deadline.objects.filter(
        source=f"signal:{signal.pk}", kind=DeadlineKind.APPLICATION_INVESTIGATION
    ).exists()
