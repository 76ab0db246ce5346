"""The court's answers to LVU decisions, append-only like the decisions themselves."""

import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models

from core.immutability import immutable


class Migration(migrations.Migration):

    dependencies = [
        ('decisions', '0005_decision_kinds_by_law'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CourtRuling',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('outcome', models.CharField(choices=[('custody-confirmed', 'Rätten fastställde omhändertagandet (7 § LVU)'), ('custody-lifted', 'Rätten upphävde omhändertagandet (7 § LVU)'), ('application-time', 'Rätten förlängde tiden för ansökan om vård (8 § LVU)'), ('care-2', 'Rätten beslutade om vård enligt 2 § LVU'), ('care-3', 'Rätten beslutade om vård enligt 3 § LVU'), ('care-refused', 'Rätten avslog ansökan om vård')], max_length=30, verbose_name='avgörande')),
                ('ruled_on', models.DateField(verbose_name='avgjort')),
                ('court', models.CharField(max_length=200, verbose_name='domstol')),
                ('court_case_number', models.CharField(blank=True, max_length=40, verbose_name='målnummer')),
                ('new_due_on', models.DateField(blank=True, null=True, verbose_name='ny sista dag för ansökan')),
                ('recorded_at', models.DateTimeField(verbose_name='registrerat')),
                ('decision', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='court_rulings', to='decisions.decision')),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'domstolens avgörande',
                'verbose_name_plural': 'domstolens avgöranden',
                'ordering': ['ruled_on', 'recorded_at', 'id'],
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('new_due_on__isnull', False), ('outcome', 'application-time')), models.Q(models.Q(('outcome', 'application-time'), _negated=True), ('new_due_on__isnull', True)), _connector='OR'), name='court_ruling_extension_has_day')],
            },
        ),
        immutable("decisions_courtruling"),
    ]
