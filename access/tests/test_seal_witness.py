"""A cut-off tail of the access log shows against the seal witness, a file outside the database.

The seal chain alone cannot show it: without the newest seals and their rows, or without any rows
at all, what is left is a whole chain. Each test first shows that (verification without the witness
passes) and then that the witness catches it.
"""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from access.logchain import seal_access_log, verify_access_log
from access.models import AccessLogSeal
from access.tests.test_append_only import _event, _soon, _without_triggers
from conftest import World


@pytest.fixture
def witness(tmp_path: Path) -> Path:
    return tmp_path / "seal-witness"


def _sealed(world: World, rows: int) -> AccessLogSeal:
    for _ in range(rows):
        _event(world)
    seal = seal_access_log(settled_before=_soon())
    assert seal is not None
    return seal


def _two_seals(world: World, witness: Path) -> tuple[AccessLogSeal, AccessLogSeal]:
    with override_settings(ACCESS_LOG_WITNESS=str(witness)):
        return _sealed(world, 2), _sealed(world, 3)


def _cut(seal: AccessLogSeal) -> None:
    """What the database's owner could do: remove a seal and every row from its start on."""
    _without_triggers(
        f"DELETE FROM access_accesslogseal WHERE id = {seal.pk}",
        f"DELETE FROM access_accessevent WHERE id >= {seal.first_event_id}",
    )


def test_each_seal_is_appended_to_the_witness_as_one_line(world: World, witness: Path) -> None:
    first, second = _two_seals(world, witness)
    lines = witness.read_text().splitlines()
    assert [line.split()[:5] for line in lines] == [
        ["seal", str(s.pk), str(s.first_event_id), str(s.last_event_id), str(s.event_count)] for s in (first, second)
    ]
    assert lines[1].split()[5] == second.digest
    report = verify_access_log(witness_path=witness)
    assert report.ok, report.problems
    assert report.witnessed_seals == 2


def test_removing_the_newest_seal_with_its_rows_is_detected_against_the_witness(world: World, witness: Path) -> None:
    _first, second = _two_seals(world, witness)
    _cut(second)
    assert verify_access_log().ok  # the chain that is left is whole
    report = verify_access_log(witness_path=witness)
    assert not report.ok
    assert any("1 witnessed seals are missing" in p and f"seal {second.pk}" in p for p in report.problems)


def test_removing_everything_is_detected_against_the_witness(world: World, witness: Path) -> None:
    _two_seals(world, witness)
    _without_triggers("DELETE FROM access_accesslogseal", "DELETE FROM access_accessevent")
    assert verify_access_log().ok
    report = verify_access_log(witness_path=witness)
    assert not report.ok
    assert any("2 witnessed seals are missing" in p for p in report.problems)
    with pytest.raises(CommandError, match="FAILED"):
        call_command("verify_access_log", witness=witness)


def test_a_cut_tail_sealed_again_is_detected(world: World, witness: Path) -> None:
    """Cut the newest seal and its rows, then let new rows be sealed over the same ids."""
    _first, second = _two_seals(world, witness)
    _cut(second)
    with override_settings(ACCESS_LOG_WITNESS=str(witness)):
        remade = _sealed(world, 1)
    assert remade.first_event_id == second.first_event_id
    assert verify_access_log().ok
    problems = verify_access_log(witness_path=witness).problems
    assert any("covers rows already witnessed" in p for p in problems), problems
    assert any("missing" in p or "differs" in p for p in problems), problems


def test_a_newer_seal_not_yet_witnessed_is_not_a_problem(world: World, witness: Path) -> None:
    _two_seals(world, witness)
    _sealed(world, 1)  # sealed without the witness setting: as if its line had not been written yet
    assert verify_access_log(witness_path=witness).ok


def test_after_a_restore_point_the_lost_seals_are_not_taken_for_a_cut(world: World, witness: Path) -> None:
    _first, second = _two_seals(world, witness)
    _cut(second)  # as a restore to a point before the second seal leaves the database
    call_command("record_restore_point", witness=witness)
    report = verify_access_log(witness_path=witness)
    assert report.ok, report.problems
    assert any("1 witnessed seals after seal" in note for note in report.notes)
    with override_settings(ACCESS_LOG_WITNESS=str(witness)):
        after_restore = _sealed(world, 2)
    assert verify_access_log(witness_path=witness).ok
    _cut(after_restore)  # a cut after the restore still shows
    assert not verify_access_log(witness_path=witness).ok


def test_a_witness_that_cannot_be_written_stops_the_seal_command_loudly(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _event(world)
    monkeypatch.setattr("access.logchain.SEAL_GRACE", timedelta(seconds=-5))  # the new row counts as settled
    unwritable = tmp_path / "no-such-directory" / "seal-witness"
    with override_settings(ACCESS_LOG_WITNESS=str(unwritable)), pytest.raises(CommandError, match="witness file"):
        call_command("seal_access_log")
    assert not unwritable.exists()
    assert AccessLogSeal.objects.count() == 1  # the seal is made; only its witness line is missing


def test_an_unreadable_witness_line_fails_verification(world: World, witness: Path) -> None:
    _two_seals(world, witness)
    with witness.open("a") as file:
        file.write("seal 9 not a number\n")
    report = verify_access_log(witness_path=witness)
    assert any("line 3 cannot be read" in p for p in report.problems), report.problems
