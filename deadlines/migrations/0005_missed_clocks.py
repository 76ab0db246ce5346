"""A clock keeps the day it was first missed; unit managers are told of an extension decided late."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('deadlines', '0004_application_clock'),
    ]

    operations = [
        migrations.AddField(
            model_name='deadline',
            name='missed_due_on',
            field=models.DateField(blank=True, null=True, verbose_name='missad frist'),
        ),
        migrations.AddField(
            model_name='historicaldeadline',
            name='missed_due_on',
            field=models.DateField(blank=True, null=True, verbose_name='missad frist'),
        ),
        migrations.AlterField(
            model_name='notice',
            name='kind',
            field=models.CharField(choices=[('reminder', 'Påminnelse'), ('escalation', 'Försenad frist'), ('reopened', 'Utredning återöppnad i samma fråga'), ('detention', 'Frihetsberövande'), ('routed', 'Aktualisering till ert team'), ('protected_unnamed', 'Skyddat barn utan namngiven personal'), ('late_extension', 'Frist förlängd i efterhand')], max_length=20),
        ),
    ]
