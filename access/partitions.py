"""Monthly partitions of the access log on PostgreSQL.

The log grows by millions of rows a month. Partitioning by `occurred_at` keeps each month's indexes
small, makes "who saw this child" a lookup in the months asked about, and lets the table owner
archive a whole month (DETACH PARTITION) under the retention rules without the application ever
deleting a row. A DEFAULT partition catches anything outside the prepared months, so an insert
never fails; `prepare_log_partitions` makes months ahead (daily, as the tables' owner: the
application's role may not create tables, and sealing never depends on it). Each run also takes
UPDATE, DELETE and TRUNCATE on the log's tables and every partition away from every role but the
owner, whatever `GRANT … ON ALL TABLES` or default privileges gave them.
"""

from datetime import UTC, date, datetime

from django.db import connection

from core.immutability import pg_truncate_guard

PARENT = "access_accessevent"
DEFAULT_PARTITION = f"{PARENT}_default"
SEALS = "access_accesslogseal"
MONTHS_AHEAD = 3


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


# Privileges are checked on the table a statement names: through the parent, the parent's; a
# partition named directly, the partition's own. So every partition must lose them, not the parent
# only. `aclexplode` lists each grant; grantee 0 is PUBLIC.
REVOKE_CHANGES = """
DO $$
DECLARE target record;
BEGIN
  FOR target IN
    SELECT DISTINCT c.oid::regclass AS tab,
           CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS who
    FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
    WHERE (c.oid IN ('access_accessevent'::regclass, 'access_accesslogseal'::regclass)
           OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = 'access_accessevent'::regclass))
      AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE') AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %s FROM %s', target.tab, target.who);
  END LOOP;
END $$
"""


def revoke_changes() -> None:
    """No role but the owner may UPDATE, DELETE or TRUNCATE the log, its seals or any partition."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(REVOKE_CHANGES)


def change_grants() -> list[tuple[str, str, str]]:
    """(table, grantee, privilege) for every UPDATE, DELETE or TRUNCATE a role other than the owner holds."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END, "
            "a.privilege_type FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a "
            "WHERE (c.oid IN (%s::regclass, %s::regclass) "
            "OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = %s::regclass)) "
            "AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE') AND a.grantee <> c.relowner ORDER BY 1, 2, 3",
            [PARENT, SEALS, PARENT],
        )
        return [(table, grantee, privilege) for table, grantee, privilege in cursor.fetchall()]


def partition_problems(today: date) -> list[str]:
    """What goes wrong when months are not prepared ahead: rows in the DEFAULT partition, next month missing."""
    if connection.vendor != "postgresql":
        return []
    problems = []
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*), min(occurred_at) FROM {DEFAULT_PARTITION}")  # noqa: S608 -- a constant
        count, oldest = cursor.fetchone()
        if count:
            problems.append(
                f"{count} access-log rows are in the DEFAULT partition (the oldest from {oldest:%Y-%m-%d}): their "
                "month was not prepared ahead; see operations.md, 'Log partitions'"
            )
        coming = next_month(_month_start(today))
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [partition_name(coming)])
        if not cursor.fetchone()[0]:
            problems.append(
                f"the access log has no partition for {coming:%Y-%m} yet: run prepare_log_partitions as the "
                "tables' owner"
            )
    return problems
