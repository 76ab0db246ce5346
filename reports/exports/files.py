"""Export files on disk: written by the worker in a private directory, read once, then removed.

Nothing here is served by the web server's static or media handling: a file leaves the directory only
through `reports.exports.services.export_take`, to the user who asked for it.
"""

import csv
import os
import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, TextIO

from django.conf import settings

# Spreadsheet programs run a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PARTIAL = ".partial"


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class SafeWriter:
    """A semicolon CSV writer (what Swedish spreadsheet programs expect) that defuses every cell."""

    def __init__(self, stream: TextIO) -> None:
        self._writer = csv.writer(stream, delimiter=";")

    def writerow(self, cells: Sequence[object]) -> None:
        self._writer.writerow([safe_cell(cell) for cell in cells])


def export_dir() -> Path:
    directory = Path(settings.EXPORT_DIR)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return directory


def new_file_name() -> str:
    return f"{secrets.token_hex(16)}.csv"


@contextmanager
def writing(name: str) -> Iterator[SafeWriter]:
    """Write `name` in one go: readable by this user only, and under its name only once complete.

    Rows go to `<name>.partial` and are moved into place at the end, so a download never sees half a
    file; if writing fails, the partial file is removed.
    """
    final = export_dir() / name
    partial = final.with_name(name + PARTIAL)
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with open(descriptor, "w", encoding="utf-8", newline="") as stream:
            stream.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8
            yield SafeWriter(stream)
            stream.flush()
            os.fsync(stream.fileno())
        partial.replace(final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def take(name: str) -> BinaryIO:
    """Open the file and remove its name at once: the open handle reads it to the end, nothing else can."""
    path = export_dir() / name
    stream = path.open("rb")
    path.unlink()
    return stream


def remove(name: str) -> None:
    """The file, whole or still being written."""
    if name:
        (export_dir() / name).unlink(missing_ok=True)
        (export_dir() / f"{name}{PARTIAL}").unlink(missing_ok=True)


def strays(*, keep: set[str], older_than: datetime) -> list[Path]:
    """Files no export points to (a worker that died mid-file leaves a partial one), older than `older_than`."""
    cutoff = older_than.timestamp()
    return [
        path
        for path in export_dir().iterdir()
        if path.is_file() and path.name not in keep and path.stat().st_mtime < cutoff
    ]
