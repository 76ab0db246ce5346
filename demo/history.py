"""Synthetic access history: past reads of the seeded cases, MACed as live rows are, at every scale.

Made month by month in time order, so ids grow with time as the live log's do. On PostgreSQL each
month is copied in as its partition and indexed once (access.bulkload): the national scale's 200
million rows take tens of minutes instead of hours. On SQLite rows go in through the ORM.

The inner loop renders each row's text once, for its MAC and for COPY, and touches no model:
at 200 million rows every microsecond per row is three minutes.
"""

import os
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

from django.db import connection

from access import bulkload
from access.log import MAC_VERSION, reserve_event_ids
from access.models import AccessAction, AccessEvent
from access.partitions import PARENT, ensure_partitions, month_bounds, months_between
from core import crypto
from demo.bulk import reserve_ids

VIEW_NAME = "case.overview"
IP_ADDRESS = "10.0.0.1"
ACTIONS = (AccessAction.VIEW.value, AccessAction.LIST.value, AccessAction.SEARCH.value)
CHUNK_ROWS = 20_000
# COPY text for "bytea in hex": an escaped backslash, then x.
_BYTEA_HEX = "\\\\x"
_TIMES_OF_DAY = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}+00:00" for s in range(86_400)]


@dataclass(frozen=True)
class MonthShare:
    """One month's part of the history: its rows fall in [start, end) (epoch seconds, UTC)."""

    month: date
    start: int
    end: int
    count: int
    first_id: int = 0


class Reader(NamedTuple):
    user_id: int
    username: str
    role: str


def plan(start: datetime, end: datetime, count: int) -> list[MonthShare]:
    """Split `count` rows over the months of [start, end), in proportion to each month's seconds.

    Each month gets the rows due by its end less those due by its start, so no share is negative
    and the shares add up to `count` exactly.
    """
    first, last = int(start.timestamp()), int(end.timestamp())
    shares, given = [], 0
    for month in months_between(start.astimezone(UTC).date(), end.astimezone(UTC).date()):
        month_start, month_end = (int(bound.timestamp()) for bound in month_bounds(month))
        lo, hi = max(first, month_start), min(last, month_end)
        due = round(count * (hi - first) / (last - first))
        if hi > lo and due > given:
            shares.append(MonthShare(month, lo, hi, due - given))
            given = due
    return shares


def with_ids(shares: list[MonthShare], first_id: int) -> list[MonthShare]:
    numbered = []
    for share in shares:
        numbered.append(MonthShare(share.month, share.start, share.end, share.count, first_id))
        first_id += share.count
    return numbered


def chunks(share: MonthShare, seed: int, cases: list[tuple[int, int]], readers: list[Reader]) -> Iterator[bytes]:
    """The month's rows in time order as COPY text (bulkload.COLUMNS order), CHUNK_ROWS lines at a time.

    Ids count from `share.first_id`. The same seed, month and inputs give the same bytes. What does
    not change from row to row is rendered once, before the loop; usernames are the seed's own (no
    tab or backslash to escape).
    """
    rng = random.Random(f"{seed}:{share.month.isoformat()}")
    rand = rng.random
    key_id = crypto.log_key_id()
    sign = crypto.log_signer(key_id=key_id)
    start, step, first_id = share.start, (share.end - share.start) / share.count, share.first_id
    request_prefix = f"{seed & 0xFFFFFFFF:08x}-{share.month.year % 10000:04d}-4{share.month.month:03x}-8000-"
    # (MAC text, COPY text) for what a row picks: who read how, and which case (with its child).
    who = [
        (f"{r.user_id}\x1f{r.username}\x1f{r.role}\x1f{action}\x1f", f"{r.user_id}\t{r.username}\t{r.role}\t{action}\t")
        for r in readers
        for action in ACTIONS
    ]
    what = [(f"{child}\x1f{case}\x1f{VIEW_NAME}\x1f", f"{child}\t{case}\t{VIEW_NAME}\t") for case, child in cases]
    mac_tail = "\x1f" + "\x1f".join((IP_ADDRESS, "", "False", key_id))
    # As access.log.event_mac: the MAC's version and the row's id come first, so a copy does not verify.
    mac_head = f"v{MAC_VERSION}\x1f"
    # The MAC goes in as bytea hex input, `\x…`, its backslash doubled as COPY text wants.
    copy_tail = f"\t{IP_ADDRESS}\t\tf\t{key_id}\t{MAC_VERSION}\t{_BYTEA_HEX}"
    days: dict[int, str] = {}
    n_who, n_what = len(who), len(what)
    for chunk_start in range(0, share.count, CHUNK_ROWS):
        lines = []
        for number in range(chunk_start, min(share.count, chunk_start + CHUNK_ROWS)):
            # Stratified: row n falls in the n-th slice of the month, so the rows come out in time order.
            day, second = divmod(start + int((number + rand()) * step), 86_400)
            if day not in days:
                days[day] = datetime.fromtimestamp(day * 86_400, UTC).strftime("%Y-%m-%dT")
            occurred = days[day] + _TIMES_OF_DAY[second]
            who_mac, who_copy = who[int(rand() * n_who)]
            what_mac, what_copy = what[int(rand() * n_what)]
            request_id = f"{request_prefix}{number:012x}"
            event_id = first_id + number
            mac = sign(f"{mac_head}{event_id}\x1f{occurred}\x1f{who_mac}{what_mac}{request_id}{mac_tail}".encode())
            lines.append(f"{event_id}\t{occurred}\t{who_copy}{what_copy}{request_id}{copy_tail}{mac}\n")
        yield "".join(lines).encode()


