"""A trigram index for name-fragment search (`search_name LIKE '%…%'`), on PostgreSQL only.

pg_trgm is a trusted extension: the database owner may create it without superuser rights.
SQLite has no such index and scans, which is fine at the embedded scale.
"""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS person_search_name_trgm ON people_person USING gin (search_name gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS person_search_name_trgm")


class Migration(migrations.Migration):
    dependencies = [("people", "0002_protected_person_index")]
    operations = [migrations.RunPython(create, drop)]
