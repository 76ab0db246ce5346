"""The open instrument, shipped as data from `assessments/instruments/utvag-oppen-1.json`.

Its wording is ours, written only from public descriptions (the file's `source` says which). A new
version of it is a new file and a new migration: a loaded version never changes.
"""

from pathlib import Path
from typing import Any

from django.db import migrations

from assessments.loading import Tables, load
from assessments.spec import read_file

FILE = Path(__file__).resolve().parent.parent / "instruments" / "utvag-oppen-1.json"


def _tables(apps: Any) -> Tables:
    return Tables(
        instrument=apps.get_model("assessments", "Instrument"),
        scale=apps.get_model("assessments", "Scale"),
        scale_value=apps.get_model("assessments", "ScaleValue"),
        domain=apps.get_model("assessments", "Domain"),
        item=apps.get_model("assessments", "Item"),
    )


def add(apps: Any, schema_editor: Any) -> None:
    load(_tables(apps), read_file(FILE))


def remove(apps: Any, schema_editor: Any) -> None:
    tables = _tables(apps)
    spec = read_file(FILE)
    instrument = tables.instrument.objects.filter(key=spec.key, version=spec.version)
    tables.item.objects.filter(instrument__in=instrument).delete()
    tables.domain.objects.filter(instrument__in=instrument).delete()
    tables.scale_value.objects.filter(scale__instrument__in=instrument).delete()
    tables.scale.objects.filter(instrument__in=instrument).delete()
    instrument.delete()


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial")]
    operations = [migrations.RunPython(add, remove)]