# What a loader needs, as plain values so it can be handed to a spawned process: the seed, the
# (case id, child id) pairs the rows pick from, and the readers as (user id, username, role).
Job = tuple[int, list[tuple[int, int]], list[tuple[int, str, str]]]
PARALLEL_FROM = 1_000_000


def prepare(anchor: datetime, count: int) -> list[MonthShare]:
    """Plan `count` past reads over the year before `anchor` (ending ten minutes before it).

    The rows' ids are taken first, as their MACs cover them: on PostgreSQL from the log's sequence,
    on SQLite from its counter (consecutive there). On PostgreSQL this also clears the months' empty
    partitions. Call it outside any transaction that runs beside the loaders: detaching locks the log.
    """
    shares = plan(anchor - timedelta(days=365), anchor - timedelta(minutes=10), count)
    if not shares:
        return shares
    if connection.vendor != "postgresql":
        return with_ids(shares, reserve_event_ids(count)[0])
    shares = with_ids(shares, reserve_ids(PARENT, "id", count))
    for share in shares:
        bulkload.clear_empty_month(share.month)
    return shares


def restore_months(shares: list[MonthShare]) -> None:
    """After a failed load, recreate the empty partitions `prepare` cleared and no month replaced.

    Otherwise live rows of such a month would land in the DEFAULT partition, and the month could
    never be created again. Inside a transaction (the tests) the rollback restores them instead.
    """
    if shares and connection.vendor == "postgresql" and not connection.in_atomic_block:
        ensure_partitions(shares[0].month, shares[-1].month)


def workers_for(count: int) -> int:
    """How many loader processes: one per core on PostgreSQL from the city scale up, else none (0).

    A loader has its own connection and transaction and can neither see nor join the caller's: inside
    a transaction (the tests) the months are loaded in the caller's connection instead.
    """
    if connection.vendor != "postgresql" or count < PARALLEL_FROM or connection.in_atomic_block:
        return 0
    return max(1, os.cpu_count() or 1)


def load(job: Job, shares: list[MonthShare], *, progress: Callable[[str], None]) -> None:
    """Load the planned months here, in this process and connection."""
    if connection.vendor == "postgresql":
        for share in shares:
            progress(load_share(job, share))
        return
    ensure_partitions(shares[0].month, shares[-1].month)
    for share in shares:
        for chunk in chunks(share, job[0], job[1], [Reader(*r) for r in job[2]]):
            AccessEvent.objects.bulk_create(_event(line) for line in chunk.decode().splitlines())
        progress(f"access log {share.month:%Y-%m}: {share.count} rows saved")


def load_share(job: Job, share: MonthShare) -> str:
    started = time.monotonic()
    seed, cases, readers = job
    bulkload.load_month(share.month, chunks(share, seed, cases, [Reader(*r) for r in readers]))
    took = time.monotonic() - started
    return f"access log {share.month:%Y-%m}: {share.count} rows loaded and indexed in {took:.0f} s"


def _event(line: str) -> AccessEvent:
    """A COPY line as a model row, for SQLite, with the id its MAC covers (reserved by `prepare`)."""
    values: dict[str, object] = dict(zip(bulkload.COLUMNS, line.split("\t"), strict=True))
    values["id"] = int(str(values["id"]))
    values["mac_version"] = int(str(values["mac_version"]))
    values["occurred_at"] = datetime.fromisoformat(str(values["occurred_at"]))
    values["emergency"] = values["emergency"] == "t"
    values["mac"] = str(values["mac"]).removeprefix(_BYTEA_HEX)
    return AccessEvent(**values)
