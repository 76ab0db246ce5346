"""make bench: server-side timings of the hot pages against an already seeded database.

    DATABASE_URL=postgres://utvag@127.0.0.1:5432/utvag_bench .venv/bin/python manage.py migrate
    DATABASE_URL=... .venv/bin/python manage.py seed --scale city
    DATABASE_URL=... make bench

Query counts are pinned by tests/test_pages.py. Each round times each page in up to three arms, one
after another, so drift on a busy machine hits all of them:
- logged: the page as users get it;
- no log: the same request with the whole log path removed (every `write_access_events` a no-op:
  no rows built, no MACs, no grant lookups, no ids, no COPY). The switch exists only here, in the
  harness; the application itself has no way to turn logging off;
- against: for the case page, my work and name search their floors, the same page served by a plain
  view without the visibility rule, the reading transaction and the log (`benchmarks.floor`), the bare
  cost of the page itself; for the pages of the case grown to 1,000 events, the same page of a case
  with about 10 (issue 13: a page must not grow with the case's history, at most 1.5 times).
- `--serve`: one side of `benchmarks.scales` (national against city).
"""

import json
import os
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from contextlib import ExitStack
from datetime import timedelta
from unittest import mock

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "utvag.settings")
os.environ.setdefault("UTVAG_DEMO", "true")  # the demo caseworker signs in without a second factor

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from benchmarks.collaboration import bob_meeting, disclosed_cases  # noqa: E402
from benchmarks.programme import assessed_cases, big_plan, programme_pages, threatened_cases  # noqa: E402
from cases.models import Case  # noqa: E402
from demo.growth import grow_casework  # noqa: E402
from journal.models import JournalEntry  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "200"))


def _time_once(page: Callable[[int], object], index: int) -> float:
    start = time.perf_counter()
    page(index)
    return (time.perf_counter() - start) * 1000


def _without_the_log_path() -> ExitStack:
    """Every module's `write_access_events` made a no-op (they import it by name), for one timing."""
    from access.log import write_access_events

    stack = ExitStack()
    for module in list(sys.modules.values()):
        # Compared with the original taken above: once access.log is patched, its name means the stub.
        if getattr(module, "write_access_events", None) is write_access_events:
            stack.enter_context(mock.patch.object(module, "write_access_events", lambda *args, **kwargs: None))
    return stack


def _rounds(
    page: Callable[[int], object], floor: Callable[[int], object] | None, rounds: int
) -> tuple[list[float], list[float], list[float]]:
    """Each round: the page, the page without the log path, and its floor, one after another."""
    logged, unlogged, bare = [], [], []
    for index in range(rounds):
        logged.append(_time_once(page, index))
        with _without_the_log_path():
            unlogged.append(_time_once(page, index))
        if floor is not None:
            bare.append(_time_once(floor, index))
    return logged, unlogged, bare


def _p(samples: list[float], q: int) -> float:
    return statistics.quantiles(samples, n=100)[q - 1]


def _case_with_a_thousand_events(user: User) -> object:
    """One of the team's cases grown to about 1,000 events, once (later runs find it again)."""
    case = Case.objects.filter(team=user.team, child__protection_level="none").order_by("id").first()
    assert case is not None
    if JournalEntry.objects.filter(case=case).count() < 200:
        grow_casework(case, user, 1000)
    return case.public_id


def _case_with_ten_events(user: User) -> object:
    """A case of the team past the timed fifty, with about 10 events: what the grown one is compared with."""
    case = Case.objects.filter(team=user.team, child__protection_level="none").order_by("id")[60]
    if not JournalEntry.objects.filter(case=case).exists():
        grow_casework(case, user, 10)
    return case.public_id


# A spread of casework over the 50 cases the case pages are timed on, from new cases to years of
# work: most cases are small, a few long (on top of what the seed gave them).
SPREAD = (300, 300, *([100] * 5), *([30] * 10))


def _grow_a_spread(user: User, cases: list[uuid.UUID]) -> None:
    """Casework for the cases after the first (which `_case_with_a_thousand_events` grows), once per copy."""
    rows = {c.public_id: c for c in Case.objects.filter(public_id__in=cases[1 : 1 + len(SPREAD)])}
    for public_id, events in zip(cases[1 : 1 + len(SPREAD)], SPREAD, strict=False):
        case = rows[public_id]
        if JournalEntry.objects.filter(case=case).count() < events // 5:
            grow_casework(case, user, events)


def _asking(identity_number: str | None) -> dict[str, str]:
    """The log reviewer's question: the last year, optionally about one person."""
    today = timezone.localdate()
    return {
        "identity_number": identity_number or "",
        "first_day": (today - timedelta(days=365)).isoformat(),
        "last_day": today.isoformat(),
    }


Page = Callable[[int], object]


