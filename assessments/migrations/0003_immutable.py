"""Instruments and assessments stay as they were recorded.

An instrument version never changes once loaded (an assessment names it, so it must keep meaning what
it meant); an assessment and its ratings refuse UPDATE and DELETE: a correction is a new assessment
that names the one it corrects.
"""

from django.db import migrations

from core.immutability import immutable

TABLES = (
    "assessments_instrument",
    "assessments_scale",
    "assessments_scalevalue",
    "assessments_domain",
    "assessments_item",
    "assessments_assessment",
    "assessments_rating",
)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0002_open_instrument")]
    operations = [immutable(table) for table in TABLES]
