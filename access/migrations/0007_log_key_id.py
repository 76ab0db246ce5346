"""Name the access-log key each row and seal was MACed with, so that key can be rotated.

Rows and seals already written get "" ("from before key rotation"): verification tries every key in
UTVAG_LOG_KEYS for them. The column is added by hand, with a constant default, not by AddField:

- On SQLite, Django's AddField rebuilds the table for a NOT NULL column with a default, and the
  rebuild would silently drop the append-only triggers of migration 0003. `ALTER TABLE … ADD COLUMN`
  keeps them and rewrites nothing.
- On PostgreSQL, `ADD COLUMN` on the partitioned parent (migration 0005) reaches every attached
  partition, the DEFAULT one included, and partitions made later inherit it. With a constant default
  it only changes the catalogue: no row is rewritten and no row trigger fires. It briefly takes an
  ACCESS EXCLUSIVE lock on the log, so writes wait for the migration.

The database keeps the default (`db_default`), so a row written without a key id is a legacy row.
Irreversible on purpose: dropping the column would leave every row written since unverifiable.
"""

from django.db import migrations, models

TABLES = ("access_accessevent", "access_accesslogseal")
ADD_COLUMN = "ALTER TABLE {table} ADD COLUMN key_id varchar(16) DEFAULT '' NOT NULL"


def add_key_id(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise RuntimeError(f"the access-log key id is not written for {vendor}")
    for table in TABLES:
        schema_editor.execute(ADD_COLUMN.format(table=table))


def _key_id():
    return models.CharField(blank=True, db_default="", default="", max_length=16)


class Migration(migrations.Migration):
    dependencies = [("access", "0006_write_actions")]
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(model_name="accessevent", name="key_id", field=_key_id()),
                migrations.AddField(model_name="accesslogseal", name="key_id", field=_key_id()),
            ],
            database_operations=[migrations.RunPython(add_key_id)],
        )
    ]
