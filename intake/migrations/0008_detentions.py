"""Detentions of the child; what was recorded never changes, only the day it ended is filled in."""

import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models

from core.immutability import immutable


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0003_closure_reason'),
        ('intake', '0007_feedback_by_the_law'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Detention',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('kind', models.CharField(choices=[('arrested', 'Gripen'), ('held', 'Anhållen'), ('remanded', 'Häktad')], max_length=20, verbose_name='frihetsberövande')),
                ('began_on', models.DateField(verbose_name='från')),
                ('ended_on', models.DateField(blank=True, null=True, verbose_name='till och med')),
                ('recorded_at', models.DateTimeField(verbose_name='registrerat')),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='detentions', to='cases.case')),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'frihetsberövande',
                'verbose_name_plural': 'frihetsberövanden',
                'ordering': ['began_on', 'id'],
                'constraints': [models.CheckConstraint(condition=models.Q(('ended_on__isnull', True), ('ended_on__gte', models.F('began_on')), _connector='OR'), name='detention_ends_after')],
            },
        ),
        immutable("intake_detention", columns=("case_id", "kind", "began_on", "recorded_by_id", "recorded_at")),
    ]
