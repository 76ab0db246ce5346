"""Make the access log and its seals append-only in the database itself.

The application cannot alter or remove a row, whatever route it takes (ORM, raw SQL, admin).
On PostgreSQL TRUNCATE is refused as well. Removing these triggers needs a migration, which is
reviewed code, and the MACs and seals still reveal any change made behind them.
"""

from django.db import migrations

TABLES = ("access_accessevent", "access_accesslogseal")

SQLITE_CREATE = """
CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, 'append-only: {table} cannot be updated'); END;
CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
BEGIN SELECT RAISE(ABORT, 'append-only: {table} cannot be deleted from'); END;
"""
SQLITE_DROP = "DROP TRIGGER IF EXISTS {table}_no_update; DROP TRIGGER IF EXISTS {table}_no_delete;"

POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION utvag_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
    MESSAGE = 'append-only: ' || TG_TABLE_NAME || ' refuses ' || TG_OP;
END $$;
"""
POSTGRES_CREATE = """
CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
  FOR EACH ROW EXECUTE FUNCTION utvag_refuse_change();
CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
  FOR EACH STATEMENT EXECUTE FUNCTION utvag_refuse_change();
"""
POSTGRES_DROP = "DROP TRIGGER IF EXISTS {table}_append_only ON {table}; DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};"


def _run(schema_editor, statements: str) -> None:
    for statement in statements.split(";\n"):
        if statement.strip():
            schema_editor.execute(statement)


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTION)
        for table in TABLES:
            _run(schema_editor, POSTGRES_CREATE.format(table=table))
    elif vendor == "sqlite":
        for table in TABLES:
            for statement in SQLITE_CREATE.format(table=table).strip().split("END;"):
                if statement.strip():
                    schema_editor.execute(statement + "END;")
    else:
        raise RuntimeError(f"append-only triggers are not written for {vendor}")


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    template = POSTGRES_DROP if vendor == "postgresql" else SQLITE_DROP
    for table in TABLES:
        for statement in template.format(table=table).split(";"):
            if statement.strip():
                schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("access", "0002_initial")]
    operations = [migrations.RunPython(create, drop)]
