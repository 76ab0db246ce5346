""" "Who changed what, when" from django-simple-history, for display.

Only the names of changed fields are shown, not old values: an earlier address of a protected
person is as sensitive as the current one.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

HISTORY_LIMIT = 50
_ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}
_HIDDEN = {"history_id", "history_date", "history_change_reason", "history_type", "history_user", "id"}


@dataclass(frozen=True)
class ChangeRow:
    at: datetime
    by: str
    action: str  # created / changed / deleted
    fields: list[str]  # verbose names of changed fields
    reason: str = ""  # the coded reason a service gave (history_change_reason), if any


def change_rows(history: Any, limit: int = HISTORY_LIMIT) -> list[ChangeRow]:
    """Newest first. One query: the records (and their users) for this object, up to `limit` + 1."""
    records = list(history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1])
    rows = []
    for index, newer in enumerate(records[:limit]):
        older = records[index + 1] if index + 1 < len(records) else None
        if older is None or newer.history_type != "~":
            fields: list[str] = []
        else:
            delta = newer.diff_against(older)
            fields = [
                str(newer.instance._meta.get_field(c.field).verbose_name)
                for c in delta.changes
                if c.field not in _HIDDEN
            ]
        rows.append(
            ChangeRow(
                at=newer.history_date,
                by=str(newer.history_user) if newer.history_user else "system",
                action=_ACTIONS.get(newer.history_type, newer.history_type),
                fields=fields,
                reason=newer.history_change_reason or "",
            )
        )
    return rows
