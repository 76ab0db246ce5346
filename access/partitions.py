"""Monthly partitions of the access log on PostgreSQL.

The log grows by millions of rows a month. Partitioning by `occurred_at` keeps each month's indexes
small, makes "who saw this child" a lookup in the months asked about, and lets the table owner
archive a whole month (DETACH PARTITION) under the retention rules without the application ever
deleting a row. A DEFAULT partition catches anything outside the prepared months, so an insert
never fails; `ensure_access_log_partitions` prepares months ahead (run it daily).
"""

from datetime import UTC, date, datetime

from django.db import connection

from core.immutability import pg_truncate_guard

PARENT = "access_accessevent"
DEFAULT_PARTITION = f"{PARENT}_default"


def _month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(month: date) -> date:
    return month.replace(year=month.year + 1, month=1) if month.month == 12 else month.replace(month=month.month + 1)


def months_ahead(day: date, count: int) -> date:
    month = _month_start(day)
    for _ in range(count):
        month = next_month(month)
    return month


def month_bounds(month: date) -> tuple[datetime, datetime]:
    """The month's partition holds rows from its first midnight (UTC) up to the next month's."""
    return (
        datetime.combine(month, datetime.min.time(), tzinfo=UTC),
        datetime.combine(next_month(month), datetime.min.time(), tzinfo=UTC),
    )


def partition_name(month: date) -> str:
    return f"{PARENT}_y{month.year}m{month.month:02d}"


def create_partition_sql(month: date) -> list[str]:
    """The statements creating one month's partition (idempotent), with its TRUNCATE guard.

    Row triggers on the parent are cloned to every partition by PostgreSQL; statement triggers are not,
    so a TRUNCATE aimed at the partition itself is refused by its own trigger.
    """
    name = partition_name(month)
    start, end = (bound.isoformat() for bound in month_bounds(month))
    return [
        f"CREATE TABLE IF NOT EXISTS {name} PARTITION OF {PARENT} FOR VALUES FROM ('{start}') TO ('{end}')",
        *pg_truncate_guard(name),
    ]


def months_between(first: date, last: date) -> list[date]:
    months, month = [], _month_start(first)
    while month <= _month_start(last):
        months.append(month)
        month = next_month(month)
    return months


def ensure_partitions(first: date, last: date) -> list[str]:
    """Create the monthly partitions from `first` to `last` that do not exist yet; returns their names.

    Fails if the DEFAULT partition already holds rows of such a month: keep it empty by running this
    ahead of time (the sealing timer does, three months ahead).
    """
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname FROM pg_class WHERE relname LIKE %s", [f"{PARENT}_y%"])
        existing = {row[0] for row in cursor.fetchall()}
        created = []
        for month in months_between(first, last):
            if partition_name(month) not in existing:
                for statement in create_partition_sql(month):
                    cursor.execute(statement)
                created.append(partition_name(month))
    return created
