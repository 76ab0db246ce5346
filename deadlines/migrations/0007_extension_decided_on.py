"""The day an extension was decided in law, when it is not the day it was recorded (a court's ruling).

Reviewed by hand: the column is nullable with no default, so SQLite adds it in place and the table's
append-only triggers (which refuse every UPDATE and DELETE) stay; rows already written keep NULL and
are judged by the day they were recorded, as before.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('deadlines', '0006_appeal_clock'),
    ]

    operations = [
        migrations.AddField(
            model_name='extension',
            name='decided_on',
            field=models.DateField(blank=True, null=True, verbose_name='beslutsdag'),
        ),
    ]
