"""DelegationItem moves here from `decisions`, by state alone.

Reviewed by hand: nothing in the database changes. The model keeps its table (`decisions_delegationitem`),
its rows, its unique constraint and the append-only trigger of decisions 0003; intake 0005 and decisions
0004 then point their foreign keys at this model and drop the old one from `decisions`' state.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("decisions", "0003_immutable"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DelegationItem",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("code", models.CharField(max_length=20, verbose_name="punkt")),
                        (
                            "decision_kind",
                            models.CharField(
                                choices=[
                                    ("open-investigation", "Inleda utredning"),
                                    ("no-investigation", "Inte inleda utredning"),
                                    ("extend-investigation", "Förlänga utredningstiden"),
                                    ("lvu-6", "Omedelbart omhändertagande enligt 6 § LVU"),
                                    ("lvu-application", "Ansöka om vård enligt LVU"),
                                    ("lvu-care", "Vård enligt LVU verkställs"),
                                    ("lvu-review", "Övervägande eller omprövning av LVU-vård"),
                                    ("support", "Bistånd eller insats"),
                                    ("other", "Annat beslut"),
                                ],
                                max_length=30,
                                verbose_name="beslutstyp",
                            ),
                        ),
                        ("delegate", models.CharField(max_length=200, verbose_name="delegat")),
                        ("valid_from", models.DateField(verbose_name="gäller från")),
                        ("valid_to", models.DateField(blank=True, null=True, verbose_name="gäller till och med")),
                    ],
                    options={
                        "verbose_name": "punkt i delegationsordningen",
                        "verbose_name_plural": "delegationsordning",
                        "db_table": "decisions_delegationitem",
                        "ordering": ["code"],
                        "constraints": [
                            models.UniqueConstraint(fields=("code", "valid_from"), name="delegation_code_unique")
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
