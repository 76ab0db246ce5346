"""A later request for feedback and the "olämpligt" exception with its reason (19 kap. 6 § SoL); nullable
columns with no default, so SQLite adds them in place and `intake_signal` keeps its triggers."""

import core.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('intake', '0006_application_labels'),
    ]

    operations = [
        migrations.AddField(
            model_name='signal',
            name='feedback_requested_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='återkoppling begärd'),
        ),
        migrations.AddField(
            model_name='signal',
            name='feedback_withheld_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='återkoppling inte lämnad'),
        ),
        migrations.AddField(
            model_name='signal',
            name='feedback_withheld_reason',
            field=core.fields.EncryptedTextField(blank=True, null=True, verbose_name='varför återkoppling är olämplig'),
        ),
    ]
