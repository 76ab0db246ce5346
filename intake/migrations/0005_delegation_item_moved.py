"""The förhandsbedömning's item now lives in the `delegation` app (same table): state only, no SQL."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("delegation", "0001_initial"),
        ("intake", "0004_preliminaryassessment_delegation"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="preliminaryassessment",
                    name="delegation",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="delegation.delegationitem",
                        verbose_name="punkt i delegationsordningen",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
