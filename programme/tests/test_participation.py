"""A child's participation in the programme: raised, moved through phases, ended, and the waits measured."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from conftest import World, signed_in
from decisions.services import decision_record
from decisions.tests.test_decisions import decision
from delegation.models import DecisionKind
from programme.models import Participation, PhaseTransition
from programme.selectors import programme_page
from programme.services import EndInput, PhaseInput, RaiseInput, participation_end, participation_raise, phase_record
from programme.tests.helpers import days_ago, moved, raised

pytestmark = pytest.mark.django_db


def test_a_defector_specialist_raises_a_child_into_the_first_phase_and_its_page_is_logged(world: World) -> None:
    participation = raised(world)
    assert [t.phase.code for t in participation.transitions.all()] == ["raised"]
    response = signed_in(world.user("hanna")).get(
        reverse("programme:participation", args=[world.own_case.public_id, participation.public_id])
    )
    assert response.status_code == 200
    assert "Polisförhör" in response.content.decode()
    row = AccessEvent.objects.filter(view_name="programme.participation").get()
    assert (row.username, row.action, row.case_id) == ("hanna", AccessAction.VIEW, world.own_case.pk)


def test_every_problem_of_a_raise_is_told_at_once_nothing_is_saved_and_the_attempt_is_logged(world: World) -> None:
    bad = RaiseInput(raised_on=timezone.localdate() + timedelta(days=1), raised_how="gossip", raised_by=" ")
    with pytest.raises(ValidationError) as refused:
        participation_raise(actor=Actor.system(world.user("hanna")), case_public_id=world.own_case.public_id, data=bad)
    assert set(refused.value.error_dict) == {"raised_on", "raised_how", "raised_by"}
    assert not Participation.objects.exists()
    row = AccessEvent.objects.filter(view_name="programme.raise").get()
    assert row.action == AccessAction.REFUSED
    assert "raised_how:raised_how" in row.reason


def test_a_child_already_in_the_programme_is_not_raised_twice(world: World) -> None:
    raised(world)
    with pytest.raises(ValidationError, match="redan"):
        raised(world, user="hanna")
    assert Participation.objects.count() == 1


def test_treatment_staff_may_not_carry_the_programme_and_the_refusal_names_the_action(world: World) -> None:
    with pytest.raises(PermissionDenied):
        raised(world, user="bo")
    row = AccessEvent.objects.get(view_name="programme.raise")
    assert (row.action, row.reason) == (AccessAction.DENIED, "role:programme")
    assert not Participation.objects.exists()


def test_another_teams_worker_cannot_raise_or_read_and_is_answered_as_for_nothing(world: World) -> None:
    participation = raised(world)
    with pytest.raises(Http404):
        raised(world, user="sara")
    with pytest.raises(Http404):
        programme_page(Actor.system(world.user("sara")), world.own_case.public_id, participation.public_id)
    # A participation of another case through this case's address is not found either.
    other = raised(world, user="sara", case=world.other_team_case)
    with pytest.raises(Http404):
        programme_page(Actor.system(world.user("hanna")), world.own_case.public_id, other.public_id)


def test_phases_move_forward_in_time_and_the_end_is_reached_only_by_ending(world: World) -> None:
    participation = raised(world, days=30)
    moved(world, participation, "joint-meeting", 20)
    actor = Actor.system(world.user("hanna"))
    ids = {"case_public_id": world.own_case.public_id, "participation_id": participation.public_id}
    with pytest.raises(ValidationError) as before:
        phase_record(actor=actor, **ids, data=PhaseInput(phase="assessment", entered_on=days_ago(25)))
    assert set(before.value.error_dict) == {"entered_on"}
    with pytest.raises(ValidationError) as ending:
        phase_record(actor=actor, **ids, data=PhaseInput(phase="ended", entered_on=days_ago(10)))
    assert set(ending.value.error_dict) == {"phase"}
    assert PhaseTransition.objects.filter(participation=participation).count() == 2


def test_ending_codes_the_reason_enters_the_end_phase_and_stops_further_changes(world: World) -> None:
    participation = raised(world, days=30)
    actor = Actor.system(world.user("hanna"))
    ids = {"case_public_id": world.own_case.public_id, "participation_id": participation.public_id}
    with pytest.raises(ValidationError) as unexplained:
        participation_end(actor=actor, **ids, data=EndInput(ended_on=days_ago(1), end_reason="other"))
    assert set(unexplained.value.error_dict) == {"end_note"}
    participation_end(actor=actor, **ids, data=EndInput(ended_on=days_ago(1), end_reason="moved"))
    participation.refresh_from_db()
    assert (participation.ended_on, participation.end_reason) == (days_ago(1), "moved")
    assert participation.transitions.order_by("-id").first().phase.code == "ended"  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="avslutat"):
        moved(world, participation, "follow-up", 0)
    # Ended, the child may be raised again: a new participation beside the old.
    assert raised(world, days=0).pk != participation.pk


def test_the_waits_run_from_first_contact_to_the_first_meeting_and_the_first_decision_on_support(
    world: World, delegation: dict
) -> None:
    participation = raised(world, days=30)
    page = programme_page(Actor.system(world.user("hanna")), world.own_case.public_id, participation.public_id)
    assert (page.to_first_meeting.reached_on, page.to_first_meeting.days) == (None, 30)
    moved(world, participation, "police-check", 26)
    moved(world, participation, "joint-meeting", 23)
    # A decision on support from before the first contact is not the programme's answer.
    hanna = Actor.system(world.user("hanna"))
    decision_record(
        actor=hanna, case_public_id=world.own_case.public_id, data=decision(DecisionKind.SUPPORT, days_ago(40))
    )
    decision_record(
        actor=hanna, case_public_id=world.own_case.public_id, data=decision(DecisionKind.SUPPORT, days_ago(12))
    )
    page = programme_page(hanna, world.own_case.public_id, participation.public_id)
    assert (page.to_first_meeting.reached_on, page.to_first_meeting.days) == (days_ago(23), 7)
    assert (page.to_first_support.reached_on, page.to_first_support.days) == (days_ago(12), 18)
    assert page.current.phase.code == "joint-meeting"


def test_the_case_page_shows_where_the_child_stands_in_the_programme(world: World) -> None:
    client = signed_in(world.user("hanna"))
    url = reverse("casefile:case_detail", args=[world.own_case.public_id])
    page = client.get(url).content.decode()
    assert reverse("programme:participation_new", args=[world.own_case.public_id]) in page
    participation = raised(world)
    moved(world, participation, "joint-meeting", 1)
    page = client.get(url).content.decode()
    assert "Gemensamt möte med polisen" in page
    assert reverse("programme:participation_new", args=[world.own_case.public_id]) not in page


def test_the_programme_page_reads_in_the_same_number_of_queries_however_long_its_history(world: World) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from programme.defector import MET, CriteriaInput, criteria_record
    from programme.motivation import MotivationInput, motivation_record

    participation = raised(world, days=300)
    client = signed_in(world.user("hanna"))
    url = reverse("programme:participation", args=[world.own_case.public_id, participation.public_id])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    small = queries()
    adam = Actor.system(world.user("adam"))
    ids = {"case_public_id": world.own_case.public_id, "participation_id": participation.public_id}
    for days in range(290, 200, -10):
        moved(world, participation, "assessment", days)
        motivation_record(
            actor=adam, **ids, data=MotivationInput(stage="ambivalent", child_words="Kanske.", heard_on=days_ago(days))
        )
        criteria_record(actor=adam, **ids, data=CriteriaInput(checked_on=days_ago(days), states={"threat": MET}))
    assert queries() == small
