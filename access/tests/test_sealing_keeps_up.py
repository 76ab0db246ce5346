"""Sealing never stops silently: it needs no right to create tables, says plainly when the database is
away, and verification fails when rows are left unsealed or months were not prepared ahead.
"""

from datetime import date, timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, OperationalError, connection, transaction
from django.utils import timezone

from access.models import AccessEvent, AccessLogSeal
from access.partitions import DEFAULT_PARTITION, change_grants, months_ahead, partition_name
from access.tests.test_append_only import _event, _without_triggers
from conftest import World

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="partitioning is PostgreSQL's")


def _old_event(world: World, age: timedelta) -> AccessEvent:
    """A row written `age` ago, MACed as it was then (so only its being unsealed is wrong)."""
    with mock.patch.object(timezone, "now", return_value=timezone.now() - age):
        return _event(world)


def _health(*args: str) -> str:
    out = StringIO()
    call_command("verify_access_log", *args, stdout=out, stderr=out)
    return out.getvalue()


def test_rows_left_unsealed_longer_than_the_interval_fail_verification(world: World) -> None:
    old = _old_event(world, timedelta(hours=1))
    with pytest.raises(CommandError, match="FAILED") as failed:
        _health()
    assert "1 problems" in str(failed.value)
    with pytest.raises(CommandError, match="FAILED"):
        _health("--health-only")
    call_command("seal_access_log", stdout=StringIO())
    assert AccessLogSeal.objects.get().last_event_id == old.pk
    assert "access log OK" in _health()


def test_rows_younger_than_the_interval_are_not_a_problem(world: World) -> None:
    _old_event(world, timedelta(minutes=5))
    assert "access log OK" in _health()


def test_a_seal_while_the_database_is_down_says_so_in_one_line_and_retries(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    down = OperationalError('connection to server at "db" (10.0.0.5), port 5432 failed: Connection refused\n\tIs …')
    attempts = mock.Mock(side_effect=[down, down, None])
    monkeypatch.setattr("access.management.commands.seal_access_log.seal_access_log", attempts)
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    out, err = StringIO(), StringIO()
    call_command("seal_access_log", stdout=out, stderr=err)
    assert out.getvalue().strip() == "sealed 0 rows"
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 2 and all("database unavailable" in line and "Connection refused" in line for line in lines)
    assert "Traceback" not in err.getvalue()
    assert attempts.call_count == 3


def test_a_database_down_for_every_try_ends_in_one_clear_error(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "access.management.commands.seal_access_log.seal_access_log",
        mock.Mock(side_effect=OperationalError("could not connect to server")),
    )
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    with pytest.raises(CommandError, match=r"database unavailable, nothing sealed \(try 4 of 4\)"):
        call_command("seal_access_log", stdout=StringIO(), stderr=StringIO())


def _drop_month(month: date) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {partition_name(month)}")


def _row_in_the_default_partition(world: World) -> AccessEvent:
    """A month not prepared: its partition is gone and a row of it lands in the DEFAULT partition."""
    far = months_ahead(timezone.now().date(), 3)
    _drop_month(far)
    event = _event(world)
    _without_triggers(
        f"UPDATE access_accessevent SET occurred_at = '{far.isoformat()} 12:00:00+00' WHERE id = {event.pk}"
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {DEFAULT_PARTITION}")
        assert cursor.fetchone()[0] == 1
    return event


@on_postgresql
def test_sealing_does_not_depend_on_making_partitions(world: World) -> None:
    """Making that month's partition now fails (the DEFAULT partition holds its row): sealing goes on."""
    settled = _event(world)
    _row_in_the_default_partition(world)
    with pytest.raises(DatabaseError, match="default partition"), transaction.atomic():
        call_command("prepare_log_partitions", stdout=StringIO())
    with mock.patch("access.logchain.SEAL_GRACE", timedelta(seconds=-1)):
        call_command("seal_access_log", stdout=StringIO())
    assert AccessLogSeal.objects.get().last_event_id == settled.pk


@on_postgresql
def test_rows_in_the_default_partition_fail_the_health_check(world: World) -> None:
    _row_in_the_default_partition(world)
    with pytest.raises(CommandError, match="FAILED"):
        _health("--health-only")


@on_postgresql
def test_a_next_month_not_prepared_fails_the_health_check_until_it_is(db: None) -> None:
    coming = months_ahead(timezone.now().date(), 1)
    _drop_month(coming)
    with pytest.raises(CommandError, match="FAILED"):
        _health("--health-only")
    out = StringIO()
    call_command("prepare_log_partitions", stdout=out)
    assert f"created partition {partition_name(coming)}" in out.getvalue()
    assert "access log OK" in _health("--health-only")


@on_postgresql
def test_no_role_but_the_owner_may_change_any_partition_present_or_future(db: None) -> None:
    """What `GRANT … ON ALL TABLES` and default privileges give, taken away again, new months included."""
    far = months_ahead(timezone.now().date(), 3)
    _drop_month(far)
    with connection.cursor() as cursor:
        cursor.execute("GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO PUBLIC")
        cursor.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT UPDATE, DELETE, TRUNCATE ON TABLES TO PUBLIC")
    granted = {table for table, _grantee, _privilege in change_grants()}
    assert {"access_accessevent", "access_accesslogseal", DEFAULT_PARTITION} <= granted
    call_command("prepare_log_partitions", stdout=StringIO())
    assert change_grants() == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT has_table_privilege('public', %s, 'INSERT')", ["access_accessevent"])
        assert cursor.fetchone()[0]  # appending stays allowed
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [partition_name(far)])
        assert cursor.fetchone()[0]  # the new month was made, and lost the default privileges' grants
