"""Each unit names its mottagning (intake team), where signals about a child without a case open one.

Until now a signal opened the case in the registering user's own team, which let a user reach a person
known to Utväg that was not theirs to see (audit, point 1). A unit with only one team gets that team
as its mottagning; a unit with several must be given one (`manage.py set_intake_team`), and until then
signals cannot be registered there (intake refuses them with a message saying why).
"""

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def single_teams_take_intake(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Team = apps.get_model("accounts", "Team")
    by_unit: dict[int, list[int]] = {}
    for team_id, unit_id in Team.objects.values_list("id", "unit_id"):
        by_unit.setdefault(unit_id, []).append(team_id)
    only = [ids[0] for ids in by_unit.values() if len(ids) == 1]
    Team.objects.filter(id__in=only).update(is_intake=True)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_must_change_password"),
    ]

    operations = [
        migrations.AddField(
            model_name="team",
            name="is_intake",
            field=models.BooleanField(default=False, verbose_name="mottagning"),
        ),
        migrations.AddConstraint(
            model_name="team",
            constraint=models.UniqueConstraint(
                condition=models.Q(("is_intake", True)), fields=("unit",), name="team_one_intake_per_unit"
            ),
        ),
        migrations.RunPython(single_teams_take_intake, migrations.RunPython.noop),
    ]
