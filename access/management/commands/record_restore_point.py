from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from access import witness
from access.models import AccessLogSeal


class Command(BaseCommand):
    help = (
        "After restoring the database to an earlier point: append a restore line naming the restored "
        "database's newest seal to the seal witness, so the seals lost with the newer data are not taken "
        "for a cut. Run it before the seal timer starts again."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--witness", type=Path, default=None, help="the witness file (default: UTVAG_LOG_WITNESS)")

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["witness"] or (Path(settings.ACCESS_LOG_WITNESS) if settings.ACCESS_LOG_WITNESS else None)
        if path is None:
            raise CommandError("no witness file: give --witness or set UTVAG_LOG_WITNESS")
        newest = AccessLogSeal.objects.order_by("-last_event_id").first()
        line = witness.restore_line(newest, now=timezone.now()).render()
        witness.append(path, line)
        self.stdout.write(f"recorded in {path}: {line}")
        self.stdout.write("copy this line to every other copy of the witness (the system log's too)")