def bench_pages() -> tuple[dict[str, Page], dict[str, tuple[str, Page]]] | None:
    """The pages to time and their floors, on the seeded data (prepared once per copy), or None unseeded."""
    user = User.objects.filter(username="handlaggare").first()
    if user is None:
        return None
    client = Client()
    client.force_login(user)
    cases = list(
        Case.objects.filter(team=user.team, child__protection_level="none")
        .order_by("id")  # the first is the one grown to 1,000 events, the next the spread
        .values_list("public_id", flat=True)[:50]
    )
    names = ["and", "ber", "lin", "ali", "ek", "nils", "hol", "sve"]
    numbers = [c.child.identity_number for c in Case.objects.filter(public_id__in=cases).select_related("child")]
    big, small = _case_with_a_thousand_events(user), _case_with_ten_events(user)
    _grow_a_spread(user, cases)
    reviewer = Client()
    reviewer.force_login(User.objects.get(username="logg"))
    taking_part, plan_200, assessed = programme_pages(user), big_plan(user), assessed_cases(user)
    threatened = threatened_cases(user)
    bob, disclosed = bob_meeting(user, cases), disclosed_cases(user, cases)
    pages: dict[str, Page] = {
        "case overview": lambda i: client.get(reverse("casefile:case_detail", args=[cases[i % len(cases)]])),
        "person search": lambda i: client.post(reverse("casefile:person_search"), {"q": names[i % len(names)]}),
        "number search": lambda i: client.post(reverse("casefile:person_search"), {"q": numbers[i % len(numbers)]}),
        "my work": lambda i: client.get(reverse("casefile:my_work")),
        "timeline": lambda i: client.get(reverse("casefile:case_timeline", args=[cases[i % len(cases)]])),
        "timeline 1000": lambda i: client.get(reverse("casefile:case_timeline", args=[big])),
        "case 1000": lambda i: client.get(reverse("casefile:case_detail", args=[big])),
        "journal 1000": lambda i: client.get(reverse("journal:journal", args=[big])),
        "work queue": lambda i: client.get(reverse("deadlines:work_queue")),
        "who saw child": lambda i: reviewer.post(reverse("access:access_log"), _asking(numbers[i % len(numbers)])),
        "log sample": lambda i: reviewer.post(reverse("access:access_log"), {**_asking(""), "stickprov": "1"}),
        "programme": lambda i: client.get(reverse("programme:participation", args=taking_part[i % len(taking_part)])),
        "plan": lambda i: client.get(reverse("programme:plan", args=taking_part[i % len(taking_part)])),
        "plan 200": lambda i: client.get(reverse("programme:plan", args=plan_200)),
        "outcomes": lambda i: client.get(reverse("programme:outcomes", args=taking_part[i % len(taking_part)])),
        "assessments": lambda i: client.get(
            reverse("assessments:assessment_list", args=[assessed[i % max(len(assessed), 1)]])
        ),
        "catalogue": lambda i: client.get(reverse("catalogue:catalogue")),
        "protection": lambda i: client.get(reverse("protection:page", args=[threatened[i % max(len(threatened), 1)]])),
        "meeting": lambda i: client.get(reverse("collaboration:meeting", args=[bob])),
        "disclosures": lambda i: client.get(reverse("collaboration:disclosures", args=[disclosed[i % len(disclosed)]])),
    }
    if not taking_part:  # a seed from before the programme: nothing of it to time
        pages = {name: page for name, page in pages.items() if name not in {"programme", "plan", "outcomes"}}
    if not assessed:  # a seed from before the assessments
        pages.pop("assessments")
    if not threatened:  # a seed from before threat and protection
        pages.pop("protection")
    wanted = [name.strip() for name in os.environ.get("BENCH_PAGES", "").split(",") if name.strip()]
    pages = {name: page for name, page in pages.items() if not wanted or name in wanted}
    # What each page is measured against in the same rounds: the bare floor, or the page at 10 events.
    floors: dict[str, tuple[str, Page]] = {
        "case overview": ("floor", lambda i: client.get(reverse("bench_bare_case", args=[cases[i % len(cases)]]))),
        "my work": ("floor", lambda i: client.get(reverse("bench_bare_my_work"))),
        "person search": ("floor", lambda i: client.post(reverse("bench_bare_search"), {"q": names[i % len(names)]})),
        "timeline 1000": ("10 events", lambda i: client.get(reverse("casefile:case_timeline", args=[small]))),
        "case 1000": ("10 events", lambda i: client.get(reverse("casefile:case_detail", args=[small]))),
        "journal 1000": ("10 events", lambda i: client.get(reverse("journal:journal", args=[small]))),
    }
    return pages, floors


def serve() -> int:
    """One side of `benchmarks.scales`: times the page it is asked for, a JSON line in and one out."""
    prepared = bench_pages()
    pages = prepared[0] if prepared else {}
    print(json.dumps({"pages": list(pages), "cases": Case.objects.count()}), flush=True)
    for line in sys.stdin:
        asked = json.loads(line)
        print(json.dumps({"ms": _time_once(pages[asked["page"]], asked["index"])}), flush=True)
    return 0


def main() -> int:
    if sys.argv[1:] == ["--serve"]:
        return serve()
    prepared = bench_pages()
    if prepared is None:
        print("No seeded data: run `manage.py seed --scale city` first (see docs/benchmarks.md).")
        return 1
    pages, floors = prepared
    print(f"database: {connection.vendor}, cases: {Case.objects.count()}, rounds: {ROUNDS}")
    header = f"{'page':15} {'p50 ms':>8} {'p95 ms':>8} {'p50 no-log':>11} {'log cost':>9}"
    print(f"{header} {'against':>10} {'its p50':>8} {'ratio':>7}")
    with override_settings(ROOT_URLCONF="benchmarks.floor"):
        for name, page in pages.items():
            against, floor = floors.get(name, ("", None))
            _rounds(page, floor, 10)  # warm up
            logged, unlogged, bare = _rounds(page, floor, ROUNDS)
            cost = 1 - statistics.median(unlogged) / statistics.median(logged)  # the log's share of the page
            line = f"{name:15} {_p(logged, 50):8.1f} {_p(logged, 95):8.1f} {_p(unlogged, 50):11.1f} {cost:9.1%}"
            if bare:
                ratio = statistics.median(logged) / statistics.median(bare)
                line += f" {against:>10} {_p(bare, 50):8.1f} {ratio:6.2f}×"
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
