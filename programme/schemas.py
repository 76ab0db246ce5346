"""The programme's JSON shapes: codes, not display texts, so a client can translate them itself."""

from datetime import date
from uuid import UUID

from ninja import Schema


class PhaseOut(Schema):
    phase: str
    entered_on: date


class WaitOut(Schema):
    reached_on: date | None
    days: int  # to the step, or waited so far while it has not come


class DefectorOut(Schema):
    assessed_on: date
    chosen_to_leave: str
    needs_support: str
    meets_definition: bool
    definition: str


class CriterionOut(Schema):
    criterion: str
    met: bool | None  # None: never checked
    checked_on: date | None


class MotivationOut(Schema):
    heard_on: date
    stage: str
    child_words: str


class ParticipationOut(Schema):
    id: UUID
    case_id: UUID
    raised_on: date
    raised_how: str
    raised_by: str
    ended_on: date | None
    end_reason: str
    phases: list[PhaseOut]
    to_first_meeting: WaitOut
    to_first_support: WaitOut
    defector: DefectorOut | None  # the latest assessment
    criteria: list[CriterionOut]
    motivation: list[MotivationOut]


class OccasionOut(Schema):
    occasion: str
    due_on: date
    status: str  # upcoming, due, overdue, recorded, elsewhere
    record_id: UUID | None  # the record that stands for it


class ValueOut(Schema):
    field: str  # the field's key
    kind: str
    value: bool | int | date | str


class OutcomeOut(Schema):
    id: UUID
    occasion: str
    recorded_on: date
    source: str
    child_words: str
    corrects: UUID | None
    values: list[ValueOut]  # only the known ones


class OutcomesOut(Schema):
    participation_id: UUID
    occasions: list[OccasionOut]
    records: list[OutcomeOut]  # newest first, corrected ones too
