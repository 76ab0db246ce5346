"""The demo municipality's areas for field work: neutral names, for every unit (`unit` empty).

A municipality renames or retires them and adds its own; a contact keeps the area it was logged in."""

from typing import Any

from django.db import migrations

AREAS = ("Centrum", "Norr", "Söder", "Öster", "Väster")


def add_areas(apps: Any, schema_editor: Any) -> None:
    area = apps.get_model("outreach", "OutreachArea")
    for name in AREAS:
        area.objects.get_or_create(name=name, unit=None)


class Migration(migrations.Migration):
    dependencies = [("outreach", "0001_initial")]
    operations = [migrations.RunPython(add_areas, migrations.RunPython.noop)]
