"""Browser tests: a real server (demo-seeded, its own SQLite file) driven by Debian's Chromium."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# Playwright's sync API runs an event loop in this thread; these tests never touch the ORM themselves.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def server_var(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("e2e-var")


@pytest.fixture(scope="session")
def server_db(server_var: Path) -> Path:
    return server_var / "utvag.sqlite3"


@pytest.fixture(scope="session")
def server_url(server_var: Path) -> Iterator[str]:
    var = server_var
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(UTVAG_VAR_DIR=str(var), UTVAG_DEMO="true", DJANGO_SETTINGS_MODULE="utvag.settings")
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "seed", "--scale", "demo"], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    port = _free_port()
    log = (var / "server.log").open("w")
    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/accounts/login/", timeout=1)  # noqa: S310 - our own loopback server
            break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        raise RuntimeError(f"demo server did not start; see {var / 'server.log'}")
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def task_worker(server_url: str, server_var: Path) -> Iterator[None]:
    """The task worker beside the server, as in production: exports are made by it (reports.tasks)."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(UTVAG_VAR_DIR=str(server_var), UTVAG_DEMO="true", DJANGO_SETTINGS_MODULE="utvag.settings")
    command = [sys.executable, str(ROOT / "manage.py"), "db_worker", "--interval", "0.2", "--no-startup-delay"]
    log = (server_var / "worker.log").open("w")
    worker = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    yield
    worker.terminate()
    worker.wait(timeout=10)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: run `make browser-deps`")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "locale": "sv-SE", "timezone_id": "Europe/Stockholm"}


@pytest.fixture(autouse=True)
def confirmations(request: pytest.FixtureRequest) -> list[str]:
    """Irreversible actions ask first (data-confirm): the journeys say yes, and what was asked is kept."""
    asked: list[str] = []
    if "page" not in request.fixturenames:
        return asked
    page = request.getfixturevalue("page")

    def accept(dialog: object) -> None:
        asked.append(dialog.message)  # type: ignore[attr-defined]
        dialog.accept()  # type: ignore[attr-defined]

    page.on("dialog", accept)
    return asked
