"""A covering index for name search from the team's side, on PostgreSQL only.

A search that starts from the team's persons (a common fragment in a large register) tests the name of
each of them by primary key: in a national register of two million persons that read a heap page per
person, scattered over 1.2 GB. With the id, the search name and the names the hits are sorted by in one
index of about 110 MB, the test and the sort are index-only, and only the hits shown are read from the
table (`casefile.persons.search_persons`). SQLite has no covering indexes; its register is small.
"""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS person_id_names ON people_person (id) "
            "INCLUDE (search_name, family_name, given_name)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS person_id_names")


class Migration(migrations.Migration):
    dependencies = [("people", "0003_search_name_trigram")]
    operations = [migrations.RunPython(create, drop)]
