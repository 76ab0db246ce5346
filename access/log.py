"""Writing the access log. Called by the read selectors in the same transaction as the read."""

from collections.abc import Iterable

from django.utils import timezone

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from core import crypto

MAC_FIELDS = (
    "occurred_at",
    "user_id",
    "username",
    "role",
    "action",
    "person_id",
    "case_id",
    "view_name",
    "request_id",
    "ip_address",
    "reason",
    "emergency",
)


def event_mac(event: AccessEvent) -> str:
    parts = []
    for name in MAC_FIELDS:
        value = getattr(event, name)
        parts.append(value.isoformat() if name == "occurred_at" else ("" if value is None else str(value)))
    return crypto.log_mac("\x1f".join(parts).encode("utf-8"))


def write_access_events(
    actor: Actor,
    *,
    action: AccessAction,
    view_name: str,
    subjects: Iterable[tuple[int | None, int | None]],
    reason: str = "",
    emergency: bool = False,
) -> list[AccessEvent]:
    """One row per (person_id, case_id) shown. An empty result set still writes one row."""
    now = timezone.now()
    rows = []
    for person_id, case_id in list(subjects) or [(None, None)]:
        event = AccessEvent(
            occurred_at=now,
            user_id=actor.user.pk,
            username=actor.user.get_username(),
            role=actor.role,
            action=action,
            person_id=person_id,
            case_id=case_id,
            view_name=view_name,
            request_id=actor.request_id,
            ip_address=actor.ip_address,
            reason=reason,
            emergency=emergency,
        )
        event.mac = event_mac(event)
        rows.append(event)
    return AccessEvent.objects.bulk_create(rows)
