"""Signed journal entries keep their protection, now written by `core.immutability` like every other table.

0002 wrote its own triggers and function; they are replaced by the helper's (`once_set="signed_at"`),
which refuse the same things: UPDATE and DELETE of a signed row, and TRUNCATE on PostgreSQL.
"""

from django.db import migrations

from core.immutability import replace_triggers

TABLE = "journal_journalentry"


class Migration(migrations.Migration):
    dependencies = [("journal", "0002_signed_entries_immutable")]
    operations = [
        replace_triggers(
            TABLE,
            once_set="signed_at",
            retire={
                "sqlite": [
                    f"DROP TRIGGER IF EXISTS {TABLE}_signed_no_update",
                    f"DROP TRIGGER IF EXISTS {TABLE}_signed_no_delete",
                ],
                "postgresql": [
                    f"DROP TRIGGER IF EXISTS {TABLE}_signed_immutable ON {TABLE}",
                    f"DROP TRIGGER IF EXISTS {TABLE}_no_truncate ON {TABLE}",
                    "DROP FUNCTION IF EXISTS journal_refuse_signed_change()",
                ],
            },
        )
    ]
