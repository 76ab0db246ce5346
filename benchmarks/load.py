"""`make bench-load`: the hot pages under load, through gunicorn in production settings, on loopback.

    DATABASE_URL=postgres://utvag@127.0.0.1:5432/utvag_bench make bench-load

Run by `benchmarks.fresh` on a copy of the seeded database. The server is gunicorn with
`UTVAG_PRODUCTION=true` (no demo shortcuts: `__Host-` cookies, the manifest static files, the key
check at start) and the keys the seed was made with (`var/dev-keys.json`). The harness signs in as the
demo account with a real second factor (`handlaggare2fa`: password, then a TOTP code computed from its
secret), then wrk (Debian's package) drives each page at 1, 4 and 16 connections for a bounded time:
the case page and the bare floor over the team's first 50 cases, name search over eight fragments, and
my work. Every answer is a 200 (wrk counts anything else as an error, and the harness checks each page
first, so a sign-in page can never pass for a case page).

Each server configuration (`BENCH_LOAD_SERVERS`, "workers x threads") is measured in turn; the floor
is served by the same server, through `benchmarks.load_settings`, which mounts `benchmarks.floor`.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import requests

ROOT = Path(__file__).resolve().parent.parent
USERNAME = "handlaggare2fa"
CLIENTS = (1, 4, 16)
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "10"))
SERVERS = os.environ.get("BENCH_LOAD_SERVERS", "1x8,2x4").split(",")
FRAGMENTS = ["and", "ber", "lin", "ali", "ek", "nils", "hol", "sve"]
RESULT = re.compile(r"^RESULT (\{.*\})$", re.MULTILINE)


@dataclass(frozen=True)
class Page:
    name: str
    method: str
    paths: list[str]
    bodies: list[str]  # one per request in turn, for a POST


def production_env(database_url: str) -> dict[str, str]:
    keys = json.loads((ROOT / "var" / "dev-keys.json").read_text(encoding="utf-8"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("UTVAG_")}
    return {
        **env,
        **keys,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "benchmarks.load_settings",
        "UTVAG_PRODUCTION": "true",
        "UTVAG_ALLOWED_HOSTS": "127.0.0.1",
        "UTVAG_SSL_REDIRECT": "false",  # loopback without TLS: the proxy's header says https instead
        "UTVAG_LOG_LEVEL": "WARNING",
        "UTVAG_EXPORT_DIR": tempfile.mkdtemp(prefix="utvag-load-exports-"),
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(port: int, server: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped before it answered")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("gunicorn did not answer")


class Browser:
    """Signs in the way a person does, over plain HTTP with the proxy's `https` header, and keeps the
    cookies by hand (requests would not send `Secure` cookies over http)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies: dict[str, str] = {}

    @property
    def headers(self) -> dict[str, str]:
        return {
            "X-Forwarded-Proto": "https",
            "Origin": self.base.replace("http://", "https://"),
            "Referer": self.base.replace("http://", "https://") + "/",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }

    def call(self, method: str, path: str, data: dict[str, str] | None = None) -> requests.Response:
        response = requests.request(
            method, self.base + path, data=data, headers=self.headers, allow_redirects=False, timeout=30
        )
        self.cookies.update({k: v for k, v in response.cookies.get_dict().items() if v is not None})
        return response

    def token(self, path: str) -> str:
        page = self.call("GET", path).text
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if found is None:
            raise RuntimeError(f"no form on {path}")
        return found.group(1)

    def sign_in(self, password: str, totp_secret: str) -> None:
        from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

        token = self.token("/accounts/login/")
        answer = self.call(
            "POST", "/accounts/login/", {"csrfmiddlewaretoken": token, "login": USERNAME, "password": password}
        )
        if answer.status_code != 302 or "2fa" not in answer.headers["Location"]:
            raise RuntimeError(f"the password step answered {answer.status_code}")
        step = answer.headers["Location"]
        code = format_hotp_value(hotp_value(totp_secret, int(time.time()) // 30))
        answer = self.call("POST", step, {"csrfmiddlewaretoken": self.token(step), "code": code})
        if answer.status_code != 302:
            raise RuntimeError(f"the second factor answered {answer.status_code}")


def _pages(csrf: str) -> list[Page]:
    """The team's first 50 cases, as `make bench` times them."""
    from accounts.models import User
    from cases.models import Case

    user = User.objects.get(username=USERNAME)
    rows = Case.objects.filter(team=user.team, child__protection_level="none").order_by("id")
    cases = [str(public_id) for public_id in rows.values_list("public_id", flat=True)[:50]]
    searches = [urlencode({"q": q, "csrfmiddlewaretoken": csrf}) for q in FRAGMENTS]
    return [
        Page("case page", "GET", [f"/arenden/{c}/" for c in cases], []),
        Page("bare floor", "GET", [f"/bench/bare/{c}/" for c in cases], []),
        Page("name search", "POST", ["/personer/sok/"], searches),
        Page("my work", "GET", ["/"], []),
    ]


def _lua(page: Page, headers: dict[str, str]) -> str:
    def lua_list(values: list[str]) -> str:
        return "{" + ", ".join(json.dumps(v) for v in values) + "}"

    lines = [f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in headers.items()]
    if page.method == "POST":
        lines.append('wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"')
    return "\n".join(
        [
            *lines,
            f"local paths = {lua_list(page.paths)}",
            f"local bodies = {lua_list(page.bodies)}",
            "local n = 0",
            "request = function()",
            "  n = n + 1",
            "  local body = nil",
            "  if #bodies > 0 then body = bodies[(n % #bodies) + 1] end",
            f'  return wrk.format("{page.method}", paths[(n % #paths) + 1], nil, body)',
            "end",
            "done = function(summary, latency, requests)",
            "  local e = summary.errors",
            '  io.write(string.format("RESULT {\\"requests\\": %d, \\"seconds\\": %.3f, \\"p50\\": %.2f, '
            '\\"p95\\": %.2f, \\"p99\\": %.2f, \\"errors\\": %d}\\n", summary.requests, summary.duration / 1e6, '
            "latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, "
            "e.connect + e.read + e.write + e.status + e.timeout))",
            "end",
        ]
    )


def _check(browser: Browser, page: Page) -> None:
    data = dict(pair.split("=", 1) for pair in page.bodies[0].split("&")) if page.bodies else None
    answer = browser.call(page.method, page.paths[0], data)
    if answer.status_code != 200 or "Logga in" in answer.text.split("<main", 1)[-1][:2000]:
        raise RuntimeError(f"{page.name} answered {answer.status_code} before the load")


def _drive(base: str, page: Page, headers: dict[str, str], clients: int) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_lua(page, headers))
    try:
        command = ["wrk", "-t", str(min(clients, 2)), "-c", str(clients), "-d", f"{SECONDS}s", "--timeout", "10s"]
        out = subprocess.run(  # noqa: S603 - wrk with our own script
            [*command, "-s", script.name, base], check=True, capture_output=True, text=True
        )
    finally:
        os.unlink(script.name)
    found = RESULT.search(out.stdout)
    if found is None:
        raise RuntimeError(out.stdout + out.stderr)
    result: dict[str, float] = json.loads(found.group(1))
    result["rps"] = result["requests"] / result["seconds"]
    return result


def _serve(env: dict[str, str], shape: str) -> tuple[subprocess.Popen[bytes], str]:
    workers, threads = shape.split("x")
    port = _free_port()
    command = [sys.executable, "-m", "gunicorn", "utvag.wsgi", "-k", "gthread", "--workers", workers]
    command += ["--threads", threads, "-b", f"127.0.0.1:{port}", "--no-control-socket", "--log-level", "warning"]
    server = subprocess.Popen(command, env=env, cwd=ROOT)  # noqa: S603 - our own server
    _wait_for(port, server)
    return server, f"http://127.0.0.1:{port}"


def _measure(env: dict[str, str], shape: str) -> list[tuple[str, int, dict[str, float]]]:
    from demo.seeding import DEMO_PASSWORD, DEMO_TOTP_SECRET

    server, base = _serve(env, shape)
    try:
        browser = Browser(base)
        browser.sign_in(DEMO_PASSWORD, DEMO_TOTP_SECRET)
        csrf = browser.token("/personer/sok/")
        pages = _pages(csrf)
        rows = []
        for page in pages:
            _check(browser, page)
            for clients in CLIENTS:
                rows.append((page.name, clients, _drive(base, page, browser.headers, clients)))
                print(f"  {shape} {page.name} c={clients}: {rows[-1][2]['rps']:.1f} req/s", flush=True)
        return rows
    finally:
        server.terminate()
        server.wait(timeout=30)


def _table(shape: str, rows: list[tuple[str, int, dict[str, float]]]) -> str:
    lines = [
        f"\ngunicorn -k gthread, workers x threads = {shape}, {SECONDS} s per cell",
        "| page | clients | req/s | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, clients, r in rows:
        lines.append(
            f"| {name} | {clients} | {r['rps']:.1f} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} "
            f"| {int(r['errors'])} |"
        )
    return "\n".join(lines)


def main() -> int:
    if shutil.which("wrk") is None:
        print("wrk is missing: `make bench-load` installs Debian's package (scripts/ensure-wrk.sh).")
        return 1
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        print("bench-load runs production settings, which need PostgreSQL (docs/benchmarks.md).")
        return 1
    env = production_env(url)
    static = ["collectstatic", "--noinput", "-v0"]
    subprocess.run([sys.executable, "manage.py", *static], env=env, cwd=ROOT, check=True)  # noqa: S603
    os.environ.update(env)
    import django

    django.setup()
    tables = [_table(shape, _measure(env, shape)) for shape in SERVERS]
    print("\n".join(tables))
    return 0


if __name__ == "__main__":
    sys.exit(main())
