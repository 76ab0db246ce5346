"""A notice kind for the staff named for a protected child: a unit manager opened the child's case.

Reviewed by hand: choices only; nothing in the database changes.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('deadlines', '0007_extension_decided_on'),
    ]

    operations = [
        migrations.AlterField(
            model_name='notice',
            name='kind',
            field=models.CharField(choices=[('reminder', 'Påminnelse'), ('escalation', 'Försenad frist'), ('reopened', 'Utredning återöppnad i samma fråga'), ('detention', 'Frihetsberövande'), ('routed', 'Aktualisering till ert team'), ('protected_unnamed', 'Skyddat barn utan namngiven personal'), ('late_extension', 'Frist förlängd i efterhand'), ('protected_opened', 'Skyddat barns ärende öppnat av enhetschef')], max_length=20),
        ),
    ]
