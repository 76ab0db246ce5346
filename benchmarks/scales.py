"""National against city (issue 13: national at most 1.5 times city for every page), in one run.

Two processes serve `benchmarks.run --serve`, one on the city seed (`DATABASE_URL`, a fresh copy made by
`benchmarks.fresh`) and one on the national seed (`BENCH_NATIONAL_URL`). This process asks each in turn
for the same page and round, city first in even rounds and national first in odd ones, so drift on a
busy machine hits both scales alike. Only one side works at a time: the other waits for its next line.

The national seed is used in place, not copied: it is about 64 GB, and a copy would need as much again.
So a run leaves its log rows and grown cases in it (the growth is done once; later runs find it).

    BENCH_NATIONAL_URL=postgres://utvag@127.0.0.1:5432/utvag_national \\
      DATABASE_URL=postgres://utvag@127.0.0.1:5432/utvag_bench make bench
"""

import json
import os
import statistics
import subprocess
import sys
from typing import IO

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "200"))
TARGET = 1.5


class Side:
    """One seed's serving process."""

    def __init__(self, url: str) -> None:
        env = {**os.environ, "DATABASE_URL": url}
        command = [sys.executable, "-m", "benchmarks.run", "--serve"]
        self.process = subprocess.Popen(  # noqa: S603 - our own module
            command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        ready = json.loads(self._stdout().readline())
        self.pages: list[str] = ready["pages"]
        self.cases: int = ready["cases"]

    def _stdout(self) -> IO[str]:
        assert self.process.stdout is not None
        return self.process.stdout

    def time(self, page: str, index: int) -> float:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"page": page, "index": index}) + "\n")
        self.process.stdin.flush()
        return float(json.loads(self._stdout().readline())["ms"])

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


def _interleaved(city: Side, national: Side, page: str, rounds: int) -> tuple[list[float], list[float]]:
    near, far = [], []
    for index in range(rounds):
        if index % 2:
            far.append(national.time(page, index))
            near.append(city.time(page, index))
        else:
            near.append(city.time(page, index))
            far.append(national.time(page, index))
    return near, far


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[94]


def main() -> int:
    national_url = os.environ.get("BENCH_NATIONAL_URL", "")
    if not national_url:
        print("Set BENCH_NATIONAL_URL to the national seed (see docs/benchmarks.md).")
        return 1
    city, national = Side(os.environ["DATABASE_URL"]), Side(national_url)
    try:
        pages = [page for page in city.pages if page in national.pages]
        print(f"cases: city {city.cases}, national {national.cases}; rounds: {ROUNDS}, interleaved")
        print(f"{'page':15} {'city p50':>9} {'city p95':>9} {'natl p50':>9} {'natl p95':>9} {'natl/city':>10}")
        for page in pages:
            _interleaved(city, national, page, 10)  # warm up
            near, far = _interleaved(city, national, page, ROUNDS)
            ratio = statistics.median(far) / statistics.median(near)
            mark = "" if ratio <= TARGET else f"  above {TARGET}×"
            print(
                f"{page:15} {statistics.median(near):9.1f} {_p95(near):9.1f} "
                f"{statistics.median(far):9.1f} {_p95(far):9.1f} {ratio:9.2f}×{mark}",
                flush=True,
            )
    finally:
        city.close()
        national.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
