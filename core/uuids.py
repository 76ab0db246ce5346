"""Public ids come from URLs and forms as text: one parser for all of them."""

import uuid


def parse_uuid(value: object) -> uuid.UUID | None:
    """The UUID `value` spells, or None for anything else (a malformed id is treated as a missing one)."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None
