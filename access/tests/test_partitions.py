"""On PostgreSQL the access log is partitioned by month, and every partition is append-only too."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from access.models import AccessEvent
from access.partitions import DEFAULT_PARTITION, ensure_partitions, partition_name
from access.tests.test_append_only import _event
from conftest import World

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="partitioning is PostgreSQL's")


def _count(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")
        return int(cursor.fetchone()[0])


def test_rows_land_in_their_month_not_in_the_default(world: World) -> None:
    event = _event(world)
    assert _count(partition_name(event.occurred_at.date().replace(day=1))) == 1
    assert _count(DEFAULT_PARTITION) == 0


@pytest.mark.parametrize("statement", ["DELETE FROM {table}", "UPDATE {table} SET reason = 'x'", "TRUNCATE {table}"])
def test_a_partition_refuses_change_when_addressed_directly(world: World, statement: str) -> None:
    event = _event(world)
    table = partition_name(event.occurred_at.date().replace(day=1))
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement.format(table=table))
    assert AccessEvent.objects.filter(pk=event.pk).exists()


def test_months_are_prepared_ahead_once(db: None) -> None:
    created = ensure_partitions(date(2031, 1, 1), date(2031, 3, 1))
    assert created == [partition_name(date(2031, m, 1)) for m in (1, 2, 3)]
    assert ensure_partitions(date(2031, 1, 1), date(2031, 3, 1)) == []


def test_the_prepare_command_makes_the_next_months(db: None) -> None:
    call_command("prepare_log_partitions")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_class WHERE relname LIKE 'access_accessevent_y%%'")
        assert cursor.fetchone()[0] >= 4
