"""The day a party got a decision, and the party's three weeks to appeal as a clock (FL 33, 44, 45 §§)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from conftest import World
from core.legal import legal_basis_for
from deadlines import rules
from deadlines.models import Deadline, DeadlineKind
from decisions.appeals import DeliveryInput, appeal_period_settle, appealed_in_time, decision_delivery_record
from decisions.models import Decision, DecisionDelivery
from decisions.tests.test_decisions import decision, record
from delegation.models import DecisionKind

pytestmark = pytest.mark.django_db


def _decided(world: World, key: str, days_ago: int = 30) -> Decision:
    day = timezone.localdate() - timedelta(days=days_ago)
    basis = legal_basis_for(key, on=day)
    assert basis is not None
    return record(world, decision(DecisionKind.SUPPORT, day, legal_basis_id=basis.pk))


def _deliver(world: World, to: Decision, days_ago: int = 25, **more: object) -> DecisionDelivery:
    values: dict[str, object] = {
        "party_kind": "guardian",
        "party_name": "Maria Berg",
        "delivered_on": timezone.localdate() - timedelta(days=days_ago),
        "method": "letter",
    }
    values.update(more)
    return decision_delivery_record(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        decision_id=to.public_id,
        data=DeliveryInput(**values),  # type: ignore[arg-type]
    )


def _settle(world: World, delivery: DecisionDelivery, received: object = None) -> DecisionDelivery:
    return appeal_period_settle(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        delivery_id=delivery.public_id,
        appeal_received_on=received,  # type: ignore[arg-type]
    )


def test_an_appealable_decision_delivered_starts_the_partys_three_weeks(world: World, delegation: dict) -> None:
    delivery = _deliver(world, _decided(world, "support-personal-needs"))
    clock = Deadline.objects.get(kind=DeadlineKind.APPEAL_PERIOD)
    assert clock.due_on == rules.appeal_period_ends(delivery.delivered_on)
    assert clock.legal_basis is not None and clock.legal_basis.provision == "44 §"
    assert "Maria Berg" in clock.subject


def test_a_decision_that_cannot_be_appealed_starts_no_clock(world: World, delegation: dict) -> None:
    _deliver(world, _decided(world, "support-no-needs-assessment"))
    assert DecisionDelivery.objects.count() == 1
    assert not Deadline.objects.filter(kind=DeadlineKind.APPEAL_PERIOD).exists()


def test_the_appeal_clock_is_never_escalated(world: World, delegation: dict) -> None:
    """The weeks are the party's: nobody at the committee is late the morning after they run out."""
    from django_tasks_db.models import DBTaskResult

    from deadlines.models import Notice, NoticeKind
    from deadlines.services import escalate_overdue

    _deliver(world, _decided(world, "support-personal-needs"), days_ago=25)
    clock = Deadline.objects.get(kind=DeadlineKind.APPEAL_PERIOD)
    queued = {
        row.task_path.rsplit(".", 1)[-1] for row in DBTaskResult.objects.all() if row.args_kwargs["args"][0] == clock.pk
    }
    assert queued == {"remind_deadline"} or queued == set()  # the reminder only, if its morning is still ahead
    assert escalate_overdue(today=clock.due_on + timedelta(days=5)) == 0
    assert not Notice.objects.filter(kind=NoticeKind.ESCALATION).exists()


def test_no_appeal_is_recorded_only_after_the_weeks_have_run_out(world: World, delegation: dict) -> None:
    running = _deliver(world, _decided(world, "support-personal-needs"), days_ago=3)
    with pytest.raises(ValidationError) as error:
        _settle(world, running)
    assert error.value.code == "period_running"
    done = _deliver(world, _decided(world, "support-personal-needs", days_ago=40), days_ago=30)
    settled = _settle(world, done)
    assert settled.settled_at is not None and settled.appeal_received_on is None
    assert Deadline.objects.get(source=f"delivery:{done.pk}").met_at is not None


def test_an_appeal_that_came_in_is_tried_for_time(world: World, delegation: dict) -> None:
    delivery = _deliver(world, _decided(world, "support-personal-needs", days_ago=40), days_ago=30)
    late = timezone.localdate() - timedelta(days=2)
    settled = _settle(world, delivery, late)
    assert appealed_in_time(settled) is False
    early = _deliver(world, _decided(world, "support-personal-needs", days_ago=12), days_ago=10)
    assert appealed_in_time(_settle(world, early, timezone.localdate() - timedelta(days=5))) is True


