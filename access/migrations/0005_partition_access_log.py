"""PostgreSQL: rebuild the access log as a table partitioned by month on `occurred_at`.

The primary key becomes (id, occurred_at), as PostgreSQL requires the partition key in it; ids still
come from one sequence (PostgreSQL 15 allows no identity column on a partitioned table). The
application never updates or deletes log rows, so Django's view of `id` as the key is enough.
Rows, indexes and append-only triggers are carried over; SQLite is left as it is.
"""

from django.db import migrations
from django.utils import timezone

from access.partitions import DEFAULT_PARTITION, PARENT, create_partition_sql, months_ahead, months_between

COLUMNS = """
    id bigint NOT NULL DEFAULT nextval('access_accessevent_event_id_seq'),
    occurred_at timestamp with time zone NOT NULL,
    user_id bigint NULL,
    username varchar(150) NOT NULL,
    role varchar(32) NOT NULL,
    action varchar(16) NOT NULL,
    person_id bigint NULL,
    case_id bigint NULL,
    view_name varchar(80) NOT NULL,
    request_id varchar(36) NOT NULL,
    ip_address inet NULL,
    reason text NOT NULL,
    emergency boolean NOT NULL,
    mac varchar(64) NOT NULL,
    CONSTRAINT access_accessevent_pkey PRIMARY KEY (id, occurred_at)
"""
INDEXES = [
    ("access_accessevent_occurred_at_c0399eef", "(occurred_at)"),
    ("accessevent_person_time", "(person_id, occurred_at)"),
    ("accessevent_case_time", "(case_id, occurred_at)"),
    ("accessevent_user_time", "(user_id, occurred_at)"),
]
OLD = f"{PARENT}_unpartitioned"


def partition(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    run = schema_editor.execute
    run(f"ALTER TABLE {PARENT} RENAME TO {OLD}")
    run(f"ALTER TABLE {OLD} RENAME CONSTRAINT {PARENT}_pkey TO {PARENT}_pkey_old")
    for name, _columns in INDEXES:
        run(f"ALTER INDEX {name} RENAME TO {name}_old")
    run("CREATE SEQUENCE access_accessevent_event_id_seq")
    run(f"CREATE TABLE {PARENT} ({COLUMNS}) PARTITION BY RANGE (occurred_at)")
    run(f"ALTER SEQUENCE access_accessevent_event_id_seq OWNED BY {PARENT}.id")
    run(f"CREATE TABLE {DEFAULT_PARTITION} PARTITION OF {PARENT} DEFAULT")
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"SELECT min(occurred_at), max(id) FROM {OLD}")
        oldest, last_id = cursor.fetchone()
    today = timezone.now().date()
    first = min(oldest.date(), today) if oldest else today
    for month in months_between(first, months_ahead(today, 3)):
        for statement in create_partition_sql(month):
            run(statement)
    for name, columns in INDEXES:
        run(f"CREATE INDEX {name} ON {PARENT} {columns}")
    run(f"INSERT INTO {PARENT} SELECT * FROM {OLD}")
    if last_id:
        run(f"SELECT setval('access_accessevent_event_id_seq', {int(last_id)})")
    run(f"DROP TABLE {OLD}")
    run(
        f"CREATE TRIGGER {PARENT}_append_only BEFORE UPDATE OR DELETE ON {PARENT} "
        "FOR EACH ROW EXECUTE FUNCTION utvag_refuse_change()"
    )
    run(
        f"CREATE TRIGGER {PARENT}_no_truncate BEFORE TRUNCATE ON {PARENT} "
        "FOR EACH STATEMENT EXECUTE FUNCTION utvag_refuse_change()"
    )
    run(
        f"CREATE TRIGGER {DEFAULT_PARTITION}_no_truncate BEFORE TRUNCATE ON {DEFAULT_PARTITION} "
        "FOR EACH STATEMENT EXECUTE FUNCTION utvag_refuse_change()"
    )


class Migration(migrations.Migration):
    # Irreversible on purpose: going back would mean copying the whole log into one table again.
    dependencies = [("access", "0004_protected_authorization_history")]
    operations = [migrations.RunPython(partition)]
