"""The child's motivation to leave, over time: the stage, and what the child said in their own words.

Most children are not motivated at first (the social services' answer to the motion); the record is
kept so that a change is seen and seized. It is the worker's account of a conversation, not a score.
"""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from core.errors import Problems
from core.fields import TEXT_LIMIT
from programme.models import MotivationRecord, MotivationStage
from programme.rows import locked_open_participation


@dataclass(frozen=True)
class MotivationInput:
    stage: str
    child_words: str
    heard_on: date


def motivation_record(
    *, actor: Actor, case_public_id: object, participation_id: UUID | str, data: MotivationInput
) -> MotivationRecord:
    with changing_case(actor, case_public_id, view_name="programme.motivation", action=CaseAction.PROGRAMME) as case:
        participation = locked_open_participation(case, participation_id)
        problems = Problems()
        words = data.child_words.strip()
        if data.stage not in MotivationStage.values:
            problems.add("stage", _("Välj var barnet står."), "stage")
        if not words:
            problems.add("child_words", _("Skriv vad barnet sa, så nära barnets egna ord som möjligt."), "child_words")
        elif len(words) > TEXT_LIMIT:
            problems.add("child_words", _("Högst %(n)d tecken.") % {"n": TEXT_LIMIT}, "max_length")
        if data.heard_on > timezone.localdate():
            problems.add("heard_on", _("Datumet kan inte ligga i framtiden."), "future")
        elif data.heard_on < participation.raised_on:
            problems.add("heard_on", _("Datumet kan inte ligga före första kontakten."), "reversed")
        problems.raise_any()
        return MotivationRecord.objects.create(
            participation=participation,
            stage=data.stage,
            child_words=words,
            heard_on=data.heard_on,
            heard_by=actor.user,
        )
