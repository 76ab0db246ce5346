"""Kommunicering before a decision (25 § FL), and how each decision stands to it.

Reviewed by hand: `decision.communication` is nullable with no default, so SQLite adds the column in
place and `decisions_decision` keeps its append-only triggers (core/tests/test_immutability.py checks).
"""

import core.fields
import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models

from core.immutability import immutable


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0003_closure_reason'),
        ('decisions', '0007_deliveries'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='decision',
            name='communication',
            field=models.CharField(blank=True, max_length=20, null=True, verbose_name='kommunicering'),
        ),
        migrations.CreateModel(
            name='Communication',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('party_kind', models.CharField(choices=[('child', 'Barnet (15 år eller äldre)'), ('guardian', 'Vårdnadshavare'), ('other', 'Annan part')], max_length=20, verbose_name='part')),
                ('party_name', core.fields.EncryptedTextField(blank=True, default='', verbose_name='namn')),
                ('material', models.CharField(max_length=300, verbose_name='vad som kommunicerades')),
                ('sent_on', models.DateField(verbose_name='skickat')),
                ('reply_by', models.DateField(verbose_name='svar senast')),
                ('recorded_at', models.DateTimeField(verbose_name='registrerat')),
                ('replied_on', models.DateField(blank=True, null=True, verbose_name='svar kom in')),
                ('reply', core.fields.EncryptedTextField(blank=True, null=True, verbose_name='svaret')),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='communications', to='cases.case')),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'kommunicering',
                'verbose_name_plural': 'kommuniceringar',
                'ordering': ['sent_on', 'id'],
                'constraints': [models.CheckConstraint(condition=models.Q(('reply_by__gte', models.F('sent_on'))), name='communication_time_to_answer')],
            },
        ),
        immutable(
        "decisions_communication",
        columns=("case_id", "party_kind", "party_name", "material", "sent_on", "reply_by", "recorded_by_id", "recorded_at"),
    ),
    ]
