"""The court's answer to a 6 § custody or an application for care closes or moves the clocks (7-9 §§ LVU)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from conftest import World
from deadlines.models import Deadline, DeadlineKind
from decisions.court import CourtRulingInput, court_ruling_record
from decisions.models import CourtRuling, Decision
from decisions.tests.test_decisions import decision, record
from delegation.models import DecisionKind

pytestmark = pytest.mark.django_db


def _custody(world: World, days_ago: int = 2) -> Decision:
    day = timezone.localdate() - timedelta(days=days_ago)
    return record(world, decision(DecisionKind.LVU_IMMEDIATE_CUSTODY, day, executed_on=day))


def _rule(world: World, on: Decision, outcome: str, **more: object) -> CourtRuling:
    data = CourtRulingInput(
        outcome=outcome, ruled_on=timezone.localdate(), court="Förvaltningsrätten i Malmö", court_case_number="1234-26"
    )
    data = CourtRulingInput(**{**data.__dict__, **more})
    return court_ruling_record(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        decision_id=on.public_id,
        data=data,
    )


def _clock(custody: Decision, kind: DeadlineKind) -> Deadline:
    return Deadline.objects.get(source=f"decision:{custody.pk}", kind=kind)


def test_a_confirmed_custody_meets_the_referral_and_keeps_the_four_weeks(world: World, delegation: dict) -> None:
    custody = _custody(world)
    _rule(world, custody, "custody-confirmed")
    assert _clock(custody, DeadlineKind.LVU_COURT_REFERRAL).met_at is not None
    application = _clock(custody, DeadlineKind.LVU_CARE_APPLICATION)
    assert application.is_open


def test_a_lifted_custody_ends_the_four_weeks(world: World, delegation: dict) -> None:
    custody = _custody(world)
    _rule(world, custody, "custody-lifted")
    application = _clock(custody, DeadlineKind.LVU_CARE_APPLICATION)
    assert application.cancelled_at is not None and "upphävde" in application.cancel_reason
    assert "1234-26" in application.cancel_reason


def test_an_extension_by_the_court_moves_the_four_weeks(world: World, delegation: dict) -> None:
    custody = _custody(world)
    old_due = _clock(custody, DeadlineKind.LVU_CARE_APPLICATION).due_on
    ruling = _rule(world, custody, "application-time", new_due_on=old_due + timedelta(days=14))
    application = _clock(custody, DeadlineKind.LVU_CARE_APPLICATION)
    assert application.due_on == old_due + timedelta(days=14) and application.is_open
    assert "8 § andra stycket LVU" in application.extensions.get().reason
    assert ruling.new_due_on == application.due_on


def test_an_extension_needs_its_day_and_a_later_one(world: World, delegation: dict) -> None:
    custody = _custody(world)
    with pytest.raises(ValidationError) as error:
        _rule(world, custody, "application-time")
    assert "new_due_on" in error.value.error_dict
    due = _clock(custody, DeadlineKind.LVU_CARE_APPLICATION).due_on
    with pytest.raises(ValidationError) as error:
        _rule(world, custody, "application-time", new_due_on=due - timedelta(days=1))
    assert "new_due_on" in error.value.error_dict
    assert not CourtRuling.objects.exists()


def test_an_outcome_must_answer_the_decision_and_is_recorded_once(world: World, delegation: dict) -> None:
    custody = _custody(world)
    with pytest.raises(ValidationError) as error:
        _rule(world, custody, "care-2")  # answers an application, not a custody
    assert "outcome" in error.value.error_dict
    _rule(world, custody, "custody-confirmed")
    with pytest.raises(ValidationError):
        _rule(world, custody, "custody-lifted")
    assert CourtRuling.objects.count() == 1


def test_every_check_is_reported_at_once(world: World, delegation: dict) -> None:
    custody = _custody(world)
    with pytest.raises(ValidationError) as error:
        _rule(world, custody, "care-3", court=" ", ruled_on=timezone.localdate() + timedelta(days=1))
    assert set(error.value.error_dict) == {"outcome", "court", "ruled_on"}


def test_a_ruling_never_changes(world: World, delegation: dict) -> None:
    ruling = _rule(world, _custody(world), "custody-confirmed")
    with pytest.raises(DatabaseError), transaction.atomic():
        CourtRuling.objects.filter(pk=ruling.pk).update(outcome="custody-lifted")


def test_the_case_page_warns_that_an_unreferred_custody_has_lapsed(world: World, delegation: dict) -> None:
    _custody(world, days_ago=12)  # the week of 7 § has run out unmet
    client = Client()
    client.force_login(world.user("hanna"))
    page = client.get(reverse("casefile:case_detail", args=[world.own_case.public_id])).content.decode()
    assert "underställdes inte förvaltningsrätten inom en vecka (7 § tredje stycket LVU)" in page
    assert "Registrera rättens avgörande" in page


def test_the_ruling_page_offers_only_the_outcomes_that_answer_the_decision(world: World, delegation: dict) -> None:
    custody = _custody(world)
    client = Client()
    client.force_login(world.user("hanna"))
    url = reverse("decisions:court_ruling", args=[world.own_case.public_id, custody.public_id])
    page = client.get(url).content.decode()
    assert "Rätten fastställde omhändertagandet" in page and "Rätten avslog ansökan om vård" not in page
    response = client.post(
        url, {"outcome": "custody-lifted", "ruled_on": timezone.localdate().isoformat(), "court": "FR"}
    )
    assert response.status_code == 302 and CourtRuling.objects.get().outcome == "custody-lifted"


@pytest.mark.parametrize(("ruled_before_due", "late"), [(1, False), (-2, True)])
def test_a_court_extension_is_late_only_if_the_court_ruled_after_the_four_weeks(
    world: World, delegation: dict, ruled_before_due: int, late: bool
) -> None:
    from deadlines.models import Notice, NoticeKind

    custody = _custody(world, days_ago=35)  # the four weeks ran out a week ago
    due = _clock(custody, DeadlineKind.LVU_CARE_APPLICATION).due_on
    assert due < timezone.localdate()
    ruled_on = due - timedelta(days=ruled_before_due)
    _rule(world, custody, "application-time", ruled_on=ruled_on, new_due_on=timezone.localdate() + timedelta(days=14))
    application = _clock(custody, DeadlineKind.LVU_CARE_APPLICATION)
    extension = application.extensions.get()
    # The judgment reached us today; whether it was late is the court's day, not the day we recorded it.
    assert extension.decided_on == ruled_on
    assert (extension.days_late > 0) is late
    assert (application.missed_due_on == due) is late
    assert Notice.objects.filter(kind=NoticeKind.LATE_EXTENSION).exists() is late
