"""A covering index of a team's children, on PostgreSQL only.

Name search from the team's side starts from the children of the team's cases. Read through
`case_team_status`, that is a heap page per case, and in a national register a team's 3,000 cases lie
on 3,000 pages of a table of 500,000; with the child in the index the read is index-only (about 6 ms
to 0.2 ms, twice a search). Measured: name search at national scale 64 to 56 ms p50
(docs/benchmarks.md, session 16). SQLite has no covering indexes; its register is small.
"""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE INDEX IF NOT EXISTS case_team_children ON cases_case (team_id) INCLUDE (child_id)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS case_team_children")


class Migration(migrations.Migration):
    dependencies = [("cases", "0003_closure_reason")]
    operations = [migrations.RunPython(create, drop)]
