"""`make bench-public`: the public contact page under a flood, through gunicorn in production settings.

    DATABASE_URL=postgres://utvag@127.0.0.1:5432/utvag_public make bench-public

Run by `benchmarks.fresh` on a copy of a seeded database (the demo scale is enough: the page reads no one).
wrk (Debian's package) sends valid requests as fast as its connections allow for a bounded time, in two
rounds: first from one address, then from a new address each request (through the proxy header the
production settings trust, `UTVAG_TRUSTED_PROXY_COUNT=1`). It reports, per round, the requests a second,
the latencies, how many were accepted (200 with the receipt), limited (429) and anything else, and then
checks what an auditor would: no 5xx answer at all, exactly as many signals stored as requests accepted,
one address held to its limit and everyone together to theirs.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from urllib.parse import urlencode

import requests

from benchmarks.load import ROOT, _serve, production_env

SECONDS = int(os.environ.get("BENCH_PUBLIC_SECONDS", "30"))
CLIENTS = int(os.environ.get("BENCH_PUBLIC_CLIENTS", "16"))
SERVER = os.environ.get("BENCH_PUBLIC_SERVER", "2x4")
RESULT = re.compile(r"^RESULT (\{.*\})$", re.MULTILINE)
RECEIPT = "Tack, vi har fått det du skrev"


def _lua(body: str, *, many_addresses: bool) -> str:
    address = (
        'wrk.headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), '
        "math.random(0, 255), math.random(1, 254))"
        if many_addresses
        else 'wrk.headers["X-Forwarded-For"] = "192.0.2.10"'
    )
    return "\n".join(
        [
            'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"',
            'wrk.headers["X-Forwarded-Proto"] = "https"',
            f"local body = {json.dumps(body)}",
            "local threads = {}",
            "function setup(thread) table.insert(threads, thread) end",
            "function init(args) ok = 0; limited = 0; failed = 0; other = 0; math.randomseed(os.time()) end",
            "function request()",
            f"  {address}",
            '  return wrk.format("POST", "/kontakt/", nil, body)',
            "end",
            "function response(status, headers, reply)",
            f'  if status == 200 and string.find(reply, "{RECEIPT}", 1, true) then ok = ok + 1',
            "  elseif status == 429 then limited = limited + 1",
            "  elseif status >= 500 then failed = failed + 1",
            "  else other = other + 1 end",
            "end",
            "function done(summary, latency, requests)",
            "  local o, l, f, x = 0, 0, 0, 0",
            "  for _, t in ipairs(threads) do",
            '    o = o + t:get("ok"); l = l + t:get("limited"); f = f + t:get("failed"); x = x + t:get("other")',
            "  end",
            "  local e = summary.errors",
            '  io.write(string.format("RESULT {\\"requests\\": %d, \\"seconds\\": %.3f, \\"p50\\": %.2f, '
            '\\"p95\\": %.2f, \\"p99\\": %.2f, \\"ok\\": %d, \\"limited\\": %d, \\"failed\\": %d, '
            '\\"other\\": %d, \\"socket_errors\\": %d}\\n", summary.requests, summary.duration / 1e6, '
            "latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, "
            "o, l, f, x, e.connect + e.read + e.write + e.timeout))",
            "end",
        ]
    )


def _round(base: str, body: str, *, many_addresses: bool) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_lua(body, many_addresses=many_addresses))
    try:
        command = ["wrk", "-t", "2", "-c", str(CLIENTS), "-d", f"{SECONDS}s", "--timeout", "10s", "-s", script.name]
        out = subprocess.run([*command, base], check=True, capture_output=True, text=True)  # noqa: S603 - wrk, our script
    finally:
        os.unlink(script.name)
    found = RESULT.search(out.stdout)
    if found is None:
        raise RuntimeError(out.stdout + out.stderr)
    result: dict[str, float] = json.loads(found.group(1))
    result["rps"] = result["requests"] / result["seconds"]
    return result


def _body(base: str) -> str:
    """One valid send: the page's own signed token, waited on until a person could have filled it in."""
    page = requests.get(base + "/kontakt/", headers={"X-Forwarded-Proto": "https"}, timeout=30)
    if page.status_code != 200 or page.cookies:
        raise RuntimeError(f"the page answered {page.status_code}, cookies {dict(page.cookies)}")
    token = re.search(r'name="token" value="([^"]+)"', page.text)
    if token is None:
        raise RuntimeError("no token on the page")
    from outreach.public_views import FASTEST

    time.sleep(FASTEST + 1)
    fields = {"token": token.group(1), "sprak": "sv", "who": "child", "age": "15", "safe": "no"}
    fields["message"] = "Jag vill prata med någon (belastningstest)."
    return urlencode(fields)


def main() -> int:
    if shutil.which("wrk") is None:
        print("wrk is missing: `make bench-public` installs Debian's package (scripts/ensure-wrk.sh).")
        return 1
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        print("bench-public runs production settings, which need PostgreSQL (docs/benchmarks.md).")
        return 1
    env = {**production_env(url), "UTVAG_TRUSTED_PROXY_COUNT": "1"}
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
    os.environ.update(env)
    import django

    django.setup()
    from intake.models import Signal, SignalKind
    from outreach.public_contact import PER_ADDRESS, PER_HOUR

    before = Signal.objects.filter(kind=SignalKind.WEB_CONTACT).count()
    server, base = _serve(env, SERVER)
    try:
        body = _body(base)
        rounds = {
            "one address": _round(base, body, many_addresses=False),
            "a new address each request": _round(base, body, many_addresses=True),
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
    stored = Signal.objects.filter(kind=SignalKind.WEB_CONTACT).count() - before
    print(f"\ngunicorn -k gthread {SERVER}, wrk {CLIENTS} connections, {SECONDS} s per round")
    print("| round | req/s | p50 ms | p95 ms | p99 ms | accepted | limited | 5xx | other | socket errors |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, r in rounds.items():
        print(
            f"| {name} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {int(r['ok'])} "
            f"| {int(r['limited'])} | {int(r['failed'])} | {int(r['other'])} | {int(r['socket_errors'])} |"
        )
    accepted = sum(int(r["ok"]) for r in rounds.values())
    checks = {
        "no 5xx answer": all(r["failed"] == 0 for r in rounds.values()),
        f"every accepted request stored ({accepted} accepted, {stored} signals)": accepted == stored,
        f"one address held to {PER_ADDRESS} an hour": rounds["one address"]["ok"] <= PER_ADDRESS,
        f"everyone held to {PER_HOUR} an hour": accepted <= PER_HOUR,
    }
    for what, held in checks.items():
        print(f"{'ok  ' if held else 'FAIL'} {what}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
