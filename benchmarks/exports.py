"""An export at city scale: the access-log extract of 50,000 rows, made by the real task worker.

    DATABASE_URL=postgres://utvag@127.0.0.1:5432/utvag_bench make bench-exports

`make bench-exports` runs this on a fresh copy of the seeded database (`benchmarks.fresh`): an export
writes a log row for every person in its file, and the log cannot be cleaned up after. For each size
(`BENCH_EXPORT_ROWS`, default 5,000 and 50,000 rows), the log reviewer asks for the newest whole
days of the log holding at least that many rows, and `manage.py db_worker --batch` makes the file in
a process of its own, as in production. Reported: the rows, the export's own time (claimed by the
worker to downloadable, log rows included), how many `export` log rows it wrote (one per person in
the file) and how long they took with the commit, the worker's wall time (with Django's start-up), the
worker's peak resident memory, and the file's size once downloaded. Memory is flat when the peak
at 50,000 rows is about the peak at 5,000: the rows stream in chunks, and what grows is only the set
of persons the file names (for its log rows).
"""

import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "utvag.settings")

import django

django.setup()

from django.utils import timezone  # noqa: E402

from access.actor import Actor  # noqa: E402
from access.models import AccessAction, AccessEvent  # noqa: E402
from access.review import LogQuestion, matching_events  # noqa: E402
from accounts.models import Role, User  # noqa: E402
from reports.exports.services import export_request, export_take  # noqa: E402
from reports.models import Export, ExportKind  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SIZES = [int(size) for size in os.environ.get("BENCH_EXPORT_ROWS", "5000,50000").split(",")]
LIMIT_SECONDS = 120


def _question(reviewer: User, rows: int) -> LogQuestion:
    """The newest whole days of the log that hold at least `rows` rows for this reviewer."""
    last = timezone.localdate()
    for days in range(1, 3660):
        question = LogQuestion(first_day=last - timedelta(days=days - 1), last_day=last)
        if matching_events(reviewer, question).count() >= rows:
            return question
    raise SystemExit(f"the log holds fewer than {rows} rows: seed it first (docs/benchmarks.md)")


def _worker() -> tuple[float, int]:
    """`db_worker --batch` in its own process: its wall time in seconds and its peak RSS in KiB."""
    command = [sys.executable, str(ROOT / "manage.py"), "db_worker", "--batch", "--no-startup-delay", "-v0"]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT)  # noqa: S603 - our own manage.py
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("the worker failed")
    return elapsed, usage.ru_maxrss


def _run(reviewer: User, rows: int) -> str:
    question = _question(reviewer, rows)
    actor = Actor.system(reviewer)
    export = export_request(actor=actor, kind=ExportKind.ACCESS_LOG, parameters=question.to_json())
    wall, peak_kib = _worker()
    export = Export.objects.get(pk=export.pk)
    if export.status != "ready" or export.started_at is None or export.finished_at is None:
        raise SystemExit(f"the export did not finish: {export.status} {export.failure}")
    own = (export.finished_at - export.started_at).total_seconds()
    # The last progress is saved when the file is complete: after it, the log rows and the commit.
    logging = (export.finished_at - (export.progressed_at or export.finished_at)).total_seconds()
    logged = AccessEvent.objects.filter(request_id=export.request_id, action=AccessAction.EXPORT).count()
    stream = export_take(actor=actor, public_id=export.public_id).stream
    assert stream is not None
    with stream:
        size = sum(len(chunk) for chunk in iter(lambda: stream.read(1 << 20), b""))
    verdict = "under" if own < LIMIT_SECONDS else "OVER"
    return (
        f"| {export.rows_done} | {question.first_day}–{question.last_day} | {own:.1f} s ({verdict} {LIMIT_SECONDS} s)"
        f" | {logged} rows, {logging:.2f} s | {wall:.1f} s | {peak_kib / 1024:.0f} MiB | {size / 1024 / 1024:.1f} MiB |"
    )


def main() -> int:
    reviewer = User.objects.filter(role=Role.LOG_REVIEWER, is_active=True).order_by("pk").first()
    if reviewer is None:
        print("No log reviewer: seed the database first (docs/benchmarks.md).")
        return 1
    print("| rows | period | export (worker's own) | its log rows | worker wall | worker peak RSS | file |")
    print("|---|---|---|---|---|---|---|")
    for rows in SIZES:
        print(_run(reviewer, rows), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
