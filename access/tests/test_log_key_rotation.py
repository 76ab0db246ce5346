"""The access-log key can be rotated: old rows keep their key, which each row and seal names.

Key A is the test installation's key; key B is the one rotated in.
"""

import base64
import hashlib
import hmac
from datetime import UTC

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from access.log import MAC_FIELDS
from access.logchain import seal_access_log, verify_access_log
from access.models import AccessAction, AccessEvent, AccessLogSeal
from access.tests.test_append_only import _event, _soon, _without_triggers
from access.witness import GENESIS
from conftest import World
from core.crypto import key_fingerprint

KEY_B = base64.urlsafe_b64encode(b"B" * 32).decode()
ID_B = key_fingerprint(KEY_B)


def _key_a() -> str:
    return str(settings.ACCESS_LOG_KEYS[0])


def _log_under_a_then_b(world: World) -> tuple[list[AccessEvent], list[AccessEvent]]:
    """Two sealed rows under key A, then, after rotation, two sealed rows and one unsealed under key B."""
    under_a = [_event(world), _event(world)]
    assert seal_access_log(settled_before=_soon()) is not None
    with override_settings(ACCESS_LOG_KEYS=[KEY_B, _key_a()]):
        under_b = [_event(world), _event(world)]
        assert seal_access_log(settled_before=_soon()) is not None
        under_b.append(_event(world))
    return under_a, under_b


def test_rows_and_seals_name_the_key_they_were_macd_with(world: World) -> None:
    event = _event(world)
    seal = seal_access_log(settled_before=_soon())
    assert seal is not None
    id_a = key_fingerprint(_key_a())
    assert len(id_a) == 8 and id_a not in _key_a()
    assert AccessEvent.objects.get(pk=event.pk).key_id == id_a
    assert AccessLogSeal.objects.get(pk=seal.pk).key_id == id_a


def test_a_log_written_under_a_then_b_verifies_with_both_keys(world: World) -> None:
    under_a, under_b = _log_under_a_then_b(world)
    assert {e.key_id for e in under_a} == {key_fingerprint(_key_a())}
    assert {e.key_id for e in under_b} == {ID_B}
    assert [s.key_id for s in AccessLogSeal.objects.order_by("pk")] == [key_fingerprint(_key_a()), ID_B]
    with override_settings(ACCESS_LOG_KEYS=[KEY_B, _key_a()]):
        report = verify_access_log()
    assert report.ok, report.problems
    assert (report.rows_checked, report.seals_checked) == (5, 2)


def test_under_a_alone_the_rows_of_b_fail(world: World) -> None:
    """The other direction: a verifier missing the newest key cannot vouch for the newest rows."""
    _log_under_a_then_b(world)
    report = verify_access_log()
    assert not report.ok
    assert report.unconfigured_keys == {ID_B: 4}  # three rows and one seal


def test_without_the_old_key_its_rows_are_not_configured_rather_than_tampered(world: World) -> None:
    under_a, _under_b = _log_under_a_then_b(world)
    id_a = key_fingerprint(_key_a())
    with override_settings(ACCESS_LOG_KEYS=[KEY_B]):
        report = verify_access_log()
        with pytest.raises(CommandError, match="FAILED") as failed:
            call_command("verify_access_log")
    assert not report.ok
    assert report.unconfigured_keys == {id_a: 3}  # two rows and their seal
    assert f"row {under_a[0].pk}: key {id_a} not configured" in " ".join(report.problems)
    assert all("not configured" in problem for problem in report.problems), report.problems
    for word in ("altered", "removed", "broken"):
        assert not any(word in problem for problem in report.problems), report.problems
    assert "3 problems" in str(failed.value)


def _legacy_mac(event: AccessEvent, key: str) -> str:
    """The row MAC exactly as written before keys could be rotated: no key id, one key."""
    parts = []
    for name in MAC_FIELDS:
        value = getattr(event, name)
        parts.append(
            value.astimezone(UTC).isoformat() if name == "occurred_at" else ("" if value is None else str(value))
        )
    return hmac.new(base64.urlsafe_b64decode(key), "\x1f".join(parts).encode("utf-8"), hashlib.sha256).hexdigest()


