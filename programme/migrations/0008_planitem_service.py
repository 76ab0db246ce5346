"""A plan goal names the catalogue's service that carries it, and keeps it as agreed.

The column is nullable with no default, so SQLite adds it in place; the append-only trigger of
0007 is installed again with the column among those kept.
"""

import django.db.models.deletion
from django.db import migrations, models

from core.immutability import immutable

ITEM_KEPT = (
    "participation_id", "domain", "goal_child", "goal_worker", "insats", "description", "decision_id",
    "service_id", "responsible", "starts_on", "ends_on", "follow_up_on", "created_by_id", "created_at",
)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0002_counts_append_only"), ("programme", "0007_plan_protected")]
    operations = [
        migrations.AddField(
            model_name="planitem",
            name="service",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="plan_items",
                to="catalogue.service",
                verbose_name="insats i katalogen",
            ),
        ),
        immutable("programme_planitem", columns=ITEM_KEPT),
    ]
