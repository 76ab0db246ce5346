"""Load an instrument version from a local file, e.g. a licensee's ESTER with its item text.

The file stays where the licensee keeps it: nothing is copied into the repository, and the text lives
only in this database. The format is described in docs/assessments.md.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from assessments.loading import Tables, load
from assessments.models import Domain, Instrument, Item, Scale, ScaleValue
from assessments.spec import InstrumentFileError, read_file

TABLES = Tables(instrument=Instrument, scale=Scale, scale_value=ScaleValue, domain=Domain, item=Item)


class Command(BaseCommand):
    help = "Load an assessment instrument (one version) from a JSON file on this machine."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            spec = read_file(options["path"])
            with transaction.atomic():
                instrument, made = load(TABLES, spec)
        except InstrumentFileError as exc:
            raise CommandError("the instrument was not loaded:\n- " + "\n- ".join(exc.problems)) from exc
        items = len(spec.items)
        if made:
            self.stdout.write(f"loaded {instrument.key} {instrument.version} ({instrument.licence}): {items} items")
        else:
            self.stdout.write(f"{instrument.key} {instrument.version} was already loaded with these contents")
