"""The four-month clock: extensions need a reason, and closing then reopening does not restart it."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from access.actor import Actor
from access.models import AccessEvent
from conftest import World
from deadlines.models import Deadline, DeadlineKind, Extension, Notice, NoticeKind
from deadlines.rules import investigation_due
from decisions.models import Decision
from decisions.services import DecisionInput, decision_record, legal_bases_for
from delegation.models import DecisionKind, DelegationItem
from investigations.models import Investigation
from investigations.services import (
    investigation_complete,
    investigation_open,
    investigation_open_for_case,
    participation_record,
)

pytestmark = pytest.mark.django_db


def _open(world: World, opened_on: date, **kwargs: str) -> Investigation:
    return investigation_open(
        actor=Actor.system(world.user("hanna")),
        case=world.own_case,
        question="Oro för kriminalitet",
        opened_on=opened_on,
        **kwargs,
    )


def _complete(world: World, investigation: Investigation, on: date) -> None:
    hanna = Actor.system(world.user("hanna"))
    participation_record(
        actor=hanna,
        case_public_id=world.own_case.public_id,
        investigation_id=investigation.public_id,
        participation="heard",
        views="Vill bo kvar hemma.",
    )
    investigation_complete(
        actor=hanna,
        case_public_id=world.own_case.public_id,
        investigation_id=investigation.public_id,
        outcome="no-measures",
        summary="Ingen insats behövs.",
        completed_on=on,
    )


def _due(investigation: Investigation) -> date:
    return Deadline.objects.get(source=f"investigation:{investigation.pk}", kind=DeadlineKind.INVESTIGATION).due_on


def test_an_investigation_is_due_four_months_after_it_was_opened(world: World) -> None:
    opened = timezone.localdate() - timedelta(days=10)
    assert _due(_open(world, opened)) == investigation_due(opened)


def test_closing_and_reopening_on_the_same_question_keeps_the_original_clock_and_tells_the_manager(
    world: World,
) -> None:
    first_opened = timezone.localdate() - timedelta(days=100)
    first = _open(world, first_opened)
    _complete(world, first, timezone.localdate() - timedelta(days=5))
    second = _open(world, timezone.localdate())
    assert second.continues == first and second.clock_started_on == first_opened
    assert _due(second) == _due(first)
    assert Notice.objects.filter(recipient=world.user("karin"), kind=NoticeKind.REOPENED).exists()


def test_a_new_question_gets_its_own_clock_with_a_stated_reason_and_the_manager_still_sees_it(world: World) -> None:
    first = _open(world, timezone.localdate() - timedelta(days=100))
    _complete(world, first, timezone.localdate() - timedelta(days=5))
    second = _open(world, timezone.localdate(), new_question_reason="Ny anmälan om våld i hemmet.")
    assert second.continues is None and _due(second) == investigation_due(timezone.localdate())
    assert Notice.objects.filter(kind=NoticeKind.REOPENED).count() == 1


def test_only_one_investigation_runs_at_a_time(world: World) -> None:
    _open(world, timezone.localdate())
    with pytest.raises(ValidationError):
        _open(world, timezone.localdate())


def extension(world: World, investigation: Investigation, **overrides: object) -> DecisionInput:
    today = timezone.localdate()
    values: dict[str, object] = {
        "kind": DecisionKind.EXTEND_INVESTIGATION,
        "legal_basis_id": legal_bases_for(DecisionKind.EXTEND_INVESTIGATION, today)[0].pk,
        "delegation_id": DelegationItem.objects.get(decision_kind=DecisionKind.EXTEND_INVESTIGATION).pk,
        "decided_by_name": "Karin Chef",
        "decided_on": today,
        "reasons": "Väntar på utlåtande från BUP.",
        "investigation_id": investigation.public_id,
        "new_due_on": _due(investigation) + timedelta(days=30),
    }
    values.update(overrides)
    return DecisionInput(**values)  # type: ignore[arg-type]


def test_an_extension_is_a_decision_with_a_reason_and_a_new_end_date(world: World, delegation: dict) -> None:
    investigation = _open(world, timezone.localdate())
    old_due = _due(investigation)
    data = extension(world, investigation)
    decision = decision_record(
        actor=Actor.system(world.user("hanna")), case_public_id=world.own_case.public_id, data=data
    )
    assert _due(investigation) == data.new_due_on
    ext = Extension.objects.get()
    assert (ext.previous_due_on, ext.reason) == (old_due, "Väntar på utlåtande från BUP.")
    assert decision.legal_basis.provision == "20 kap. 3 §"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"reasons": "  "}, "reasons"),
        ({"new_due_on": None}, "new_due_on"),
        ({"legal_basis_id": None}, "legal_basis"),
        ({"delegation_id": None}, "delegation"),
        ({"decided_by_name": ""}, "decided_by_name"),
    ],
)
def test_an_extension_without_its_parts_is_refused_and_nothing_is_saved(
    world: World, delegation: dict, overrides: dict[str, object], field: str
) -> None:
    investigation = _open(world, timezone.localdate())
    old_due = _due(investigation)
    with pytest.raises(ValidationError) as error:
        decision_record(
            actor=Actor.system(world.user("hanna")),
            case_public_id=world.own_case.public_id,
            data=extension(world, investigation, **overrides),
        )
    assert field in error.value.message_dict
    assert _due(investigation) == old_due and not Decision.objects.exists() and not Extension.objects.exists()
    refused = AccessEvent.objects.filter(action="refused", view_name="decision.record").get()
    assert field in refused.reason


def test_an_earlier_end_date_is_not_an_extension(world: World, delegation: dict) -> None:
    investigation = _open(world, timezone.localdate())
    with pytest.raises(ValidationError):
        decision_record(
            actor=Actor.system(world.user("hanna")),
            case_public_id=world.own_case.public_id,
            data=extension(world, investigation, new_due_on=_due(investigation) - timedelta(days=1)),
        )
    assert not Decision.objects.exists()


def test_an_investigation_is_not_completed_before_the_childs_participation_is_documented(world: World) -> None:
    investigation = _open(world, timezone.localdate())
    with pytest.raises(ValidationError) as error:
        investigation_complete(
            actor=Actor.system(world.user("hanna")),
            case_public_id=world.own_case.public_id,
            investigation_id=investigation.public_id,
            outcome="no-measures",
            summary="Klart.",
            completed_on=timezone.localdate(),
        )
    assert error.value.code == "participation_missing"
    _complete(world, investigation, timezone.localdate())
    assert Deadline.objects.get(kind=DeadlineKind.INVESTIGATION).met_at is not None


def test_only_a_child_of_fifteen_or_more_reads_and_comments_on_the_investigation(world: World) -> None:
    # The world's child was born 2011-03-04: fifteen since March 2026.
    investigation = _open(world, timezone.localdate())
    saved = participation_record(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        investigation_id=investigation.public_id,
        participation="heard",
        views="Har läst.",
        read_and_commented=True,
    )
    assert saved.child_read_and_commented
    protected = investigation_open_for_case(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.protected_case.public_id,
        question="Skydd",
        opened_on=timezone.localdate(),
    )
    with pytest.raises(ValidationError):  # born 2012-01-02: fourteen in November 2026
        participation_record(
            actor=Actor.system(world.user("hanna")),
            case_public_id=world.protected_case.public_id,
            investigation_id=protected.public_id,
            participation="heard",
            views="Har läst.",
            read_and_commented=True,
        )
