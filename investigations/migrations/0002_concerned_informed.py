"""20 kap. 4 § SoL: whether those concerned were told that the investigation opened, or why not.

Reviewed by hand: `investigations_investigation` is not append-only (participation and completion
are recorded on it later), so the columns are added with their defaults: empty text, no date.
Investigations opened before keep them empty and have no notice clock; the case page offers the
form only for an open investigation.
"""

import core.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('investigations', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='investigation',
            name='concerned_informed',
            field=models.CharField(blank=True, max_length=300, verbose_name='vilka som informerades och hur'),
        ),
        migrations.AddField(
            model_name='investigation',
            name='concerned_informed_on',
            field=models.DateField(blank=True, null=True, verbose_name='de som berörs informerades'),
        ),
        migrations.AddField(
            model_name='investigation',
            name='concerned_not_informed_reason',
            field=core.fields.EncryptedTextField(blank=True, default='', verbose_name='särskilda skäl att inte informera'),
        ),
        migrations.AddField(
            model_name='investigation',
            name='concerned_notice_recorded_at',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
    ]
