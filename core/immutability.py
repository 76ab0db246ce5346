"""Database triggers that keep signed records as they were signed, on SQLite and PostgreSQL.

The one way Utväg writes such triggers; every table's triggers are named `<table>_immutable_<op>`.
Used from migrations (reviewed code): once installed, no route through the application (form, API,
admin, raw SQL) can change or remove the rows.

- `immutable(table)` refuses every UPDATE and DELETE (and TRUNCATE on PostgreSQL): the access log,
  its seals, decisions, assessments.
- `columns=` refuses UPDATEs that change the named columns and every DELETE, so workflow columns
  (e.g. when feedback was given) can still be filled in.
- `once_set=` freezes a row once that column is set: a journal draft (signed_at NULL) stays free to
  autosave, be signed or be discarded; a signed entry is refused UPDATE and DELETE. The condition
  looks at OLD only, so signing (NULL -> timestamp) passes and "unsigning" is refused.
- `set_once=` (with `columns=`): the other columns may be filled in once, and then no more: an UPDATE
  is refused when it changes a named column or when the first of `set_once` is already set (a
  withdrawal, recorded once). Every DELETE is refused.
"""

from collections.abc import Callable
from typing import Any

from django.db import migrations

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION utvag_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
    MESSAGE = 'append-only: ' || TG_TABLE_NAME || ' refuses ' || TG_OP;
END $$
"""
ROW_OPERATIONS = ("update", "delete")


def trigger_name(table: str, operation: str) -> str:
    return f"{table}_immutable_{operation}"


def _conditions(
    vendor: str, columns: tuple[str, ...], once_set: str | None, set_once: str | None = None
) -> dict[str, str]:
    """The WHEN clause of each row trigger ("" when the trigger always fires)."""
    distinct = "IS DISTINCT FROM" if vendor == "postgresql" else "IS NOT"
    changed = " OR ".join(
        [f"OLD.{c} {distinct} NEW.{c}" for c in columns] + ([f"OLD.{set_once} IS NOT NULL"] if set_once else [])
    )
    frozen = f"OLD.{once_set} IS NOT NULL" if once_set else ""
    update = " AND ".join(f"({part})" for part in (frozen, changed) if part)
    return {"update": update, "delete": frozen}


def _pg_row_trigger(table: str, operation: str, when: str) -> str:
    clause = f" WHEN ({when})" if when else ""
    return (
        f"CREATE TRIGGER {trigger_name(table, operation)} BEFORE {operation.upper()} ON {table} "
        f"FOR EACH ROW{clause} EXECUTE FUNCTION utvag_refuse_change()"
    )


def pg_truncate_guard(table: str) -> list[str]:
    """TRUNCATE skips row triggers and is not inherited by partitions: each table gets its own guard."""
    name = trigger_name(table, "truncate")
    return [
        f"DROP TRIGGER IF EXISTS {name} ON {table}",
        f"CREATE TRIGGER {name} BEFORE TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION utvag_refuse_change()",
    ]


def _sqlite_row_trigger(table: str, operation: str, when: str) -> str:
    clause = f" WHEN {when}" if when else ""
    return (
        f"CREATE TRIGGER {trigger_name(table, operation)} BEFORE {operation.upper()} ON {table}{clause} "
        f"BEGIN SELECT RAISE(ABORT, 'append-only: {table} refuses {operation.upper()}'); END"
    )


def drop_statements(vendor: str, table: str) -> list[str]:
    if vendor == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {trigger_name(table, op)} ON {table}" for op in (*ROW_OPERATIONS, "truncate")]
    return [f"DROP TRIGGER IF EXISTS {trigger_name(table, op)}" for op in ROW_OPERATIONS]


def create_statements(
    vendor: str,
    table: str,
    *,
    columns: tuple[str, ...] = (),
    once_set: str | None = None,
    set_once: str | None = None,
) -> list[str]:
    """Idempotent: the table's triggers are dropped first, so a migration may install them again."""
    if vendor not in ("postgresql", "sqlite"):
        raise RuntimeError(f"append-only triggers are not written for {vendor}")
    if set_once and not columns:
        raise ValueError("set_once= names the column filled in once beside the kept columns=")
    conditions = _conditions(vendor, columns, once_set, set_once)
    statements = drop_statements(vendor, table)
    if vendor == "postgresql":
        statements.append(PG_FUNCTION)
        statements += [_pg_row_trigger(table, op, conditions[op]) for op in ROW_OPERATIONS]
        return statements + pg_truncate_guard(table)[1:]
    return statements + [_sqlite_row_trigger(table, op, conditions[op]) for op in ROW_OPERATIONS]


def _run(statements: Callable[[str], list[str]]) -> Callable[[Any, Any], None]:
    def run(apps: Any, schema_editor: Any) -> None:
        for statement in statements(schema_editor.connection.vendor):
            schema_editor.execute(statement)

    return run


def immutable(
    table: str, *, columns: tuple[str, ...] = (), once_set: str | None = None, set_once: str | None = None
) -> migrations.RunPython:
    """A migration operation installing the triggers for `table` (every column when none are named)."""
    return migrations.RunPython(
        _run(lambda vendor: create_statements(vendor, table, columns=columns, once_set=once_set, set_once=set_once)),
        _run(lambda vendor: drop_statements(vendor, table)),
    )


def replace_triggers(
    table: str,
    *,
    retire: dict[str, list[str]],
    columns: tuple[str, ...] = (),
    once_set: str | None = None,
) -> migrations.RunPython:
    """Retire triggers written before this helper (`retire`: statements per vendor) and install its own.

    Going back leaves the helper's triggers in place instead of writing the old ones again: they
    protect the same rows, and installing them again is idempotent.
    """

    def statements(vendor: str) -> list[str]:
        return retire[vendor] + create_statements(vendor, table, columns=columns, once_set=once_set)

    return migrations.RunPython(_run(statements), migrations.RunPython.noop)
