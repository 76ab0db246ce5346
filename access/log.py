"""Writing the access log. Called by the read selectors in the same transaction as the read."""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.utils import timezone

from access.actor import Actor
from access.models import AccessAction, AccessEvent, EmergencyAccess
from core import crypto
from people.models import Relation

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


# A MAC of this version covers the row's id too, so a copy of a row under a new id does not verify.
MAC_VERSION = 2
# The log's id sequence on PostgreSQL (access migration 0005).
PG_ID_SEQUENCE = "access_accessevent_event_id_seq"
_TABLE = "access_accessevent"


@dataclass(slots=True)
class NewEvent:
    """A row of the log about to be written: `AccessEvent`'s columns as plain values, until inserted.

    Plain because a list writes a row per person shown, and a model instance costs more to make than
    the row costs to sign and send (8 µs against about 1, measured). `pk`, `key_id`, `mac_version` and
    `mac` are filled in by `sign_events`.
    """

    occurred_at: datetime
    user_id: int | None
    username: str
    role: str
    action: str
    person_id: int | None
    case_id: int | None
    view_name: str
    request_id: str
    ip_address: str | None
    reason: str
    emergency: bool
    pk: int | None = None
    key_id: str = ""
    mac_version: int | None = None
    mac: str = ""


def _field_text(event: AccessEvent | NewEvent) -> list[str]:
    parts = []
    for name in MAC_FIELDS:
        value = getattr(event, name)
        # Always UTC: the database hands timestamps back in UTC whatever zone they were written in.
        parts.append(
            value.astimezone(UTC).isoformat() if name == "occurred_at" else ("" if value is None else str(value))
        )
    return parts


def _mac_message(event: AccessEvent | NewEvent) -> bytes:
    """What a row's MAC covers (`event_mac`)."""
    parts = _field_text(event)
    if event.key_id:
        parts.append(event.key_id)
    if event.mac_version is not None:
        if event.pk is None:
            raise ValueError("a row's MAC covers its id: take one from reserve_event_ids first")
        parts = [f"v{event.mac_version}", str(event.pk), *parts]
    return "\x1f".join(parts).encode("utf-8")


def event_mac(event: AccessEvent, *, key_id: str | None = None) -> str:
    """The row's MAC under the key it names (`event.key_id`), or under `key_id` when given.

    The MAC covers the key id, so a row cannot be moved to another key. A row with a `mac_version`
    (2) is MACed over that version and its id first, so a copy inserted under another id fails; a
    row without one was written before ids were covered and is MACed over its fields (and key id)
    alone. A row from before key rotation (key id "") names no key: pass the `key_id` to try.
    """
    message = _mac_message(event)
    key = key_id or event.key_id
    if not key:
        raise ValueError("this row names no access-log key: pass key_id")
    return crypto.log_mac(message, key_id=key)


