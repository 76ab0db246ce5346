"""The day each party got a decision; its delivery facts never change, only how the appeal period ended."""

import core.fields
import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models

from core.immutability import immutable


class Migration(migrations.Migration):

    dependencies = [
        ('decisions', '0006_court_rulings'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='DecisionDelivery',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('party_kind', models.CharField(choices=[('child', 'Barnet (15 år eller äldre)'), ('guardian', 'Vårdnadshavare'), ('other', 'Annan part')], max_length=20, verbose_name='part')),
                ('party_name', core.fields.EncryptedTextField(blank=True, default='', verbose_name='namn')),
                ('delivered_on', models.DateField(verbose_name='fick del av beslutet')),
                ('method', models.CharField(choices=[('in-person', 'Lämnat personligen'), ('letter', 'Brev'), ('service', 'Delgivning'), ('digital', 'Digital brevlåda')], max_length=20, verbose_name='hur')),
                ('recorded_at', models.DateTimeField(verbose_name='registrerat')),
                ('appeal_received_on', models.DateField(blank=True, null=True, verbose_name='överklagande kom in')),
                ('settled_at', models.DateTimeField(blank=True, null=True, verbose_name='överklagandetiden avslutad')),
                ('decision', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='deliveries', to='decisions.decision')),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'delfående av beslut',
                'verbose_name_plural': 'delfåenden av beslut',
                'ordering': ['delivered_on', 'id'],
            },
        ),
        immutable(
        "decisions_decisiondelivery",
        columns=("decision_id", "party_kind", "party_name", "delivered_on", "method", "recorded_by_id", "recorded_at"),
    ),
    ]
