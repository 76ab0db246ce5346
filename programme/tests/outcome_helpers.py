"""Outcomes for the tests, recorded through the service as a worker would."""

from datetime import date

from django.utils import timezone

from access.actor import Actor
from conftest import World
from programme.models import Participation
from programme.outcome_models import OutcomeRecord
from programme.outcomes import OutcomeInput, Value, outcome_record

VALUES: dict[str, Value] = {
    "new_suspicions": 0,
    "threat_incidents": 1,
    "protective_measures": True,
    "school_attendance": "mostly",
    "occupation": "school",
    "occupation_note": "Åttan på en ny skola",
    "relocated_on": None,
    "own_safety": 4,
    "own_wellbeing": 7,
}


def outcome(**overrides: object) -> OutcomeInput:
    values: dict[str, object] = {
        "occasion": "entry",
        "recorded_on": timezone.localdate(),
        "source": "child",
        "child_words": "Det känns lugnare nu, jag sover bättre.",
        "values": dict(VALUES),
    }
    values.update(overrides)
    return OutcomeInput(**values)  # type: ignore[arg-type]


def recorded(
    world: World, participation: Participation, *, user: str = "hanna", on: date | None = None, **overrides: object
) -> OutcomeRecord:
    data = outcome(recorded_on=on or timezone.localdate(), **overrides)
    return outcome_record(
        actor=Actor.system(world.user(user)),
        case_public_id=participation.case.public_id,
        participation_id=participation.public_id,
        data=data,
    )