def _legacy_log(world: World, key: str) -> AccessEvent:
    """One row and its seal as an installation from before key rotation has them."""
    event = AccessEvent(
        occurred_at=timezone.now(),
        user_id=world.user("hanna").pk,
        username="hanna",
        role="caseworker",
        action=AccessAction.VIEW,
        person_id=world.own_case.child_id,
        case_id=world.own_case.pk,
        view_name="case.overview",
        request_id="legacy",
        ip_address="10.0.0.1",
    )
    event.mac = _legacy_mac(event, key)
    event = AccessEvent.objects.bulk_create([event])[0]
    digest = hmac.new(base64.urlsafe_b64decode(key), GENESIS.encode(), hashlib.sha256)
    digest.update(f"{event.pk}:{event.mac}\n".encode())
    AccessLogSeal.objects.create(
        first_event_id=1,  # the first seal starts the chain at id 1 (PostgreSQL keeps counting across tests)
        last_event_id=event.pk,
        event_count=1,
        previous_digest=GENESIS,
        digest=digest.hexdigest(),
        sealed_at=timezone.now(),
    )
    return event


def test_rows_and_seals_from_before_key_rotation_verify_under_any_listed_key(world: World) -> None:
    event = _legacy_log(world, _key_a())
    assert AccessEvent.objects.get(pk=event.pk).key_id == ""
    with override_settings(ACCESS_LOG_KEYS=[KEY_B, _key_a()]):
        _event(world)
        assert seal_access_log(settled_before=_soon()) is not None
        report = verify_access_log()
    assert report.ok, report.problems
    assert (report.rows_checked, report.seals_checked) == (2, 2)
    with override_settings(ACCESS_LOG_KEYS=[KEY_B]):
        assert not verify_access_log().ok


def test_a_legacy_row_changed_is_still_detected(world: World) -> None:
    event = _legacy_log(world, _key_a())
    _without_triggers(f"UPDATE access_accessevent SET username = 'olle' WHERE id = {event.pk}")
    report = verify_access_log()
    assert any(f"row {event.pk}" in p and "altered" in p for p in report.problems), report.problems


@pytest.mark.parametrize("moved_to", ["key A", "no key (legacy)"])
def test_a_row_moved_to_another_key_is_detected(world: World, moved_to: str) -> None:
    new_id = key_fingerprint(_key_a()) if moved_to == "key A" else ""
    with override_settings(ACCESS_LOG_KEYS=[KEY_B, _key_a()]):
        event = _event(world)
        assert event.key_id == ID_B
        _without_triggers(f"UPDATE access_accessevent SET key_id = '{new_id}' WHERE id = {event.pk}")
        report = verify_access_log()
    assert not report.ok
    assert any(f"row {event.pk}" in p and "altered" in p for p in report.problems), report.problems


def test_a_row_moved_to_an_unknown_key_fails_verification(world: World) -> None:
    event = _event(world)
    _without_triggers(f"UPDATE access_accessevent SET key_id = 'ffffffff' WHERE id = {event.pk}")
    report = verify_access_log()
    assert not report.ok
    assert report.unconfigured_keys == {"ffffffff": 1}


@pytest.mark.parametrize("moved_to", ["key A", "no key (legacy)"])
def test_a_seal_moved_to_another_key_is_detected(world: World, moved_to: str) -> None:
    new_id = key_fingerprint(_key_a()) if moved_to == "key A" else ""
    with override_settings(ACCESS_LOG_KEYS=[KEY_B, _key_a()]):
        _event(world)
        seal = seal_access_log(settled_before=_soon())
        assert seal is not None and seal.key_id == ID_B
        _without_triggers(f"UPDATE access_accesslogseal SET key_id = '{new_id}' WHERE id = {seal.pk}")
        report = verify_access_log()
    assert any(f"seal {seal.pk}" in p and "digest does not match" in p for p in report.problems), report.problems
