"""Building a participation for the programme's tests, through the services as a user would."""

from datetime import date, timedelta

from django.utils import timezone

from access.actor import Actor
from cases.models import Case
from conftest import World
from programme.models import Participation
from programme.services import PhaseInput, RaiseInput, participation_raise, phase_record


def days_ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


def raised(world: World, *, user: str = "adam", case: Case | None = None, days: int = 30) -> Participation:
    return participation_raise(
        actor=Actor.system(world.user(user)),
        case_public_id=(case or world.own_case).public_id,
        data=RaiseInput(raised_on=days_ago(days), raised_how="police-interview", raised_by="Polisen"),
    )


def moved(world: World, participation: Participation, phase: str, days: int, *, user: str = "adam") -> None:
    phase_record(
        actor=Actor.system(world.user(user)),
        case_public_id=participation.case.public_id,
        participation_id=participation.public_id,
        data=PhaseInput(phase=phase, entered_on=days_ago(days)),
    )
