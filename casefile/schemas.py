"""The case file's JSON shapes."""

from datetime import date, datetime
from uuid import UUID

from ninja import Schema


class PersonOut(Schema):
    id: UUID
    given_name: str
    family_name: str
    birth_date: date | None
    protection_level: str
    protected: bool
    # Present only for staff allowed to see them; null otherwise (and always for protected persons
    # unless the caller is named for that person).
    address: str | None
    phone: str | None


class CaseOut(Schema):
    id: UUID
    reference: str
    status: str
    team: str
    opened_at: datetime
    closed_at: datetime | None
    child_id: UUID
    child_name: str
    child_protected: bool
    emergency_access: bool
