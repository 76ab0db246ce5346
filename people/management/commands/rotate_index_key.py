from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from people.keyrotation import BATCH, rotate_index_key


class Command(BaseCommand):
    help = (
        "Recompute every identity-number index with the first key in UTVAG_INDEX_KEYS, in batches. "
        "Afterwards the older keys can be removed. Safe to run again, and resumes where it stopped."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=BATCH, help=f"persons per transaction (default {BATCH})")

    def handle(self, *args: Any, batch_size: int, **options: Any) -> None:
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        report = rotate_index_key(batch_size=batch_size)
        self.stdout.write(
            f"newest index key {report.key_id}: {report.checked} persons checked, {report.rewritten} indexes "
            f"rewritten, {report.already_current} already current"
        )
        if report.conflict_count:
            for public_id in report.conflicts:
                self.stderr.write(f"person {public_id}: another person holds the same identity number")
            raise CommandError(
                f"{report.conflict_count} persons were left under an old key because another person holds the "
                "same identity number. Merge the records and run again; keep the old key until this reports none."
            )
