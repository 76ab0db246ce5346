from typing import Any

from django.core.management.base import BaseCommand

from access.logchain import seal_access_log


class Command(BaseCommand):
    help = "Seal settled access-log rows into the chained digest (run every few minutes)."

    def handle(self, *args: Any, **options: Any) -> None:
        sealed = 0
        while (seal := seal_access_log()) is not None:
            sealed += seal.event_count
        self.stdout.write(f"sealed {sealed} rows")
