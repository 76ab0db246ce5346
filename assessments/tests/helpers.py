"""Making assessments for the tests, through the service as a user would."""

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from access.actor import Actor
from assessments.models import Assessment, Instrument
from assessments.selectors import OPEN_INSTRUMENT
from assessments.services import AnswerInput, AssessmentInput, assessment_record
from cases.models import Case
from conftest import World

RISK_ITEMS = [
    f"rs-{area}-{kind}"
    for area in ("individ", "familj", "kamrater", "skola", "narsamhalle")
    for kind in ("risk", "skydd")
]


def open_instrument() -> Instrument:
    return Instrument.objects.get(key=OPEN_INSTRUMENT, version="1")


def answers(**extra: AnswerInput) -> dict[str, AnswerInput]:
    """Every required item rated, the child's safety answered in the child's words, and `extra`."""
    base = {key: AnswerInput(value="2") for key in RISK_ITEMS}
    base["barn-trygghet"] = AnswerInput(value="1", words="Jag är rädd när jag går hem.")
    return base | extra


def data(**changes: Any) -> AssessmentInput:
    """The open instrument's assessment with `answers()`, made `days_ago` (0: today), with `changes`."""
    values: dict[str, object] = {
        "instrument_id": open_instrument().pk,
        "assessed_on": timezone.localdate() - timedelta(days=changes.pop("days_ago", 0)),
        "answers": answers(),
        "child_part": "answered",
    }
    return AssessmentInput(**(values | changes))  # type: ignore[arg-type]


def assessed(world: World, *, user: str = "hanna", case: Case | None = None, **changes: Any) -> Assessment:
    return assessment_record(
        actor=Actor.system(world.user(user)), case_public_id=(case or world.own_case).public_id, data=data(**changes)
    )


def day(days_ago: int) -> date:
    return timezone.localdate() - timedelta(days=days_ago)
