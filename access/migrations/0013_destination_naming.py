"""Staff named for a case's protected destination, and the destination view as its own log action.

Reviewed by hand: the new action changes choices only (no SQL); the naming table is append-only but for
its withdrawal.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.immutability import immutable


class Migration(migrations.Migration):

    dependencies = [
        ('access', '0012_case_members'),
        ('cases', '0003_closure_reason'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='accessevent',
            name='action',
            field=models.CharField(choices=[('view', 'Visning'), ('list', 'Lista'), ('search', 'Sökning'), ('export', 'Export'), ('print', 'Utskrift'), ('api', 'API'), ('write', 'Ändring'), ('refused', 'Ändring avvisad'), ('emergency', 'Nödåtkomst begärd'), ('denied', 'Nekad'), ('destination', 'Visning av skyddad vistelseort')], max_length=16),
        ),
        migrations.CreateModel(
            name='DestinationNaming',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('reason', models.TextField(max_length=2000, verbose_name='skäl')),
                ('named_at', models.DateTimeField()),
                ('withdrawn_at', models.DateTimeField(blank=True, null=True)),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='destination_namings', to='cases.case')),
                ('named_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='destination_namings', to=settings.AUTH_USER_MODEL)),
                ('withdrawn_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'namngiven för skyddad vistelseort',
                'verbose_name_plural': 'namngivna för skyddad vistelseort',
                'ordering': ['-named_at'],
                'indexes': [models.Index(fields=['user', 'case'], name='destination_naming_user_case')],
                'constraints': [models.UniqueConstraint(condition=models.Q(('withdrawn_at__isnull', True)), fields=('case', 'user'), name='destination_naming_one_live'), models.CheckConstraint(condition=models.Q(('reason', ''), _negated=True), name='destination_naming_reason_required')],
            },
        ),
        # Who was named, by whom and why stays; only the withdrawal is set, once.
        immutable(
            "access_destinationnaming", columns=("case_id", "user_id", "reason", "named_by_id", "named_at")
        ),
    ]
