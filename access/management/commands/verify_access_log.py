from typing import Any

from django.core.management.base import BaseCommand, CommandError

from access.logchain import verify_access_log


class Command(BaseCommand):
    help = "Check every access-log row against its MAC and every seal against the rows it covers."

    def handle(self, *args: Any, **options: Any) -> None:
        report = verify_access_log()
        for problem in report.problems:
            self.stderr.write(problem)
        summary = f"{report.rows_checked} rows and {report.seals_checked} seals checked"
        if not report.ok:
            raise CommandError(f"access log FAILED verification: {report.problem_count} problems; {summary}")
        self.stdout.write(f"access log OK: {summary}")
