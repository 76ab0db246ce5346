"""Make signed journal entries immutable in the database itself.

A signed entry cannot be updated or deleted by any route (ORM, raw SQL, admin); drafts (signed_at
NULL) stay free to autosave, be signed and be discarded. On PostgreSQL TRUNCATE is refused too.
The conditions look at OLD only, so signing a draft (NULL -> timestamp) passes, while "unsigning"
or editing a signed row is refused. Removing these triggers needs a migration, which is reviewed
code. Same style as access/migrations/0003, with a function of its own so neither depends on the other.
"""

from django.db import migrations

TABLE = "journal_journalentry"

SQLITE_CREATE = [
    f"""CREATE TRIGGER {TABLE}_signed_no_update BEFORE UPDATE ON {TABLE}
WHEN OLD.signed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed journal entry: {TABLE} cannot be updated'); END;""",
    f"""CREATE TRIGGER {TABLE}_signed_no_delete BEFORE DELETE ON {TABLE}
WHEN OLD.signed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed journal entry: {TABLE} cannot be deleted from'); END;""",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_signed_no_update",
    f"DROP TRIGGER IF EXISTS {TABLE}_signed_no_delete",
]

POSTGRES_CREATE = [
    """CREATE OR REPLACE FUNCTION journal_refuse_signed_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
    MESSAGE = 'signed journal entry: ' || TG_TABLE_NAME || ' refuses ' || TG_OP;
END $$""",
    # Row triggers filtered by WHEN: drafts never reach the function.
    f"""CREATE TRIGGER {TABLE}_signed_immutable BEFORE UPDATE OR DELETE ON {TABLE}
  FOR EACH ROW WHEN (OLD.signed_at IS NOT NULL) EXECUTE FUNCTION journal_refuse_signed_change()""",
    # TRUNCATE is per statement and skips row triggers; refuse it whatever the table holds.
    f"""CREATE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE}
  FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_signed_change()""",
]
POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_signed_immutable ON {TABLE}",
    f"DROP TRIGGER IF EXISTS {TABLE}_no_truncate ON {TABLE}",
    "DROP FUNCTION IF EXISTS journal_refuse_signed_change()",
]


def _statements(vendor: str, *, create: bool) -> list[str]:
    if vendor == "postgresql":
        return POSTGRES_CREATE if create else POSTGRES_DROP
    if vendor == "sqlite":
        return SQLITE_CREATE if create else SQLITE_DROP
    raise RuntimeError(f"signed-entry triggers are not written for {vendor}")


def create(apps, schema_editor):
    for statement in _statements(schema_editor.connection.vendor, create=True):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    for statement in _statements(schema_editor.connection.vendor, create=False):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("journal", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
