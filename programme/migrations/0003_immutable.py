"""What happened in the programme stays as it was recorded: phase changes, defector assessments, the
police criteria and motivation refuse UPDATE and DELETE. A mistake is put right by a newer record."""

from django.db import migrations

from core.immutability import immutable


class Migration(migrations.Migration):
    dependencies = [("programme", "0002_phases_and_definition")]
    operations = [
        immutable("programme_phasetransition"),
        immutable("programme_defectorassessment"),
        immutable("programme_criterioncheck"),
        immutable("programme_motivationrecord"),
    ]
