"""Loading whole months of access-log rows at once, on PostgreSQL (the synthetic national scale).

Appending rows one request at a time keeps five indexes up to date row by row; for 200 million rows
that is hours of random index writes. A month copied into a bare table, indexed once by sorting and
then attached as that month's partition, takes minutes. The log stays append-only: a month that
already holds rows is never replaced, and the attached partition gets the parent's row triggers and
its own TRUNCATE guard like any other month.
"""

import re
from collections.abc import Iterable
from datetime import date

from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper
from django.utils import timezone

from access.log import COPY_COLUMNS
from access.partitions import PARENT, create_partition_sql, month_bounds, partition_name

# The columns a loaded row gives, in this order (COPY text format: tab-separated, \N for NULL): the
# columns the live writer copies (the id, what the MAC covers, the key id, the MAC's version, the MAC).
COLUMNS = COPY_COLUMNS
_ON_PARENT = re.compile(r"^CREATE (UNIQUE )?INDEX (\S+) ON ONLY \S+ (USING .*)$")


class MonthNotEmpty(Exception):
    """The month already holds log rows: loading must never replace them."""


def clear_empty_month(month: date) -> None:
    """Detach and drop the month's partition if it exists and is empty; refuse if it holds rows."""
    name = partition_name(month)
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [name])
        if not cursor.fetchone()[0]:
            return
        cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {name})")  # noqa: S608 -- a name made from a date
        if cursor.fetchone()[0]:
            raise MonthNotEmpty(f"{name} already holds access-log rows")
        cursor.execute(f"ALTER TABLE {PARENT} DETACH PARTITION {name}")
        cursor.execute(f"DROP TABLE {name}")


def _parent_indexes(cursor: CursorWrapper) -> list[tuple[str, bool]]:
    """The parent's index definitions, and whether each is the primary key."""
    cursor.execute(
        "SELECT pg_get_indexdef(indexrelid), indisprimary FROM pg_index WHERE indrelid = %s::regclass ORDER BY 1",
        [PARENT],
    )
    return list(cursor.fetchall())


def _index_month(cursor: CursorWrapper, name: str, *, closed: bool) -> None:
    """Build the parent's indexes on the loaded table, so ATTACH adopts them instead of building them.

    A closed month (one that has ended) never gets another row: rows are written as they happen. Its
    index pages are filled to the brim instead of the 90 % that leaves room for inserts, which is
    about 2.5 GB less index at the national scale's 200 million rows.
    """
    storage = " WITH (fillfactor = 100)" if closed else ""
    for number, (definition, primary) in enumerate(_parent_indexes(cursor)):
        match = _ON_PARENT.match(definition)
        if match is None:
            raise RuntimeError(f"unexpected index definition on the access log: {definition}")
        unique, _parent_name, method = match.groups()
        index = f"{name}_{'pkey' if primary else f'idx{number}'}"
        cursor.execute(f"CREATE {unique or ''}INDEX {index} ON {name} {method}{storage}")
        if primary:
            # A partition's key must be a constraint too, or ATTACH would build a second index.
            cursor.execute(f"ALTER TABLE {name} ADD CONSTRAINT {index} PRIMARY KEY USING INDEX {index}")


def load_month(month: date, chunks: Iterable[bytes]) -> None:
    """Copy one month's rows (COPY text lines, in COLUMNS order) in as that month's partition.

    One transaction: if anything fails, the month is as it was. Call `clear_empty_month` first
    (outside any worker that loads in parallel: detaching locks the whole log).
    """
    name = partition_name(month)
    start, end = month_bounds(month)
    with transaction.atomic(), connection.cursor() as cursor:
        # An index sorts in memory when it fits (a national month's largest: about 600 MB); this transaction only.
        cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
        # Loaders run one per core already; parallel sort workers would compete with them for the same
        # cores and cost more in all (one 1.5-million-row month, COPY and indexes: 14.5 s of the
        # server's CPU with two workers, 12.5 s without).
        cursor.execute("SET LOCAL max_parallel_maintenance_workers = 0")
        cursor.execute(f"CREATE TABLE {name} (LIKE {PARENT} INCLUDING DEFAULTS)")
        # FREEZE (the table is new in this transaction): the rows are written frozen and their pages
        # marked all-visible, so autovacuum need not read 200 million rows again after the load.
        with cursor.cursor.copy(f"COPY {name} ({', '.join(COLUMNS)}) FROM STDIN WITH (FREEZE)") as copy:
            for chunk in chunks:
                copy.write(chunk)
        _index_month(cursor, name, closed=end <= timezone.now())
        cursor.execute(f"ALTER TABLE {PARENT} ATTACH PARTITION {name} FOR VALUES FROM (%s) TO (%s)", [start, end])
        for statement in create_partition_sql(month)[1:]:  # the TRUNCATE guard; the table exists now
            cursor.execute(statement)
