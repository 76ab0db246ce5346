"""The förhandsbedömning is a decision under delegation: it names its item, checked as a decision's is."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from access.actor import Actor
from access.models import AccessEvent
from conftest import World, case_of
from deadlines.models import Deadline, DeadlineKind
from delegation.models import DecisionKind, DelegationItem
from intake.models import PreliminaryAssessment
from intake.services import PreliminaryInput, preliminary_assessment_record, signal_register
from intake.tests.test_signals import police_report
from investigations.models import Investigation

pytestmark = pytest.mark.django_db


def _signal(world: World) -> dict[str, Any]:
    """A police report that came in five days ago, about a new child in hanna's team."""
    hanna = Actor.system(world.user("hanna"))
    receipt = signal_register(actor=hanna, data=police_report(received_at=timezone.now() - timedelta(days=5)))
    return {"actor": hanna, "case_public_id": case_of(receipt), "signal_id": receipt.signal_id}


def _assessment(decision: str, delegation_id: int | None, decided_on: date | None = None) -> PreliminaryInput:
    return PreliminaryInput(
        decision=decision,
        reasons="Allvarlig oro för kriminalitet.",
        child_heard=True,
        child_heard_how="Samtal med barnet på skolan.",
        decided_on=decided_on or timezone.localdate(),
        delegation_id=delegation_id,
        investigation_question="Barnets behov av skydd och stöd",
    )


@pytest.mark.parametrize(
    ("decision", "kind"),
    [("open", DecisionKind.OPEN_INVESTIGATION), ("not-open", DecisionKind.NOT_OPEN_INVESTIGATION)],
)
def test_the_assessment_names_the_item_of_its_own_kind(
    world: World, delegation: dict, decision: str, kind: str
) -> None:
    saved = preliminary_assessment_record(**_signal(world), data=_assessment(decision, delegation[kind].pk))
    saved.refresh_from_db()
    assert saved.delegation == delegation[kind] and saved.decision_kind == kind


def test_an_item_that_has_ended_since_the_decision_day_is_accepted(world: World, delegation: dict) -> None:
    three_days_ago = timezone.localdate() - timedelta(days=3)
    item = DelegationItem.objects.create(
        code="D 7",
        decision_kind=DecisionKind.NOT_OPEN_INVESTIGATION,
        delegate="Socialsekreterare",
        valid_from=date(2025, 1, 1),
        valid_to=three_days_ago,
    )
    saved = preliminary_assessment_record(**_signal(world), data=_assessment("not-open", item.pk, three_days_ago))
    assert saved.delegation == item


def _ended(delegation: dict) -> int:
    return DelegationItem.objects.create(
        code="D 8",
        decision_kind=DecisionKind.OPEN_INVESTIGATION,
        delegate="Socialsekreterare",
        valid_from=date(2025, 1, 1),
        valid_to=timezone.localdate() - timedelta(days=1),
    ).pk


def _not_yet(delegation: dict) -> int:
    return DelegationItem.objects.create(
        code="D 9",
        decision_kind=DecisionKind.OPEN_INVESTIGATION,
        delegate="Socialsekreterare",
        valid_from=timezone.localdate() + timedelta(days=1),
    ).pk


@pytest.mark.parametrize(
    ("item", "code", "message"),
    [
        (lambda items: None, "delegation_missing", "Välj punkten i delegationsordningen"),
        (lambda items: 999_999, "delegation_missing", "Välj punkten i delegationsordningen"),
        (
            lambda items: items[DecisionKind.NOT_OPEN_INVESTIGATION].pk,  # "not open" for a decision to open
            "delegation_wrong_kind",
            "gäller beslutstypen ”Inte inleda utredning”, inte ”Inleda utredning”",
        ),
        (lambda items: items[DecisionKind.SUPPORT].pk, "delegation_wrong_kind", "inte ”Inleda utredning”"),
        (_ended, "delegation_not_in_force", "gällde inte på beslutsdagen"),
        (_not_yet, "delegation_not_in_force", "gällde inte på beslutsdagen"),
    ],
)
def test_a_missing_wrong_or_lapsed_item_is_refused_and_nothing_is_saved(
    world: World, delegation: dict, item: Any, code: str, message: str
) -> None:
    args = _signal(world)
    with pytest.raises(ValidationError) as error:
        preliminary_assessment_record(**args, data=_assessment("open", item(delegation)))
    [refusal] = error.value.error_dict["delegation"]
    assert refusal.code == code and message in refusal.message
    assert not PreliminaryAssessment.objects.exists() and not Investigation.objects.exists()
    clock = Deadline.objects.get(source=f"signal:{args['signal_id']}", kind=DeadlineKind.PRELIMINARY_ASSESSMENT)
    assert clock.met_at is None
    refused = AccessEvent.objects.get(action="refused", view_name="intake.preliminary_assessment")
    assert refused.reason == f"delegation:{code}"


def test_the_signed_assessment_still_cannot_be_changed_after_the_column_was_added(
    world: World, delegation: dict
) -> None:
    saved = preliminary_assessment_record(
        **_signal(world), data=_assessment("open", delegation[DecisionKind.OPEN_INVESTIGATION].pk)
    )
    other = delegation[DecisionKind.NOT_OPEN_INVESTIGATION]
    with pytest.raises(DatabaseError), transaction.atomic():
        PreliminaryAssessment.objects.filter(pk=saved.pk).update(delegation=other)
    with pytest.raises(DatabaseError), transaction.atomic():
        PreliminaryAssessment.objects.filter(pk=saved.pk).update(delegation=None)
