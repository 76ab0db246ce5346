"""The database itself refuses to change or remove access-log rows and seals."""

import hashlib
from datetime import datetime, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from access.actor import Actor
from access.log import write_access_events
from access.logchain import seal_access_log, verify_access_log
from access.models import AccessAction, AccessEvent, AccessLogSeal
from access.witness import GENESIS
from conftest import World
from core.immutability import drop_statements


def _event(world: World) -> AccessEvent:
    write_access_events(
        Actor(user=world.user("hanna")),
        action=AccessAction.VIEW,
        view_name="case.overview",
        subjects=[(world.own_case.child_id, world.own_case.pk)],
    )
    return AccessEvent.objects.latest("id")


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE access_accessevent SET username = 'someone-else'",
        "DELETE FROM access_accessevent",
    ],
)
def test_it_refuses_update_and_delete_in_sql(world: World, statement: str) -> None:
    _event(world)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    assert AccessEvent.objects.filter(username="hanna").count() == 1


def test_it_refuses_orm_update_and_delete(world: World) -> None:
    event = _event(world)
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessEvent.objects.filter(pk=event.pk).update(reason="covered up")
    with pytest.raises(DatabaseError), transaction.atomic():
        event.delete()
    assert AccessEvent.objects.get(pk=event.pk).reason == ""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE exists only on PostgreSQL")
def test_it_refuses_truncate_on_postgresql(world: World) -> None:
    _event(world)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE access_accessevent")


def test_seals_are_append_only_too(world: World) -> None:
    _event(world)
    seal = seal_access_log(settled_before=_soon())
    assert seal is not None
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessLogSeal.objects.filter(pk=seal.pk).update(digest="y")


def _without_triggers(*statements: str) -> None:
    """What an attacker with the table owner's rights could do behind the application's back."""
    tables = ("access_accessevent", "access_accesslogseal")
    with connection.cursor() as cursor:
        for table in tables:
            if connection.vendor == "postgresql":
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
            else:
                for statement in drop_statements("sqlite", table):
                    cursor.execute(statement)
        for sql in statements:
            cursor.execute(sql)
        if connection.vendor == "postgresql":
            for table in tables:
                cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")


def _soon() -> datetime:
    return timezone.now() + timedelta(seconds=1)


def test_a_seal_stops_before_a_row_that_may_still_be_in_flight(world: World) -> None:
    first, young, third = (_event(world) for _ in range(3))
    _without_triggers(f"UPDATE access_accessevent SET occurred_at = '2999-01-01 00:00:00+00' WHERE id = {young.pk}")
    seal = seal_access_log(settled_before=_soon())
    assert seal is not None
    assert (seal.last_event_id, seal.event_count) == (first.pk, 1)
    assert seal_access_log(settled_before=_soon()) is None  # still waiting for the young row
    rest = seal_access_log(settled_before=timezone.now() + timedelta(days=400 * 1000))
    assert rest is not None
    assert rest.last_event_id == third.pk


def test_a_seal_remade_without_the_log_key_is_detected(world: World) -> None:
    events = [_event(world) for _ in range(3)]
    seal = seal_access_log(settled_before=_soon())
    assert seal is not None
    kept = [(e.pk, e.mac) for e in events if e.pk != events[1].pk]
    forged = hashlib.sha256(GENESIS.encode())
    for event_id, mac in kept:
        forged.update(f"{event_id}:{mac}\n".encode())
    _without_triggers(
        f"DELETE FROM access_accessevent WHERE id = {events[1].pk}",
        f"UPDATE access_accesslogseal SET event_count = 2, digest = '{forged.hexdigest()}' WHERE id = {seal.pk}",
    )
    report = verify_access_log()
    assert not report.ok
    assert any("removed" in problem for problem in report.problems)


def test_verify_passes_on_an_untouched_log(world: World) -> None:
    for _ in range(5):
        _event(world)
    report = verify_access_log()
    assert report.ok, report.problems
    assert report.rows_checked == 5


def test_verify_detects_an_altered_row(world: World) -> None:
    event = _event(world)
    _without_triggers(f"UPDATE access_accessevent SET username = 'olle' WHERE id = {event.pk}")
    report = verify_access_log()
    assert not report.ok
    assert any("altered" in problem for problem in report.problems)


def test_verify_detects_a_removed_sealed_row(world: World) -> None:
    events = [_event(world) for _ in range(4)]
    seal = seal_access_log(settled_before=_soon())
    assert seal is not None and seal.event_count == 4
    assert verify_access_log().ok
    _without_triggers(f"DELETE FROM access_accessevent WHERE id = {events[1].pk}")
    report = verify_access_log()
    assert not report.ok
    assert any("removed" in problem for problem in report.problems)


def test_verify_command_fails_loudly_on_tampering(world: World) -> None:
    event = _event(world)
    _without_triggers(f"UPDATE access_accessevent SET reason = 'x' WHERE id = {event.pk}")
    with pytest.raises(CommandError, match="FAILED"):
        call_command("verify_access_log")