def test_every_check_of_a_delivery_is_reported_at_once(world: World, delegation: dict) -> None:
    decided = _decided(world, "support-personal-needs", days_ago=5)
    with pytest.raises(ValidationError) as error:
        _deliver(world, decided, days_ago=10, party_name=" ", method="pigeon")
    assert set(error.value.error_dict) == {"party_name", "method", "delivered_on"}
    assert not DecisionDelivery.objects.exists()


def test_a_delivery_never_changes(world: World, delegation: dict) -> None:
    delivery = _deliver(world, _decided(world, "support-personal-needs"))
    with pytest.raises(DatabaseError), transaction.atomic():
        DecisionDelivery.objects.filter(pk=delivery.pk).update(delivered_on=timezone.localdate())


def test_the_case_page_shows_the_weeks_and_how_they_ended(world: World, delegation: dict) -> None:
    delivery = _deliver(world, _decided(world, "support-personal-needs", days_ago=40), days_ago=30)
    client = Client()
    client.force_login(world.user("hanna"))
    page_url = reverse("casefile:case_detail", args=[world.own_case.public_id])
    ends = rules.appeal_period_ends(delivery.delivered_on).isoformat()
    assert f"överklagandetid till {ends}" in client.get(page_url).content.decode()
    url = reverse("decisions:appeal_period", args=[world.own_case.public_id, delivery.public_id])
    assert client.post(url, {"appealed": "no"}).status_code == 302
    assert "laga kraft" in client.get(page_url).content.decode()


# 42 § FL: only a decision that goes against the person can be appealed by them


def test_an_insats_granted_in_full_says_it_cannot_be_appealed_and_starts_no_clock(
    world: World, delegation: dict
) -> None:
    day = timezone.localdate() - timedelta(days=30)
    basis = legal_basis_for("support-personal-needs", on=day)
    assert basis is not None
    granted = record(world, decision(DecisionKind.SUPPORT, day, legal_basis_id=basis.pk, outcome="granted"))
    assert "42 § förvaltningslagen" in granted.appeal_information
    assert "tre veckor" not in granted.appeal_information
    assert not granted.appealable
    _deliver(world, granted)
    assert not Deadline.objects.filter(kind=DeadlineKind.APPEAL_PERIOD).exists()


@pytest.mark.parametrize("outcome", ["partly", "refused"])
def test_an_insats_refused_in_whole_or_part_can_be_appealed(world: World, delegation: dict, outcome: str) -> None:
    day = timezone.localdate() - timedelta(days=30)
    basis = legal_basis_for("support-personal-needs", on=day)
    assert basis is not None
    refused = record(world, decision(DecisionKind.SUPPORT, day, legal_basis_id=basis.pk, outcome=outcome))
    assert "tre veckor" in refused.appeal_information and refused.appealable
    _deliver(world, refused)
    assert Deadline.objects.filter(kind=DeadlineKind.APPEAL_PERIOD).count() == 1


def test_an_insats_must_say_what_it_gave(world: World, delegation: dict) -> None:
    with pytest.raises(ValidationError) as error:
        record(world, decision(DecisionKind.SUPPORT, outcome=""))
    assert "outcome" in error.value.error_dict
    assert not Decision.objects.exists()


def test_a_run_out_appeal_period_waits_in_the_work_queue_as_something_to_record_not_as_late(
    world: World, delegation: dict
) -> None:
    from access.actor import Actor as _Actor
    from deadlines.selectors import work_queue

    _deliver(world, _decided(world, "support-personal-needs", days_ago=40), days_ago=30)  # ran out 9 days ago
    queue = work_queue(_Actor.system(world.user("hanna")))
    clock = Deadline.objects.get(kind=DeadlineKind.APPEAL_PERIOD)
    assert clock in queue.to_record and clock not in queue.overdue
    client = Client()
    client.force_login(world.user("hanna"))
    page = client.get(reverse("casefile:case_detail", args=[world.own_case.public_id])).content.decode()
    assert "tiden har gått ut: registrera utfallet" in page
