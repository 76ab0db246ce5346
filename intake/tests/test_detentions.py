"""A child remanded may not have a 6 § LVU custody carried out (9 § andra stycket LVU)."""

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
from decisions.tests.test_decisions import decision, record
from delegation.models import DecisionKind
from intake.detentions import DetentionInput, detention_end, detention_record, remanded_on
from intake.models import Detention

pytestmark = pytest.mark.django_db


def _detained(world: World, kind: str, days_ago: int) -> Detention:
    return detention_record(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        data=DetentionInput(kind=kind, began_on=timezone.localdate() - timedelta(days=days_ago)),
    )


def _end(world: World, detention: Detention, days_ago: int) -> Detention:
    return detention_end(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        detention_id=detention.public_id,
        ended_on=timezone.localdate() - timedelta(days=days_ago),
    )


def test_a_custody_is_not_carried_out_while_the_child_is_remanded(world: World, delegation: dict) -> None:
    _detained(world, "remanded", days_ago=3)
    with pytest.raises(ValidationError) as error:
        record(world, replace(decision(DecisionKind.LVU_IMMEDIATE_CUSTODY), executed_on=timezone.localdate()))
    assert "9 § andra stycket LVU" in error.value.error_dict["executed_on"][0].message


def test_decided_while_remanded_it_may_be_recorded_without_being_carried_out(world: World, delegation: dict) -> None:
    _detained(world, "remanded", days_ago=3)
    saved = record(world, replace(decision(DecisionKind.LVU_IMMEDIATE_CUSTODY), executed_on=None))
    assert saved.executed_on is None


def test_once_the_remand_has_ended_the_custody_may_be_carried_out(world: World, delegation: dict) -> None:
    remand = _detained(world, "remanded", days_ago=5)
    _end(world, remand, days_ago=1)
    assert not remanded_on(world.own_case, timezone.localdate())
    saved = record(world, replace(decision(DecisionKind.LVU_IMMEDIATE_CUSTODY), executed_on=timezone.localdate()))
    assert saved.executed_on == timezone.localdate()


def test_arrest_or_being_held_does_not_stop_it(world: World, delegation: dict) -> None:
    _detained(world, "held", days_ago=0)
    saved = record(world, replace(decision(DecisionKind.LVU_IMMEDIATE_CUSTODY), executed_on=timezone.localdate()))
    assert saved.pk is not None


def test_the_end_is_recorded_once_and_what_was_recorded_never_changes(world: World) -> None:
    remand = _detained(world, "remanded", days_ago=5)
    _end(world, remand, days_ago=1)
    with pytest.raises(ValidationError):
        _end(world, remand, days_ago=0)
    with pytest.raises(DatabaseError), transaction.atomic():
        Detention.objects.filter(pk=remand.pk).update(kind="held")


def test_the_case_page_lists_it_and_offers_its_end(world: World) -> None:
    _detained(world, "remanded", days_ago=2)
    client = Client()
    client.force_login(world.user("hanna"))
    page = client.get(reverse("casefile:case_detail", args=[world.own_case.public_id])).content.decode()
    assert "Häktad" in page and "pågår" in page and "Registrera att det upphörde" in page
