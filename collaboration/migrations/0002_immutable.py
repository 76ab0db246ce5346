"""What was disclosed stays as it was recorded (issue 16): the database refuses UPDATE and DELETE of every
column of a disclosure. Reviewed by hand. A mistake is put right by a correction, a new row that names it.
"""

from django.db import migrations

from core.immutability import immutable


class Migration(migrations.Migration):
    dependencies = [("collaboration", "0001_initial")]
    operations = [immutable("collaboration_disclosure")]
