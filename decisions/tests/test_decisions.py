"""Decisions rest on a legal basis in force that day, name their delegate, and start LVU's clocks."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.http import Http404
from django.utils import timezone

from access.actor import Actor
from access.models import AccessEvent
from conftest import World
from deadlines import rules
from deadlines.models import Deadline, DeadlineKind
from decisions.models import Decision
from decisions.services import DecisionInput, court_referral_record, decision_record, legal_bases_for
from delegation.models import DecisionKind, DelegationItem

pytestmark = pytest.mark.django_db


def decision(kind: str, decided_on: date | None = None, **overrides: Any) -> DecisionInput:
    day = decided_on or timezone.localdate()
    values: dict[str, object] = {
        "kind": kind,
        "legal_basis_id": legal_bases_for(kind, day)[0].pk,
        "delegation_id": DelegationItem.objects.get(decision_kind=kind).pk,
        "decided_by_name": "Ordförande Olsson",
        "decided_on": day,
        "reasons": "Påtaglig risk för barnets hälsa och utveckling.",
        "communication": "urgent",  # 25 § första stycket 3 FL; the communication tests ask for it
        "outcome": "partly",  # an insats that goes partly against the person; other kinds ignore it
    }
    values.update(overrides)
    return DecisionInput(**values)  # type: ignore[arg-type]


def record(world: World, data: DecisionInput, user: str = "hanna") -> Decision:
    return decision_record(actor=Actor.system(world.user(user)), case_public_id=world.own_case.public_id, data=data)


def test_an_immediate_custody_decision_shows_its_court_and_application_deadlines_at_once(
    world: World, delegation: dict
) -> None:
    decided = timezone.localdate() - timedelta(days=1)
    saved = record(world, decision(DecisionKind.LVU_IMMEDIATE_CUSTODY, decided, executed_on=timezone.localdate()))
    deadlines = {d.kind: d for d in Deadline.objects.filter(source=f"decision:{saved.pk}")}
    referral, application = deadlines[DeadlineKind.LVU_COURT_REFERRAL], deadlines[DeadlineKind.LVU_CARE_APPLICATION]
    assert referral.due_on == rules.lvu_court_referral_due(decided)  # a week from the decision
    assert application.due_on == rules.lvu_care_application_due(timezone.localdate())  # four weeks from execution
    assert referral.legal_basis is not None and referral.legal_basis.provision == "7 §"
    assert application.legal_basis is not None and application.legal_basis.provision == "8 §"
    assert saved.legal_basis.provision == "6 §" and "förvaltningsrätten" in saved.appeal_information


def test_referring_to_the_court_meets_the_one_week_deadline_once(world: World, delegation: dict) -> None:
    saved = record(world, decision(DecisionKind.LVU_IMMEDIATE_CUSTODY))
    hanna = Actor.system(world.user("hanna"))
    court_referral_record(actor=hanna, case_public_id=world.own_case.public_id, decision_id=saved.public_id)
    assert Deadline.objects.get(kind=DeadlineKind.LVU_COURT_REFERRAL).met_at is not None
    with pytest.raises(ValidationError):
        court_referral_record(actor=hanna, case_public_id=world.own_case.public_id, decision_id=saved.public_id)


def test_applying_for_care_meets_the_four_week_deadline(world: World, delegation: dict) -> None:
    record(world, decision(DecisionKind.LVU_IMMEDIATE_CUSTODY))
    record(world, decision(DecisionKind.LVU_CARE_APPLICATION))
    assert Deadline.objects.get(kind=DeadlineKind.LVU_CARE_APPLICATION).met_at is not None


def test_care_under_lvu_is_reviewed_every_six_months(world: World, delegation: dict) -> None:
    executed = timezone.localdate() - timedelta(days=200)
    record(world, decision(DecisionKind.LVU_CARE_STARTED, executed - timedelta(days=3), executed_on=executed))
    first = Deadline.objects.get(kind=DeadlineKind.LVU_REVIEW)
    assert first.due_on == rules.lvu_review_due(executed)
    record(world, decision(DecisionKind.LVU_REVIEW))
    first.refresh_from_db()
    follow_up = Deadline.objects.filter(kind=DeadlineKind.LVU_REVIEW, met_at__isnull=True).get()
    assert first.met_at is not None and follow_up.due_on == rules.lvu_review_due(timezone.localdate())


def test_the_legal_basis_must_be_the_one_in_force_for_that_kind_on_the_decision_day(
    world: World, delegation: dict
) -> None:
    old_sol = legal_bases_for(DecisionKind.NOT_OPEN_INVESTIGATION, date(2025, 6, 30))[0]
    assert old_sol.law == "SoL (2001:453)"
    lvu = legal_bases_for(DecisionKind.LVU_IMMEDIATE_CUSTODY, timezone.localdate())[0]
    for wrong in (old_sol, lvu):
        with pytest.raises(ValidationError) as error:
            record(world, decision(DecisionKind.NOT_OPEN_INVESTIGATION, legal_basis_id=wrong.pk))
        assert "legal_basis" in error.value.message_dict
    assert not Decision.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"legal_basis_id": None}, "legal_basis"),
        ({"delegation_id": None}, "delegation"),
        ({"decided_by_name": " "}, "decided_by_name"),
        ({"reasons": ""}, "reasons"),
        ({"decided_on": timezone.localdate() + timedelta(days=1)}, "decided_on"),
        ({"executed_on": timezone.localdate() - timedelta(days=5)}, "executed_on"),  # before the decision
    ],
)
def test_a_decision_missing_a_part_is_refused_with_the_attempt_logged(
    world: World, delegation: dict, overrides: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as error:
        record(world, decision(DecisionKind.LVU_IMMEDIATE_CUSTODY, **overrides))
    assert field in error.value.message_dict
    assert not Decision.objects.exists() and not Deadline.objects.exists()
    assert AccessEvent.objects.filter(action="refused", username="hanna").exists()


def test_a_delegation_item_for_another_kind_of_decision_is_refused(world: World, delegation: dict) -> None:
    wrong = delegation[DecisionKind.SUPPORT].pk
    with pytest.raises(ValidationError) as error:
        record(world, decision(DecisionKind.LVU_IMMEDIATE_CUSTODY, delegation_id=wrong))
    assert [e.code for e in error.value.error_dict["delegation"]] == ["delegation_wrong_kind"]
    refused = AccessEvent.objects.get(action="refused", view_name="decision.record")
    assert refused.reason == "delegation:delegation_wrong_kind"


def test_a_recorded_decision_cannot_be_changed_or_removed_by_any_route(world: World, delegation: dict) -> None:
    saved = record(world, decision(DecisionKind.SUPPORT))
    with pytest.raises(DatabaseError), transaction.atomic():
        Decision.objects.filter(pk=saved.pk).update(decided_by_name="Någon annan")
    with pytest.raises(DatabaseError), transaction.atomic():
        Decision.objects.filter(pk=saved.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE decisions_decision SET decided_on = %s WHERE id = %s", [date(2020, 1, 1), saved.pk])
    saved.refresh_from_db()
    assert saved.decided_by_name == "Ordförande Olsson"


def test_a_correction_is_a_new_decision_pointing_at_the_old(world: World, delegation: dict) -> None:
    first = record(world, decision(DecisionKind.SUPPORT))
    second = record(world, decision(DecisionKind.SUPPORT, corrects_id=first.public_id, reasons="Rättat datum."))
    assert second.corrects == first and list(first.corrections.all()) == [second]


def test_emergency_access_and_other_teams_cannot_decide(world: World, delegation: dict) -> None:
    from conftest import grant_emergency

    grant_emergency(world.user("sara"), world.own_case)
    for user in ("sara", "lars", "anna"):
        with pytest.raises(Http404):
            record(world, decision(DecisionKind.SUPPORT), user=user)
    assert not Decision.objects.exists()
    assert AccessEvent.objects.filter(action="denied", view_name="decision.record").count() == 3


def test_the_unit_manager_may_record_a_decision_in_their_unit(world: World, delegation: dict) -> None:
    # Under a section's item: the manager records what the committee's section decided.
    data = decision(DecisionKind.LVU_CARE_APPLICATION)
    assert record(world, data, user="karin").signed_by == world.user("karin")
