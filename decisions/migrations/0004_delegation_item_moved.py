"""A decision's item now lives in the `delegation` app (same table), and `decisions` forgets the model.

State only, no SQL: the table, its rows and its append-only trigger (0003) stay.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0003_immutable"),
        ("delegation", "0001_initial"),
        ("intake", "0005_delegation_item_moved"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="decision",
                    name="delegation",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="delegation.delegationitem",
                        verbose_name="delegation",
                    ),
                ),
                migrations.DeleteModel(name="DelegationItem"),
            ],
            database_operations=[],
        ),
    ]
