"""`make bench` on a fresh copy of the seeded database, so every run starts from the same state.

A run writes tens of thousands of access-log rows and grows one case to 1,000 events. The log is
append-only (the application cannot delete a row, by design), so a run cannot clean up after itself:
instead it runs against a copy made from the seeded database as a template and dropped afterwards.
PostgreSQL: `CREATE DATABASE … TEMPLATE …` (the role needs CREATEDB, and nothing may be connected to
the seeded database). SQLite: a copy of the file. Commits still reach the disk in the copy as in
production, which a run inside one rolled-back transaction would not.

    DATABASE_URL=postgres://utvag@127.0.0.1:5432/utvag_bench make bench
    DATABASE_URL=postgres://utvag@127.0.0.1:5432/utvag_bench make bench-exports
"""

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg


def _postgres(url: str, args: list[str]) -> int:
    parts = urlsplit(url)
    seeded = parts.path.lstrip("/")
    copy = f"{seeded}_run_{uuid.uuid4().hex[:8]}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{seeded}"')
    try:
        return _run(urlunsplit(parts._replace(path=f"/{copy}")), args)
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')


def _sqlite(url: str, args: list[str]) -> int:
    seeded = Path(urlsplit(url).path)
    copy = seeded.with_name(f"{seeded.stem}_run{seeded.suffix}")
    shutil.copyfile(seeded, copy)
    try:
        return _run(f"sqlite:///{copy}", args)
    finally:
        copy.unlink(missing_ok=True)


def _run(url: str, args: list[str]) -> int:
    """`benchmarks.run` with `args`, or another benchmark module: `--module benchmarks.exports`."""
    module = "benchmarks.run"
    if args[:1] == ["--module"]:
        module, args = args[1], args[2:]
    command = [sys.executable, "-m", module, *args]
    return subprocess.call(command, env={**os.environ, "DATABASE_URL": url})  # noqa: S603 - our own module


def main() -> int:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        return _postgres(url, sys.argv[1:])
    if url.startswith("sqlite"):
        return _sqlite(url, sys.argv[1:])
    print("Set DATABASE_URL to the seeded database (see docs/benchmarks.md).")
    return 1


if __name__ == "__main__":
    sys.exit(main())
