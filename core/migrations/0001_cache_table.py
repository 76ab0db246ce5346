"""The table behind the database cache (settings.CACHES), used for sign-in rate limits."""

from django.core.management import call_command
from django.db import migrations


def create(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS utvag_cache")


class Migration(migrations.Migration):
    operations = [migrations.RunPython(create, drop)]
