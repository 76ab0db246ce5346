"""Database triggers that keep signed records as they were signed, on SQLite and PostgreSQL.

Used from migrations (reviewed code): once installed, no route through the application (form, API,
admin, raw SQL) can change or remove the rows. `append_only` refuses every UPDATE and DELETE (and
TRUNCATE on PostgreSQL); `frozen_columns` refuses UPDATEs that change the named columns and every
DELETE, so workflow columns (e.g. when feedback was given) can still be filled in.
"""

from typing import Any

from django.db import migrations

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION utvag_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
    MESSAGE = 'append-only: ' || TG_TABLE_NAME || ' refuses ' || TG_OP;
END $$
"""


def _pg_statements(table: str, columns: tuple[str, ...]) -> list[str]:
    name = f"{table}_immutable"
    if columns:
        changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in columns)
        update = (
            f"CREATE TRIGGER {name}_update BEFORE UPDATE ON {table} FOR EACH ROW "
            f"WHEN ({changed}) EXECUTE FUNCTION utvag_refuse_change()"
        )
    else:
        update = (
            f"CREATE TRIGGER {name}_update BEFORE UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION utvag_refuse_change()"
        )
    return [
        PG_FUNCTION,
        update,
        f"CREATE TRIGGER {name}_delete BEFORE DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION utvag_refuse_change()",
        f"CREATE TRIGGER {name}_truncate BEFORE TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION utvag_refuse_change()",
    ]


def _sqlite_statements(table: str, columns: tuple[str, ...]) -> list[str]:
    name = f"{table}_immutable"
    when = f" WHEN {' OR '.join(f'OLD.{c} IS NOT NEW.{c}' for c in columns)}" if columns else ""
    return [
        f"CREATE TRIGGER {name}_update BEFORE UPDATE ON {table}{when} "
        f"BEGIN SELECT RAISE(ABORT, 'append-only: {table} refuses UPDATE'); END",
        f"CREATE TRIGGER {name}_delete BEFORE DELETE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, 'append-only: {table} refuses DELETE'); END",
    ]


def _drop_statements(vendor: str, table: str) -> list[str]:
    name = f"{table}_immutable"
    suffixes = ("update", "delete", "truncate") if vendor == "postgresql" else ("update", "delete")
    on = f" ON {table}" if vendor == "postgresql" else ""
    return [f"DROP TRIGGER IF EXISTS {name}_{suffix}{on}" for suffix in suffixes]


def immutable(table: str, *, columns: tuple[str, ...] = ()) -> migrations.RunPython:
    """A migration operation installing the triggers for `table` (every column when none are named)."""

    def create(apps: Any, schema_editor: Any) -> None:
        vendor = schema_editor.connection.vendor
        statements = _pg_statements(table, columns) if vendor == "postgresql" else _sqlite_statements(table, columns)
        for statement in statements:
            schema_editor.execute(statement)

    def drop(apps: Any, schema_editor: Any) -> None:
        for statement in _drop_statements(schema_editor.connection.vendor, table):
            schema_editor.execute(statement)

    return migrations.RunPython(create, drop)