def reserve_event_ids(count: int) -> Sequence[int]:
    """Ids for `count` new rows, taken before the rows are written, so each row's MAC can cover its id.

    One statement, and never the same id twice, however many processes write. The ids are taken at
    the moment of writing, so they still grow with time as the seals expect (access.logchain).
    - PostgreSQL: from the log's own sequence (not consecutive when other processes write too).
    - SQLite: by moving the table's AUTOINCREMENT counter on by `count` (a write, so it takes the
      database's one write lock); later inserts of any kind continue after it. Consecutive.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT nextval(%s) FROM generate_series(1, %s)", [PG_ID_SEQUENCE, count])
            return sorted(row[0] for row in cursor.fetchall())
        cursor.execute("UPDATE sqlite_sequence SET seq = seq + %s WHERE name = %s RETURNING seq", [count, _TABLE])
        row = cursor.fetchone()
        if row is None:  # migration 0010 made the counter; a flush that resets sequences removes it
            cursor.execute(
                "INSERT INTO sqlite_sequence (name, seq) SELECT %s, coalesce(max(id), 0) + %s FROM access_accessevent",
                [_TABLE, count],
            )
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [_TABLE])
            row = cursor.fetchone()
    last = int(row[0])
    return range(last - count + 1, last + 1)


def sign_events(events: list[NewEvent], ids: Sequence[int] | None = None) -> None:
    """Give new rows their ids (`ids`, taken by `reserve_event_ids`, or taken here) and MAC them under
    the newest access-log key, recording its id.

    The MACs are `event_mac`'s, from the key's padded states computed once for the rows together
    (`crypto.log_signer`, held equal to `log_mac` by core's tests).
    """
    key_id = crypto.log_key_id()
    sign = crypto.log_signer(key_id=key_id)
    for event, event_id in zip(events, reserve_event_ids(len(events)) if ids is None else ids, strict=True):
        event.pk = event_id
        event.key_id = key_id
        event.mac_version = MAC_VERSION
        event.mac = sign(_mac_message(event))


@dataclass(frozen=True)
class LiveGrants:
    """The actor's live emergency grants: the reason, by case and by person (the child and relatives)."""

    by_case: dict[int, str] = field(default_factory=dict)
    by_person: dict[int, str] = field(default_factory=dict)

    def reason_for(self, person_id: int | None, case_id: int | None) -> str | None:
        if case_id is not None and case_id in self.by_case:
            return self.by_case[case_id]
        return self.by_person.get(person_id) if person_id is not None else None


def live_grants(actor: Actor, now: datetime) -> LiveGrants:
    grants = EmergencyAccess.objects.filter(user=actor.user, expires_at__gt=now).order_by("started_at", "id")
    return _grants_by_person(list(grants.values_list("case_id", "case__child_id", "reason")))


def _grants_by_person(rows: list[tuple[int, int, str]]) -> LiveGrants:
    """The grants (case, child, reason; oldest first), by case and by person: the child and each relative."""
    if not rows:
        return LiveGrants()
    by_case = {case_id: reason for case_id, _child, reason in rows}
    by_person = {child_id: reason for _case, child_id, reason in rows}
    for child_id, relative_id in Relation.objects.filter(child_id__in=list(by_person)).values_list(
        "child_id", "relative_id"
    ):
        by_person.setdefault(relative_id, by_person[child_id])
    return LiveGrants(by_case, by_person)


def write_access_events(
    actor: Actor,
    *,
    action: AccessAction,
    view_name: str,
    subjects: Iterable[tuple[int | None, int | None]],
    reason: str = "",
    emergency: bool = False,
) -> None:
    """One row per (person_id, case_id) shown. An empty result set still writes one row.

    Rows about a case, child or relative the actor reaches through a live emergency grant are
    flagged, with the grant's reason, wherever the read happens (case, person, list, search, API).
    Emergency access is only granted outside the actor's own scope, so a flag means "outside scope";
    a relative who is also in the actor's own cases is flagged too, which errs towards review.

    Inside `batched()` the rows are built at once and inserted with the batch's others when it ends.
    """
    now = timezone.now()
    rows = [
        NewEvent(
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
        for person_id, case_id in list(subjects) or [(None, None)]
    ]
    pending = _pending.get()
    if pending is None:
        _write(actor, rows)
    else:
        pending.append((actor, rows))


# On PostgreSQL, the rows' ids and the actor's live grants (as `live_grants` asks them) in one round
# trip. The ids are the CTE's, taken once whatever the plan (a CTE with a volatile function is
# materialized); the grants are joined to one row so that an actor without any still gets the ids.
_IDS_AND_GRANTS = """
WITH ids AS MATERIALIZED (SELECT nextval(%s) AS id FROM generate_series(1, %s))
SELECT (SELECT array_agg(id ORDER BY id) FROM ids), g.case_id, c.child_id, g.reason
FROM (VALUES (1)) AS one (n)
LEFT JOIN access_emergencyaccess AS g ON g.user_id = %s AND g.expires_at > %s
LEFT JOIN cases_case AS c ON c.id = g.case_id
ORDER BY g.started_at, g.id
"""


def _ids_and_grants(actor: Actor, count: int) -> tuple[Sequence[int] | None, LiveGrants]:
    """Ids for `count` new rows (None: to be taken by `sign_events`) and the actor's live grants."""
    now = timezone.now()
    if connection.vendor != "postgresql":
        return None, live_grants(actor, now)
    with connection.cursor() as cursor:
        cursor.execute(_IDS_AND_GRANTS, [PG_ID_SEQUENCE, count, actor.user.pk, now])
        result = cursor.fetchall()
    grants = [(case_id, child_id, reason) for _ids, case_id, child_id, reason in result if case_id is not None]
    return result[0][0], _grants_by_person(grants)


def _write(actor: Actor, rows: list[NewEvent]) -> None:
    ids, grants = _ids_and_grants(actor, len(rows))
    for event in rows:
        grant_reason = grants.reason_for(event.person_id, event.case_id)
        if grant_reason is not None:
            event.reason = event.reason or grant_reason
            event.emergency = True
    sign_events(rows, ids)
    insert_events(rows)


_pending: ContextVar[list[tuple[Actor, list[NewEvent]]] | None] = ContextVar("access_log_batch", default=None)


@contextmanager
def batched() -> Iterator[None]:
    """The rows written inside, inserted together when the block ends without an error: one grant lookup,
    one id reservation and one COPY for a page that logs its case and then what it shows with it.

    Only inside the transaction the rows belong to (`reads.reading_case`), so they commit or roll back
    with what they record, as each would alone. Nested batches join the outer one.
    """
    if _pending.get() is not None:
        yield
        return
    token = _pending.set([])
    try:
        yield
        written = _pending.get() or []
    finally:
        _pending.reset(token)
    for actor in {id(a): a for a, _rows in written}.values():
        _write(actor, [row for a, rows in written if a is actor for row in rows])


COPY_COLUMNS = ("id", *MAC_FIELDS, "key_id", "mac_version", "mac")
# The columns whose values differ from row to row of one write; the others (who, when, from where,
# what kind of read, under which key) mostly hold one value for all of its rows.
_PER_ROW = ("id", "person_id", "case_id", "mac")
_SHARED = tuple(name for name in COPY_COLUMNS if name not in _PER_ROW)


def insert_events(rows: list[NewEvent]) -> None:
    """Append signed rows, with the ids they were signed with (`sign_events`).

    On PostgreSQL by COPY, which takes about half the time of a multi-row INSERT for a list's rows
    (measured: 100 rows, 4.9 against 8.9 ms), so long lists and searches pay less for their log.
    """
    if connection.vendor != "postgresql":
        # Batched to SQLite's variable limit by Django.
        AccessEvent.objects.bulk_create(
            AccessEvent(id=row.pk, **{name: getattr(row, name) for name in COPY_COLUMNS[1:]}) for row in rows
        )
        return
    # The shared columns' values as their fields prepare them for the database, once for every set of
    # them; the per-row ones are integers (or NULL) and the MAC, which goes in as its 32 bytes
    # (access.fields.DigestField).
    database = connections[DEFAULT_DB_ALIAS]
    fields = {field.name: field for field in AccessEvent._meta.concrete_fields}
    shared_fields = [fields[name] for name in _SHARED]
    shared: dict[tuple[object, ...], list[object]] = {}
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY access_accessevent ({', '.join((*_PER_ROW, *_SHARED))}) FROM STDIN") as copy,
    ):
        for row in rows:
            values = tuple(getattr(row, name) for name in _SHARED)
            if values not in shared:
                shared[values] = [
                    field.get_db_prep_save(v, database) for field, v in zip(shared_fields, values, strict=True)
                ]
            # In the order of _PER_ROW, then _SHARED.
            copy.write_row([row.pk, row.person_id, row.case_id, bytes.fromhex(row.mac), *shared[values]])
