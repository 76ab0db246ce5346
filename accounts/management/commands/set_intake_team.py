from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import Team
from accounts.services import intake_team_set


class Command(BaseCommand):
    help = (
        "Name a unit's mottagning (intake team): signals about a child no team answers for open a case there. "
        "A unit without one cannot register signals."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("team", help="the team, as 'Unit/Team'")

    def handle(self, *args: Any, **options: Any) -> None:
        unit_name, _, team_name = options["team"].partition("/")
        team = Team.objects.select_related("unit").filter(unit__name=unit_name, name=team_name).first()
        if team is None:
            raise CommandError(f"no team {options['team']!r} (write it as 'Unit/Team')")
        intake_team_set(team=team)
        self.stdout.write(f"{team.unit.name}: the mottagning is now {team.name}")
