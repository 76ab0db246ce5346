"""Production refuses to start on unsafe configuration."""

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]
GOOD = {
    "UTVAG_PRODUCTION": "true",
    "SECRET_KEY": "s" * 50,
    "UTVAG_FIELD_KEYS": Fernet.generate_key().decode(),
    "UTVAG_INDEX_KEY": base64.urlsafe_b64encode(b"i" * 32).decode(),
    "UTVAG_LOG_KEY": base64.urlsafe_b64encode(b"l" * 32).decode(),
    "UTVAG_ALLOWED_HOSTS": "utvag.example",
    "DATABASE_URL": "postgres://utvag@127.0.0.1:5432/utvag",
}


def _check(
    env: dict[str, str], tmp_path: Path, command: tuple[str, ...] = ("-c", "import django; django.setup()")
) -> subprocess.CompletedProcess[str]:
    # As a production host would have it: none of ours, nor the browser tests' async override.
    unset = ("UTVAG_", "DATABASE_URL", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(unset)}
    return subprocess.run(
        [sys.executable, *command],
        env={**clean, **env, "UTVAG_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "utvag.settings"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_starts_with_complete_configuration(tmp_path: Path) -> None:
    result = _check(GOOD, tmp_path)
    assert result.returncode == 0, result.stderr


def test_production_passes_djangos_deployment_checks(tmp_path: Path) -> None:
    good = {**GOOD, "SECRET_KEY": "k" + "".join(chr(65 + (i * 7) % 26) + str(i % 10) for i in range(40))}
    result = _check(good, tmp_path, ("manage.py", "check", "--deploy", "--fail-level", "WARNING"))
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"DATABASE_URL": ""}, "DATABASE_URL"),
        ({"UTVAG_LOG_KEY": ""}, "UTVAG_LOG_KEY"),
        ({"UTVAG_FIELD_KEYS": "not-a-key"}, "not a Fernet key"),
        ({"UTVAG_INDEX_KEY": "c2hvcnQ="}, "32 random bytes"),
        ({"UTVAG_DEMO": "true"}, "cannot be combined"),
    ],
)
def test_production_refuses_unsafe_configuration(tmp_path: Path, change: dict[str, str], message: str) -> None:
    result = _check({**GOOD, **change}, tmp_path)
    assert result.returncode != 0
    assert message in result.stderr


def _rings(index: str, log: str) -> dict[str, str]:
    single = {"UTVAG_INDEX_KEY", "UTVAG_LOG_KEY"}
    return {**{k: v for k, v in GOOD.items() if k not in single}, "UTVAG_INDEX_KEYS": index, "UTVAG_LOG_KEYS": log}


NEW_KEY = base64.urlsafe_b64encode(b"n" * 32).decode()


def test_production_starts_with_key_rings(tmp_path: Path) -> None:
    env = _rings(f"{NEW_KEY},{GOOD['UTVAG_INDEX_KEY']}", f"{NEW_KEY}, {GOOD['UTVAG_LOG_KEY']}")
    show = "import django; django.setup(); from django.conf import settings as s; "
    show += "print(len(s.BLIND_INDEX_KEYS), len(s.ACCESS_LOG_KEYS), s.ACCESS_LOG_KEYS[0] == s.BLIND_INDEX_KEYS[0])"
    result = _check(env, tmp_path, ("-c", show))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2", "2", "True"]


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({**GOOD, "UTVAG_LOG_KEYS": NEW_KEY}, "set UTVAG_LOG_KEYS or UTVAG_LOG_KEY, not both"),
        (_rings(f"{NEW_KEY},c2hvcnQ=", NEW_KEY), "UTVAG_INDEX_KEYS: key 2 must hold at least 32 random bytes"),
        (_rings(NEW_KEY, f"{NEW_KEY},{NEW_KEY}"), "UTVAG_LOG_KEYS: key 2 repeats an earlier key"),
        (_rings(NEW_KEY, ""), "UTVAG_LOG_KEYS or UTVAG_LOG_KEY"),
    ],
)
def test_production_refuses_a_bad_key_ring(tmp_path: Path, env: dict[str, str], message: str) -> None:
    result = _check(env, tmp_path)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_refuses_an_sqlite_database(tmp_path: Path) -> None:
    result = _check({**GOOD, "DATABASE_URL": f"sqlite:///{tmp_path}/utvag.sqlite3"}, tmp_path)
    assert result.returncode != 0 and "not SQLite" in result.stderr


def test_production_cookies_are_host_only_secure_and_not_for_scripts(tmp_path: Path) -> None:
    show = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_HTTPONLY, "
        "s.LANGUAGE_COOKIE_SAMESITE)"
    )
    result = _check(GOOD, tmp_path, ("-c", show))
    assert result.stdout.split() == ["__Host-sessionid", "__Host-csrftoken", "True", "True", "Lax"], result.stderr
