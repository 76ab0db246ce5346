"""Each access-log row's MAC covers its id: a copy of a row under a new id does not verify.

INSERT is allowed on the log (the application appends), so copying a row needs no trigger to be
bypassed: anyone with the application's database role could do it. Rows written before ids were
covered keep verifying under the formula they were written with.
"""

import base64
import hashlib
import hmac
from datetime import UTC, timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from access.actor import Actor
from access.log import MAC_FIELDS, MAC_VERSION, write_access_events
from access.logchain import seal_access_log, verify_access_log
from access.models import AccessAction, AccessEvent
from access.tests.test_append_only import _event, _soon, _without_triggers
from conftest import World
from core.crypto import key_fingerprint

# Every column but the id, so the database gives the copy a new one.
_COLUMNS = ", ".join((*MAC_FIELDS, "key_id", "mac_version", "mac"))


def _insert_copy(event: AccessEvent) -> AccessEvent:
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO access_accessevent ({_COLUMNS}) SELECT {_COLUMNS} FROM access_accessevent WHERE id = %s",
            [event.pk],
        )
    return AccessEvent.objects.latest("id")


def _problems_about(event: AccessEvent) -> list[str]:
    return [p for p in verify_access_log().problems if p.startswith(f"row {event.pk}:")]


def test_new_rows_are_macd_over_their_id(world: World) -> None:
    event = _event(world)
    assert event.mac_version == MAC_VERSION
    assert verify_access_log().ok


def test_an_inserted_copy_of_a_row_fails_verification(world: World) -> None:
    original = _event(world)
    copy = _insert_copy(original)
    assert copy.pk != original.pk
    assert [getattr(copy, name) for name in (*MAC_FIELDS, "mac")] == [
        getattr(original, name) for name in (*MAC_FIELDS, "mac")
    ]
    assert any("altered" in p for p in _problems_about(copy))
    assert _problems_about(original) == []


def test_a_copy_sealed_in_by_the_next_seal_still_fails(world: World) -> None:
    copy = _insert_copy(_event(world))
    seal = seal_access_log(settled_before=_soon())
    assert seal is not None and seal.last_event_id == copy.pk
    assert any("altered" in p for p in _problems_about(copy))


def test_the_id_marker_cannot_be_stripped_to_fall_back_to_the_old_formula(world: World) -> None:
    event = _event(world)
    _without_triggers(f"UPDATE access_accessevent SET mac_version = NULL WHERE id = {event.pk}")
    assert any("altered" in p for p in _problems_about(event))


def test_the_rows_of_one_page_get_distinct_ids_that_verify(world: World) -> None:
    write_access_events(
        Actor(user=world.user("hanna")),
        action=AccessAction.LIST,
        view_name="person.search",
        subjects=[(world.own_case.child_id, world.own_case.pk), (world.guardian.pk, world.own_case.pk)],
    )
    rows = list(AccessEvent.objects.order_by("id"))
    assert len({row.pk for row in rows}) == 2
    assert verify_access_log().ok


def _old_format_row(world: World, *, occurred_at_offset: timedelta = timedelta(0)) -> AccessEvent:
    """A row as written before ids were covered: MACed over its fields and key id, by hand here."""
    key = str(settings.ACCESS_LOG_KEYS[0])
    event = AccessEvent(
        occurred_at=timezone.now() + occurred_at_offset,
        user_id=world.user("hanna").pk,
        username="hanna",
        role="caseworker",
        action=AccessAction.VIEW,
        person_id=world.own_case.child_id,
        case_id=world.own_case.pk,
        view_name="case.overview",
        request_id="before-ids",
        ip_address="10.0.0.1",
        key_id=key_fingerprint(key),
    )
    parts = [
        event.occurred_at.astimezone(UTC).isoformat() if name == "occurred_at" else str(getattr(event, name) or "")
        for name in MAC_FIELDS
    ]
    parts[MAC_FIELDS.index("emergency")] = "False"
    message = "\x1f".join([*parts, event.key_id]).encode()
    event.mac = hmac.new(base64.urlsafe_b64decode(key), message, hashlib.sha256).hexdigest()
    return AccessEvent.objects.bulk_create([event])[0]


def test_rows_written_before_ids_were_covered_still_verify(world: World) -> None:
    old = _old_format_row(world, occurred_at_offset=timedelta(minutes=-5))
    assert AccessEvent.objects.get(pk=old.pk).mac_version is None
    assert seal_access_log(settled_before=_soon()) is not None
    _event(world)
    report = verify_access_log()
    assert report.ok, report.problems
    assert report.rows_checked == 2


def test_an_old_format_row_altered_is_still_detected(world: World) -> None:
    old = _old_format_row(world)
    _without_triggers(f"UPDATE access_accessevent SET username = 'olle' WHERE id = {old.pk}")
    assert any("altered" in p for p in _problems_about(old))


def test_a_copy_of_an_old_format_row_made_after_the_change_is_detected(world: World) -> None:
    """An old row's MAC does not cover its id, but its copy comes after new rows with an older time."""
    old = _old_format_row(world, occurred_at_offset=timedelta(hours=-1))
    _event(world)
    assert verify_access_log().ok
    copy = _insert_copy(old)
    assert any("copy of an older row" in p for p in _problems_about(copy))
