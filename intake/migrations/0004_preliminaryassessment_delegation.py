"""The förhandsbedömning names the item of the delegation order it is taken under, as a decision does.

Reviewed by hand:
- The column is nullable and has no default, so the table is not rebuilt (on SQLite an ALTER TABLE
  ADD COLUMN, on PostgreSQL a catalogue change): no row is rewritten, and the append-only triggers of
  migration 0003 stay in place and keep refusing UPDATE and DELETE.
- Assessments signed before this migration keep NULL. They cannot be filled in (the triggers refuse
  it), and nobody could say afterwards which item they were taken under. `intake.services` requires
  the item for every assessment recorded from now on.
- PROTECT: an item of the delegation order that a decision names is never deleted; it gets an end date.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0003_immutable"),
        ("intake", "0003_immutable"),
    ]

    operations = [
        migrations.AddField(
            model_name="preliminaryassessment",
            name="delegation",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="decisions.delegationitem",
                verbose_name="punkt i delegationsordningen",
            ),
        ),
    ]
