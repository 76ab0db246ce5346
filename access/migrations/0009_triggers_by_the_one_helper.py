"""The access log and its seals keep their protection, now written by `core.immutability`.

0003 and 0005 wrote their own triggers; the helper's refuse the same things (every UPDATE, DELETE
and TRUNCATE). On PostgreSQL each monthly partition's own TRUNCATE guard is renamed too, since
statement triggers are not inherited from the parent.
"""

from django.db import migrations

from access.partitions import PARENT
from core.immutability import pg_truncate_guard, replace_triggers

SEALS = "access_accesslogseal"


def _retire(table: str, pg_row_trigger: str) -> dict[str, list[str]]:
    return {
        "sqlite": [f"DROP TRIGGER IF EXISTS {table}_no_update", f"DROP TRIGGER IF EXISTS {table}_no_delete"],
        "postgresql": [
            f"DROP TRIGGER IF EXISTS {pg_row_trigger} ON {table}",
            f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}",
        ],
    }


def rename_partition_guards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT child.relname FROM pg_inherits JOIN pg_class child ON child.oid = pg_inherits.inhrelid "
            "JOIN pg_class parent ON parent.oid = pg_inherits.inhparent WHERE parent.relname = %s",
            [PARENT],
        )
        partitions = [row[0] for row in cursor.fetchall()]
    for partition in partitions:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {partition}_no_truncate ON {partition}")
        for statement in pg_truncate_guard(partition):
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("access", "0008_log_mac_as_bytes")]
    operations = [
        replace_triggers(PARENT, retire=_retire(PARENT, f"{PARENT}_append_only")),
        replace_triggers(SEALS, retire=_retire(SEALS, f"{SEALS}_append_only")),
        migrations.RunPython(rename_partition_guards, migrations.RunPython.noop),
    ]
