from argparse import ArgumentParser
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from access.logchain import VerifyReport, unsealed_problems, verify_access_log
from access.partitions import partition_problems
from core import crypto


def _witness(options: dict[str, Any]) -> Path | None:
    if options["witness"]:
        return Path(options["witness"])
    return Path(settings.ACCESS_LOG_WITNESS) if settings.ACCESS_LOG_WITNESS else None


class Command(BaseCommand):
    help = (
        "Check every access-log row against its MAC and every seal against the rows it covers; with a "
        "witness file, also that no witnessed seal is missing or changed (a cut-off tail); and that "
        "sealing and the monthly partitions keep up."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--witness",
            type=Path,
            default=None,
            help="the seal witness file (default: UTVAG_LOG_WITNESS, when set); use a copy kept off the host",
        )
        parser.add_argument(
            "--max-unsealed-minutes",
            type=int,
            default=15,
            help="fail when rows older than this are not sealed (default 15; the seal timer runs every 5)",
        )
        parser.add_argument(
            "--health-only",
            action="store_true",
            help="skip recomputing the MACs: only the witness, unsealed rows and partitions (cheap; run often)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        witness = _witness(options)
        report = verify_access_log(witness_path=witness, rows=not options["health_only"])
        for problem in unsealed_problems(older_than=timedelta(minutes=options["max_unsealed_minutes"])):
            report.add(problem)
        for problem in partition_problems(timezone.now().date()):
            report.add(problem)
        self._write(report)
        summary = self._summary(report, witness, health_only=options["health_only"])
        if not report.ok:
            raise CommandError(f"access log FAILED verification: {report.problem_count} problems; {summary}")
        self.stdout.write(f"access log OK: {summary}")

    def _write(self, report: VerifyReport) -> None:
        for problem in report.problems:
            self.stderr.write(problem)
        for key_id, count in report.unconfigured_keys.items():
            self.stderr.write(
                f"key {key_id} not configured: {count} rows or seals name it and could not be checked; "
                "add that key to UTVAG_LOG_KEYS, after the newest"
            )
        for note in report.notes:
            self.stdout.write(note)

    def _summary(self, report: VerifyReport, witness: Path | None, *, health_only: bool) -> str:
        keys = ", ".join(crypto.log_key_ids())
        if health_only:
            summary = "health only (no MAC recomputed)"
        else:
            summary = (
                f"{report.rows_checked} rows and {report.seals_checked} seals checked; log keys {keys} (newest first)"
            )
        if witness is None:
            return f"{summary}; no witness given, so a cut-off tail cannot be seen"
        return f"{summary}; {report.witnessed_seals or 0} witnessed seals in {witness}"
