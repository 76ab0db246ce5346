import logging
import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import InterfaceError, OperationalError, connection

from access.logchain import WitnessNotWritten, seal_access_log

logger = logging.getLogger("utvag.access.seal")


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


class Command(BaseCommand):
    help = (
        "Seal settled access-log rows into the chained digest (run every few minutes). Needs only "
        "SELECT and INSERT: the partitions are prepared by prepare_log_partitions, as the tables' owner."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--retries", type=int, default=3, help="tries again this many times when the database is down"
        )
        parser.add_argument("--retry-wait", type=float, default=10.0, help="seconds between tries")

    def handle(self, *args: Any, **options: Any) -> None:
        tries = options["retries"] + 1
        for attempt in range(1, tries + 1):
            try:
                sealed = self._seal_all()
            except (OperationalError, InterfaceError) as error:
                # One line, not a traceback: the database being away is an operating state, not a bug.
                message = f"database unavailable, nothing sealed (try {attempt} of {tries}): {_first_line(error)}"
                logger.warning("access log seal: %s", message)
                if attempt == tries:
                    raise CommandError(f"{message}; the rows wait for the next run") from error
                self.stderr.write(message)
                if not connection.in_atomic_block:
                    connection.close()  # connect afresh on the next try
                time.sleep(options["retry_wait"])
            else:
                self.stdout.write(f"sealed {sealed} rows")
                return

    def _seal_all(self) -> int:
        sealed = 0
        try:
            while (seal := seal_access_log()) is not None:
                sealed += seal.event_count
        except WitnessNotWritten as error:
            # Stop: the next seals would not be witnessed either. Exit non-zero so the timer alerts.
            raise CommandError(f"{error}; sealing stopped after {sealed} rows. Fix the witness file") from error
        return sealed
