from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import Role, Team, Unit
from accounts.services import staff_user_create


class Command(BaseCommand):
    help = "Create a staff account; prints a one-time password. 2FA enrolment is forced at first sign-in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--first-name", required=True)
        parser.add_argument("--last-name", required=True)
        parser.add_argument("--unit", help="unit name (unit managers)")
        parser.add_argument("--team", help="team name, as 'Unit/Team' (case roles)")
        parser.add_argument("--email", default="", help="work e-mail; single sign-on finds the account by it")

    def handle(self, *args: Any, **options: Any) -> None:
        unit = Unit.objects.filter(name=options["unit"]).first() if options["unit"] else None
        team = None
        if options["team"]:
            unit_name, _, team_name = options["team"].partition("/")
            team = Team.objects.filter(unit__name=unit_name, name=team_name).first()
            if team is None:
                raise CommandError(f"no team {options['team']!r} (write it as 'Unit/Team')")
        if options["unit"] and unit is None:
            raise CommandError(f"no unit {options['unit']!r}")
        try:
            user, password = staff_user_create(
                username=options["username"],
                first_name=options["first_name"],
                last_name=options["last_name"],
                role=options["role"],
                unit=unit,
                team=team,
                email=options["email"],
            )
        except ValidationError as exc:
            raise CommandError("; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())) from exc
        self.stdout.write(f"created {user.username} ({user.get_role_display()})")
        self.stdout.write(
            f"one-time password: {password}  (give it in person; change it and enrol 2FA at first sign-in)"
        )
