"""A marker on each access-log row for a MAC that covers the row's id (`mac_version`).

Reviewed: one nullable column with no default, nothing else.

- Rows already written get NULL, and keep verifying under the formula they were MACed with (the log
  is append-only: they can never be MACed again). Rows written from now on carry 2.
- SQLite: a nullable column without a default is added by `ALTER TABLE … ADD COLUMN`, so the table
  is not rebuilt and keeps its append-only triggers (core/tests/test_immutability.py checks).
- PostgreSQL: `ADD COLUMN … NULL` on the partitioned parent reaches every partition, the DEFAULT one
  included, and partitions made later inherit it; it changes only the catalogue (no row rewritten,
  no row trigger fires). It takes an ACCESS EXCLUSIVE lock on the log for that moment.
- A `SmallIntegerField`, not a positive one: PostgreSQL would add a CHECK constraint and scan the
  whole log to validate it.
- SQLite: the log's AUTOINCREMENT counter (its row in `sqlite_sequence`) is made if the log is still
  empty, at the highest id so far, so that taking ids ahead of writing (`access.log.reserve_event_ids`)
  is one UPDATE from the first row on. No log row is touched.
"""

from django.db import migrations, models


def start_the_id_counter(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(
        "INSERT INTO sqlite_sequence (name, seq) SELECT 'access_accessevent', coalesce(max(id), 0) "
        "FROM access_accessevent WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'access_accessevent')"
    )


class Migration(migrations.Migration):
    dependencies = [("access", "0009_triggers_by_the_one_helper")]
    operations = [
        migrations.AddField(model_name="accessevent", name="mac_version", field=models.SmallIntegerField(null=True)),
        # Going back leaves the counter: it is where SQLite keeps it once a row is written anyway.
        migrations.RunPython(start_the_id_counter, migrations.RunPython.noop),
    ]
