from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from access.logchain import verify_access_log
from core import crypto


class Command(BaseCommand):
    help = (
        "Check every access-log row against its MAC and every seal against the rows it covers; with a "
        "witness file, also that no witnessed seal is missing or changed (a cut-off tail)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--witness",
            type=Path,
            default=None,
            help="the seal witness file (default: UTVAG_LOG_WITNESS, when set); use a copy kept off the host",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        witness = options["witness"] or (Path(settings.ACCESS_LOG_WITNESS) if settings.ACCESS_LOG_WITNESS else None)
        report = verify_access_log(witness_path=witness)
        for problem in report.problems:
            self.stderr.write(problem)
        for key_id, count in report.unconfigured_keys.items():
            self.stderr.write(
                f"key {key_id} not configured: {count} rows or seals name it and could not be checked; "
                "add that key to UTVAG_LOG_KEYS, after the newest"
            )
        for note in report.notes:
            self.stdout.write(note)
        keys = ", ".join(crypto.log_key_ids())
        summary = f"{report.rows_checked} rows and {report.seals_checked} seals checked; log keys {keys} (newest first)"
        if witness is None:
            summary += "; no witness given, so a cut-off tail cannot be seen"
        else:
            summary += f"; {report.witnessed_seals or 0} witnessed seals in {witness}"
        if not report.ok:
            raise CommandError(f"access log FAILED verification: {report.problem_count} problems; {summary}")
        self.stdout.write(f"access log OK: {summary}")
