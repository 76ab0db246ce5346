from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from access.logchain import WitnessNotWritten, seal_access_log
from access.partitions import ensure_partitions, months_ahead


class Command(BaseCommand):
    help = (
        "Seal settled access-log rows into the chained digest, and prepare the next three months' "
        "partitions on PostgreSQL (run every few minutes)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.now().date()
        for name in ensure_partitions(today, months_ahead(today, 3)):
            self.stdout.write(f"created partition {name}")
        sealed = 0
        try:
            while (seal := seal_access_log()) is not None:
                sealed += seal.event_count
        except WitnessNotWritten as error:
            # Stop: the next seals would not be witnessed either. Exit non-zero so the timer alerts.
            raise CommandError(f"{error}; sealing stopped after {sealed} rows. Fix the witness file") from error
        self.stdout.write(f"sealed {sealed} rows")
