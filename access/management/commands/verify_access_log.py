from typing import Any

from django.core.management.base import BaseCommand, CommandError

from access.logchain import verify_access_log
from core import crypto


class Command(BaseCommand):
    help = "Check every access-log row against its MAC and every seal against the rows it covers."

    def handle(self, *args: Any, **options: Any) -> None:
        report = verify_access_log()
        for problem in report.problems:
            self.stderr.write(problem)
        for key_id, count in report.unconfigured_keys.items():
            self.stderr.write(
                f"key {key_id} not configured: {count} rows or seals name it and could not be checked; "
                "add that key to UTVAG_LOG_KEYS, after the newest"
            )
        keys = ", ".join(crypto.log_key_ids())
        summary = f"{report.rows_checked} rows and {report.seals_checked} seals checked; log keys {keys} (newest first)"
        if not report.ok:
            raise CommandError(f"access log FAILED verification: {report.problem_count} problems; {summary}")
        self.stdout.write(f"access log OK: {summary}")
