"""A disclosure may name the meeting item it was given at (issue 16: a Bob-råd item to the disclosures it
led to). A nullable column: SQLite adds it in place, so the append-only triggers of 0002 stay."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('collaboration', '0005_incoming_transfers'),
    ]

    operations = [
        migrations.AddField(
            model_name='disclosure',
            name='meeting_item',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='disclosures', to='collaboration.meetingitem', verbose_name='från punkten på samverkansmötet'),
        ),
    ]
