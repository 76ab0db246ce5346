"""The seed's fast paths: rows saved by COPY are the rows an ordinary save would make.

The national scale (200 million log rows) cannot run in the tests; these hold its loaders to the
same rules at the demo scale, on both engines: MACs that verify, ids that grow with time, encrypted
fields that decrypt, sequences that carry on, and log months that are append-only like any other.
"""

from datetime import UTC, date, datetime

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from access import bulkload
from access.logchain import verify_access_log
from access.models import AccessEvent
from access.partitions import PARENT, month_bounds, partition_name
from access.tests.test_append_only import _event
from conftest import World
from demo import logworker
from demo.bulk import save_all
from demo.history import MonthShare, Reader, chunks, plan
from people.models import IdentityKind, Person

TODAY = date(2026, 11, 23)
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY and partitions are PostgreSQL's")


def test_the_rows_are_shared_over_the_months_in_proportion_and_none_is_lost() -> None:
    shares = plan(datetime(2025, 11, 23, tzinfo=UTC), datetime(2026, 11, 23, tzinfo=UTC), 365_000)
    assert sum(share.count for share in shares) == 365_000
    assert [share.month for share in shares][:2] == [date(2025, 11, 1), date(2025, 12, 1)]
    assert shares[-1].month == date(2026, 11, 1)
    december = next(share for share in shares if share.month == date(2025, 12, 1))
    assert december.count == 31_000  # 31 days of 365, a thousand a day
    assert all(share.start < share.end for share in shares)


def test_a_history_smaller_than_the_months_gives_no_month_a_negative_share() -> None:
    """Rounding each month on its own once gave the last month -1 rows out of 10."""
    shares = plan(datetime(2025, 11, 23, tzinfo=UTC), datetime(2026, 11, 23, tzinfo=UTC), 10)
    assert sum(share.count for share in shares) == 10
    assert all(share.count > 0 for share in shares)


@pytest.mark.django_db
def test_seeded_log_ids_grow_with_time_as_live_ids_do() -> None:
    """The reviewer's sample and the seals rely on it: a period is an id range."""
    call_command("seed", "--today", TODAY.isoformat())
    times = list(AccessEvent.objects.order_by("id").values_list("occurred_at", flat=True))
    assert len(times) == 2_000
    assert times == sorted(times)


@pytest.mark.django_db
def test_persons_saved_in_bulk_decrypt_and_the_sequence_carries_on() -> None:
    people = [
        Person(
            given_name="Bo",
            family_name=f"Bulk{n}",
            search_name=f"bo bulk{n}",
            identity_kind=IdentityKind.RESERVE,
            address=f"Gatan {n}",
        )
        for n in range(3)
    ]
    save_all(people)
    assert all(person.pk for person in people)
    stored = Person.objects.get(pk=people[1].pk)
    assert (stored.family_name, stored.address) == ("Bulk1", "Gatan 1")
    with connection.cursor() as cursor:
        cursor.execute("SELECT address FROM people_person WHERE id = %s", [people[1].pk])
        assert "Gatan" not in cursor.fetchone()[0]  # encrypted at rest, as an ordinary save does
    later = Person.objects.create(
        given_name="Ny", family_name="P", search_name="ny p", identity_kind=IdentityKind.RESERVE
    )
    assert later.pk > max(person.pk for person in people)


def _index_count(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_index WHERE indrelid = %s::regclass", [table])
        return int(cursor.fetchone()[0])


@pytest.mark.django_db
@on_postgresql
def test_a_loaded_month_is_indexed_once_and_append_only() -> None:
    call_command("seed", "--today", TODAY.isoformat())
    month = partition_name(date(2026, 3, 1))
    assert _index_count(month) == _index_count(PARENT)  # adopted by ATTACH, not built a second time
    for statement in (f"UPDATE {month} SET reason = 'x'", f"DELETE FROM {month}", f"TRUNCATE {month}"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert AccessEvent.objects.filter(occurred_at__month=3, occurred_at__year=2026).exists()


@pytest.mark.django_db
@on_postgresql
def test_a_month_that_holds_rows_is_never_replaced(world: World) -> None:
    event = _event(world)
    month = event.occurred_at.date().replace(day=1)
    with pytest.raises(bulkload.MonthNotEmpty):
        bulkload.clear_empty_month(month)
    assert AccessEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db
def test_a_loader_process_refuses_to_write_to_another_database_than_the_seeds() -> None:
    """Loaders read their settings from the environment; a mismatch must stop them, not write elsewhere."""
    with pytest.raises(RuntimeError, match="loader would write to"):
        logworker.start((1, [], []), "some_other_database")
    logworker.start((1, [], []), connection.settings_dict["NAME"])


def _index_options(table: str) -> set[tuple[str, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.reloptions FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
            " WHERE i.indrelid = %s::regclass",
            [table],
        )
        return {tuple(options or ()) for (options,) in cursor.fetchall()}


def _load(month: date, first_id: int) -> None:
    start, end = (int(bound.timestamp()) for bound in month_bounds(month))
    share = MonthShare(month, start, end, 50, first_id)
    bulkload.load_month(month, chunks(share, 7, [(1, 2)], [Reader(3, "seed.user", "handlaggare")]))


@pytest.mark.django_db
@on_postgresql
def test_a_closed_months_indexes_are_packed_full_and_an_open_months_leave_room_for_new_rows() -> None:
    """A month that has ended never gets another row; one still to come will get them as they happen."""
    _load(date(2001, 1, 1), 10**12)
    _load(date(2099, 1, 1), 10**12 + 50)
    assert _index_options(partition_name(date(2001, 1, 1))) == {("fillfactor=100",)}
    assert _index_options(partition_name(date(2099, 1, 1))) == {()}
    assert AccessEvent.objects.filter(id__gte=10**12).count() == 100


@pytest.mark.django_db
def test_loaded_macs_are_kept_as_32_bytes_on_postgresql_and_verify_on_both_engines() -> None:
    call_command("seed", "--today", TODAY.isoformat())
    # Bytes on PostgreSQL, hex text on SQLite (whose table is not rebuilt: see access.fields).
    length = ("octet_length", 32) if connection.vendor == "postgresql" else ("length", 64)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT DISTINCT {length[0]}(mac) FROM access_accessevent")
        assert [row[0] for row in cursor.fetchall()] == [length[1]]
    assert verify_access_log().ok
