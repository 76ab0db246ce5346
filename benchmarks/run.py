"""make bench: server-side timings of the hot pages against an already seeded database.

    DATABASE_URL=postgres://utvag@127.0.0.1:5432/utvag_bench .venv/bin/python manage.py migrate
    DATABASE_URL=... .venv/bin/python manage.py seed --scale city
    DATABASE_URL=... make bench

Query counts are pinned by tests/test_pages.py. Log overhead is measured here, in the harness,
by replacing the log writer for a second run:
the application itself has no way to turn logging off.
"""

import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from unittest import mock

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "utvag.settings")
os.environ.setdefault("UTVAG_DEMO", "true")  # the demo caseworker signs in without a second factor

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from cases.models import Case  # noqa: E402
from demo.growth import grow_casework  # noqa: E402
from journal.models import JournalEntry  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "200"))


def _time_once(page: Callable[[int], object], index: int) -> float:
    start = time.perf_counter()
    page(index)
    return (time.perf_counter() - start) * 1000


def _paired(page: Callable[[int], object], rounds: int) -> tuple[list[float], list[float]]:
    """Each round times the page with the log and then without, so drift on a busy machine hits both."""
    logged, unlogged = [], []
    without_log = mock.patch("access.log.insert_events", lambda rows: None)
    for index in range(rounds):
        logged.append(_time_once(page, index))
        with without_log:
            unlogged.append(_time_once(page, index))
    return logged, unlogged


def _p(samples: list[float], q: int) -> float:
    return statistics.quantiles(samples, n=100)[q - 1]


def _case_with_a_thousand_events(user: User) -> object:
    """One of the team's cases grown to about 1,000 events, once (later runs find it again)."""
    case = Case.objects.filter(team=user.team, child__protection_level="none").order_by("id").first()
    assert case is not None
    if JournalEntry.objects.filter(case=case).count() < 200:
        grow_casework(case, user, 1000)
    return case.public_id


def _asking(identity_number: str | None) -> dict[str, str]:
    """The log reviewer's question: the last year, optionally about one person."""
    today = timezone.localdate()
    return {
        "identity_number": identity_number or "",
        "first_day": (today - timedelta(days=365)).isoformat(),
        "last_day": today.isoformat(),
    }


def main() -> int:
    user = User.objects.filter(username="handlaggare").first()
    if user is None:
        print("No seeded data: run `manage.py seed --scale city` first (see docs/benchmarks.md).")
        return 1
    client = Client()
    client.force_login(user)
    cases = list(
        Case.objects.filter(team=user.team, child__protection_level="none").values_list("public_id", flat=True)[:50]
    )
    names = ["and", "ber", "lin", "ali", "ek", "nils", "hol", "sve"]
    numbers = [c.child.identity_number for c in Case.objects.filter(public_id__in=cases).select_related("child")]
    big = _case_with_a_thousand_events(user)
    reviewer = Client()
    reviewer.force_login(User.objects.get(username="logg"))
    pages: dict[str, Callable[[int], object]] = {
        "case overview": lambda i: client.get(reverse("casefile:case_detail", args=[cases[i % len(cases)]])),
        "person search": lambda i: client.post(reverse("casefile:person_search"), {"q": names[i % len(names)]}),
        "number search": lambda i: client.post(reverse("casefile:person_search"), {"q": numbers[i % len(numbers)]}),
        "my work": lambda i: client.get(reverse("casefile:my_work")),
        "timeline": lambda i: client.get(reverse("casefile:case_timeline", args=[cases[i % len(cases)]])),
        "timeline 1000": lambda i: client.get(reverse("casefile:case_timeline", args=[big])),
        "work queue": lambda i: client.get(reverse("deadlines:work_queue")),
        "who saw child": lambda i: reviewer.post(reverse("access:access_log"), _asking(numbers[i % len(numbers)])),
        "log sample": lambda i: reviewer.post(reverse("access:access_log"), {**_asking(""), "stickprov": "1"}),
    }
    wanted = [name.strip() for name in os.environ.get("BENCH_PAGES", "").split(",") if name.strip()]
    pages = {name: page for name, page in pages.items() if not wanted or name in wanted}
    print(f"database: {connection.vendor}, cases: {Case.objects.count()}, rounds: {ROUNDS}")
    print(f"{'page':15} {'p50 ms':>8} {'p95 ms':>8} {'p50 no-log':>11} {'log overhead':>13}")
    for name, page in pages.items():
        _paired(page, 10)  # warm up
        logged, unlogged = _paired(page, ROUNDS)
        overhead = statistics.median(logged) / statistics.median(unlogged) - 1
        print(f"{name:15} {_p(logged, 50):8.1f} {_p(logged, 95):8.1f} {_p(unlogged, 50):11.1f} {overhead:12.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
