"""Kommunicering before a decision that goes to a party (25 § FL via 14 kap. 10 § SoL)."""

from dataclasses import replace
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from conftest import World
from decisions.communication import CommunicationInput, communication_record, communication_reply_record
from decisions.models import Communication, Decision
from decisions.tests.test_decisions import decision, record
from delegation.models import DecisionKind

pytestmark = pytest.mark.django_db


def _sent(world: World, days_ago: int, answer_in_days: int) -> Communication:
    sent_on = timezone.localdate() - timedelta(days=days_ago)
    return communication_record(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        data=CommunicationInput(
            party_kind="guardian",
            party_name="Maria Berg",
            material="Utredningen och förslaget till beslut",
            sent_on=sent_on,
            reply_by=sent_on + timedelta(days=answer_in_days),
        ),
    )


def _communicated_support() -> object:
    return replace(decision(DecisionKind.SUPPORT), communication="communicated")  # type: ignore[arg-type]


def test_a_decision_to_a_party_must_say_how_it_stands_to_25_fl(world: World, delegation: dict) -> None:
    with pytest.raises(ValidationError) as error:
        record(world, replace(decision(DecisionKind.SUPPORT), communication=""))
    assert "communication" in error.value.error_dict
    assert not Decision.objects.exists()


def test_communicated_needs_a_communication_answered_or_run_out(world: World, delegation: dict) -> None:
    with pytest.raises(ValidationError) as error:
        record(world, _communicated_support())  # type: ignore[arg-type]
    assert "Ingen kommunicering" in error.value.error_dict["communication"][0].message
    waiting = _sent(world, days_ago=3, answer_in_days=14)
    with pytest.raises(ValidationError) as error:
        record(world, _communicated_support())  # type: ignore[arg-type]
    assert waiting.reply_by.isoformat() in error.value.error_dict["communication"][0].message
    communication_reply_record(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        communication_id=waiting.public_id,
        replied_on=timezone.localdate(),
        reply="Inget att tillägga.",
    )
    saved = record(world, _communicated_support())  # type: ignore[arg-type]
    assert saved.communication == "communicated"


def test_a_time_to_answer_that_has_run_out_is_enough(world: World, delegation: dict) -> None:
    _sent(world, days_ago=20, answer_in_days=14)
    assert record(world, _communicated_support()).communication == "communicated"  # type: ignore[arg-type]


def test_an_exception_is_recorded_and_kinds_without_a_party_are_not_asked(world: World, delegation: dict) -> None:
    urgent = record(world, decision(DecisionKind.LVU_IMMEDIATE_CUSTODY))
    assert urgent.communication == "urgent"
    opened = record(world, replace(decision(DecisionKind.OPEN_INVESTIGATION), communication=""))
    assert opened.communication is None


def test_a_communication_needs_a_set_time_after_it_was_sent_and_its_facts_never_change(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        _sent(world, days_ago=1, answer_in_days=0)
    assert "reply_by" in error.value.error_dict
    sent = _sent(world, days_ago=1, answer_in_days=10)
    with pytest.raises(DatabaseError), transaction.atomic():
        Communication.objects.filter(pk=sent.pk).update(reply_by=sent.sent_on)


def test_the_answer_is_recorded_once(world: World) -> None:
    sent = _sent(world, days_ago=2, answer_in_days=10)
    hanna = Actor.system(world.user("hanna"))
    args = {"actor": hanna, "case_public_id": world.own_case.public_id, "communication_id": sent.public_id}
    communication_reply_record(**args, replied_on=timezone.localdate(), reply="Vi håller inte med.")  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as error:
        communication_reply_record(**args, replied_on=timezone.localdate(), reply="Ändrat svar.")  # type: ignore[arg-type]
    assert error.value.code == "already_replied"
    assert Communication.objects.get(pk=sent.pk).reply == "Vi håller inte med."


def test_the_case_page_lists_communications_and_takes_the_answer(world: World) -> None:
    sent = _sent(world, days_ago=2, answer_in_days=10)
    client = Client()
    client.force_login(world.user("hanna"))
    page = client.get(reverse("casefile:case_detail", args=[world.own_case.public_id])).content.decode()
    assert "Utredningen och förslaget till beslut till Maria Berg" in page and "Registrera svar" in page
    url = reverse("decisions:communication_reply", args=[world.own_case.public_id, sent.public_id])
    assert client.post(url, {"replied_on": timezone.localdate().isoformat(), "reply": ""}).status_code == 302
    assert Communication.objects.get(pk=sent.pk).replied_on == timezone.localdate()
