"""The assessments' JSON shapes: ids and values, not display texts. There is no total and no score:
each rating stands alone, as on the page."""

from datetime import date
from uuid import UUID

from ninja import Schema


class RatingOut(Schema):
    item: str  # the item's stable id
    domain: str
    respondent: str  # "worker", or "child": the child's own answer
    value: int | None  # a value of the item's scale; None when answered in words only
    comment: str


class AssessmentOut(Schema):
    id: UUID
    instrument: str
    instrument_version: str
    assessed_on: date
    child_part: str
    corrects: UUID | None
    corrected: bool  # a later assessment corrects this one
    ratings: list[RatingOut]


class AssessmentsOut(Schema):
    case_id: UUID
    assessments: list[AssessmentOut]  # newest first
