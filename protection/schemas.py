"""Protection's JSON shapes: codes, not display texts, so a client can translate them itself. Never a
destination, and a relative only as far as the reader may see them."""

from datetime import date
from uuid import UUID

from ninja import Schema


class ThreatenedOut(Schema):
    kind: str  # child, guardian, sibling, other
    person_id: UUID | None  # the relative; None for the child
    level: str


class ThreatOut(Schema):
    id: UUID
    assessed_on: date
    source: str
    with_police: bool
    threatened_by: str  # in general terms
    review_on: date
    review_passed: bool
    replaces: UUID | None
    threatened: list[ThreatenedOut]  # the ones the reader may see
    hidden_relatives: int  # threatened relatives with protected identity the reader is not named for


class ProtectionOut(Schema):
    case_id: UUID
    current: ThreatOut | None  # the current threat picture
