import time
from datetime import date
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone

from access.models import AccessEvent
from accounts.models import Role, User
from demo.public_contact import ON_CALL_TEAM, ON_CALL_WORKER
from demo.seeding import ACCOUNTS, DEMO_PASSWORD, SCALES, seed


class Command(BaseCommand):
    help = (
        "Load a synthetic municipality (deterministic for a given --seed). Refuses production and non-empty databases."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", choices=list(SCALES), default="demo")
        parser.add_argument("--seed", type=int, default=2025)
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="YYYY-MM-DD that ages and dates count back from (default: today); same seed + today, same data",
        )
        parser.add_argument("--if-empty", action="store_true", help="do nothing (exit 0) when data exists")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("seed never runs in production: synthetic data must not mix with real records")
        if options["scale"] == "national" and connection.vendor != "postgresql":
            raise CommandError("the national scale runs on PostgreSQL only (set DATABASE_URL)")
        if User.objects.exists():
            if options["if_empty"]:
                self.stdout.write("database already has data; not seeding")
                return
            raise CommandError("the database already has data; seed only an empty database")
        today = options["today"] or timezone.localdate()
        started = time.monotonic()

        def progress(message: str) -> None:
            self.stdout.write(f"{time.monotonic() - started:7.0f} s  {message}")

        counts = seed(scale=options["scale"], seed_value=options["seed"], today=today, progress=progress)
        if connection.vendor == "postgresql":
            _vacuum_and_analyze()
            progress("tables vacuumed and planner statistics gathered")
        self.stdout.write(
            self.style.SUCCESS(
                f"seeded {options['scale']}: {counts['persons']} persons, {counts['cases']} cases, "
                f"{counts['access_events']} access-log rows"
            )
        )
        self.stdout.write(f"demo accounts (password {DEMO_PASSWORD}):")
        for username, _first, _last, role, _unit, team, exempt in ACCOUNTS:
            note = "" if exempt else "  (signs in with TOTP, see README)"
            self.stdout.write(f"  {username:15} {role.label}{' – ' + team if team else ''}{note}")
        self.stdout.write(f"  {ON_CALL_WORKER[0]:15} {Role.CASEWORKER.label} – {ON_CALL_TEAM} (socialjour)")
        self.stdout.write("the public contact page, outside the sign-in: /kontakt/")


def _vacuum_and_analyze() -> None:
    """Give bulk-loaded tables the planner statistics and visibility map that autovacuum would, in time.

    Without the visibility map every index-only scan reads the table too. The log's months are
    loaded frozen and only analysed. VACUUM cannot run inside a transaction (the tests seed inside
    one): there the tables are only analysed.
    """
    log_table = AccessEvent._meta.db_table
    with connection.cursor() as cursor:
        for table in connection.introspection.django_table_names(only_existing=True):
            vacuum = table != log_table and not connection.in_atomic_block
            cursor.execute(f"{'VACUUM (ANALYZE)' if vacuum else 'ANALYZE'} {connection.ops.quote_name(table)}")
