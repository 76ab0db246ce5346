"""What a list's log rows cost: one row per person shown, against the one row a list could write instead.

    DATABASE_URL=postgres://utvag@127.0.0.1:5432/utvag_bench .venv/bin/python -m benchmarks.logrows

Audit point 6 asked whether a list or search should write one row naming every person shown instead
of a row each (a unit manager's start page wrote 88). This times the whole write path of
`access.log.write_access_events` (building the rows, their MACs, the emergency-grant lookup, the ids
and the COPY) for 1, 20 and 88 subjects inside a rolled-back transaction, interleaved, so the
difference is the most the other design could save. "Who saw this child" is timed by `make bench`.
"""

import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "utvag.settings")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402

from access.actor import Actor  # noqa: E402
from access.log import write_access_events  # noqa: E402
from access.models import AccessAction  # noqa: E402
from accounts.models import User  # noqa: E402
from cases.models import Case  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "300"))
SIZES = (1, 20, 88)


class _Rollback(Exception):
    pass


def _write(actor: Actor, subjects: list[tuple[int | None, int | None]]) -> float:
    start = time.perf_counter()
    try:
        with transaction.atomic():
            write_access_events(actor, action=AccessAction.LIST, view_name="case.my_work", subjects=subjects)
            elapsed = time.perf_counter() - start
            raise _Rollback
    except _Rollback:
        pass
    return elapsed * 1000


def main() -> int:
    user = User.objects.filter(username="chef").first()
    if user is None or user.unit_id is None:
        print("No seeded data: run `manage.py seed --scale city` first (see docs/benchmarks.md).")
        return 1
    actor = Actor.system(user)
    pairs: list[tuple[int | None, int | None]] = list(
        Case.objects.filter(team__unit_id=user.unit_id).values_list("child_id", "id")[: max(SIZES)]
    )
    samples: dict[int, list[float]] = {size: [] for size in SIZES}
    for round_ in range(ROUNDS + 20):
        for size in SIZES:
            took = _write(actor, pairs[:size])
            if round_ >= 20:  # warm-up rounds are not kept
                samples[size].append(took)
    print(f"database: {connection.vendor}, rounds: {ROUNDS}")
    print(f"{'rows':>5} {'p50 ms':>8} {'p95 ms':>8} {'vs 1 row':>9}")
    one = statistics.median(samples[1])
    for size in SIZES:
        p50, p95 = statistics.median(samples[size]), statistics.quantiles(samples[size], n=100)[94]
        print(f"{size:5d} {p50:8.2f} {p95:8.2f} {p50 / one:8.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
