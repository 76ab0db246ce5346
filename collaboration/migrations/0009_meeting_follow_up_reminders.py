"""That a meeting item's follow-up was told to the case's workers: once per item, append-only; and the index
the daily sweep reads the items' follow-up days through."""

import django.db.models.deletion
from django.db import migrations, models

from core.immutability import immutable


class Migration(migrations.Migration):

    dependencies = [
        ('collaboration', '0008_transfer_requests'),
    ]

    operations = [
        migrations.CreateModel(
            name='MeetingFollowUpReminder',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('follow_up_on', models.DateField()),
                ('sent_at', models.DateTimeField()),
                ('item', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='collaboration.meetingitem')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('item',), name='meeting_follow_up_reminder_once')],
            },
        ),
        # An index, not a rebuild: the items' append-only triggers stay as they are.
        migrations.AddIndex(
            model_name='meetingitem',
            index=models.Index(condition=models.Q(('follow_up_on__isnull', False)), fields=['follow_up_on'], name='collab_item_follow_up'),
        ),
        immutable("collaboration_meetingfollowupreminder"),
    ]
