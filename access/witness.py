"""The seal witness: each seal's line in a file outside the database, to catch a cut-off tail.

The seals chain, so removing rows from the middle of the log shows. Removing the newest seals with
their rows, or the whole log, leaves a shorter chain that is whole; only a copy of the seals kept
where the database's owner cannot reach shows it. `seal_access_log` appends one line per seal here
(after the seal is committed, so the witness is never ahead of the database) and to the system log;
`verify_access_log --witness` checks that every witnessed seal is still in the database, unchanged.

A restore to an earlier point legitimately loses the seals after it: `record_restore_point` appends
a `restore` line naming the restored database's newest seal, and the seals witnessed after that seal
and before the line are reported as lost in that restore, not as a cut.

Lines (space-separated; times in UTC, ISO 8601):
    seal <seal id> <first event id> <last event id> <event count> <digest> <key id or -> <sealed at>
    restore <recorded at> <seal id, 0 for none> <last event id> <digest>
"""

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from access.models import AccessLogSeal

GENESIS = "0" * 64  # the digest the first seal chains to (access.logchain)


@dataclass(frozen=True)
class SealLine:
    seal_id: int
    first_event_id: int
    last_event_id: int
    event_count: int
    digest: str
    key_id: str
    sealed_at: str
    line_number: int = 0

    def render(self) -> str:
        return (
            f"seal {self.seal_id} {self.first_event_id} {self.last_event_id} {self.event_count} "
            f"{self.digest} {self.key_id or '-'} {self.sealed_at}"
        )

    def matches(self, seal: AccessLogSeal) -> bool:
        return (seal.first_event_id, seal.last_event_id, seal.event_count, seal.digest) == (
            self.first_event_id,
            self.last_event_id,
            self.event_count,
            self.digest,
        )


@dataclass(frozen=True)
class RestoreLine:
    recorded_at: str
    seal_id: int
    last_event_id: int
    digest: str
    line_number: int = 0

    def render(self) -> str:
        return f"restore {self.recorded_at} {self.seal_id} {self.last_event_id} {self.digest}"


def seal_line(seal: AccessLogSeal) -> SealLine:
    return SealLine(
        seal_id=seal.pk,
        first_event_id=seal.first_event_id,
        last_event_id=seal.last_event_id,
        event_count=seal.event_count,
        digest=seal.digest,
        key_id=seal.key_id,
        sealed_at=seal.sealed_at.astimezone(UTC).isoformat(),
    )


def restore_line(newest: AccessLogSeal | None, *, now: datetime) -> RestoreLine:
    recorded_at = now.astimezone(UTC).isoformat()
    if newest is None:
        return RestoreLine(recorded_at, 0, 0, GENESIS)
    return RestoreLine(recorded_at, newest.pk, newest.last_event_id, newest.digest)


def append(path: Path, line: str) -> None:
    """Append one line and wait until it is on disk (the file's directory too, when the file is new).

    O_APPEND, so the file is only ever added to; make it append-only for the operating system as well
    (`chattr +a`), and ship it off the host (docs/operations.md).
    """
    created = not path.exists()
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(descriptor, f"{line}\n".encode())
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    if created:
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


class UnreadableWitness(ValueError):
    """A witness line that is neither a seal nor a restore line as written here."""


def _parse(number: int, text: str) -> SealLine | RestoreLine:
    words = text.split()
    try:
        if words[0] == "seal" and len(words) == 8:
            seal_id, first, last, count = (int(w) for w in words[1:5])
            key_id = "" if words[6] == "-" else words[6]
            return SealLine(seal_id, first, last, count, words[5], key_id, words[7], number)
        if words[0] == "restore" and len(words) == 5:
            return RestoreLine(words[1], int(words[2]), int(words[3]), words[4], number)
    except ValueError:
        pass
    raise UnreadableWitness(f"witness line {number} cannot be read: {text[:120]!r}")


def read(path: Path) -> list[SealLine | RestoreLine]:
    """Every line of the witness; blank lines and `#` comments are skipped."""
    entries = []
    with path.open(encoding="utf-8") as lines:
        for number, text in enumerate(lines, start=1):
            if text.strip() and not text.startswith("#"):
                entries.append(_parse(number, text))
    return entries


@dataclass
class Witnessed:
    """The seals the witness says the database must hold, and what restores took away."""

    seals: list[SealLine] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    lost_in_restores: list[str] = field(default_factory=list)


def _apply_restore(witnessed: Witnessed, restore: RestoreLine) -> None:
    kept = [s for s in witnessed.seals if s.last_event_id <= restore.last_event_id]
    named = [s for s in kept if (s.seal_id, s.digest) == (restore.seal_id, restore.digest)]
    if restore.seal_id and not named:
        witnessed.problems.append(
            f"witness line {restore.line_number}: the restore point names seal {restore.seal_id}, which the "
            "witness does not hold before it (recorded after sealing resumed, or against another database?)"
        )
    lost = len(witnessed.seals) - len(kept)
    witnessed.lost_in_restores.append(
        f"restore recorded {restore.recorded_at}: {lost} witnessed seals after seal {restore.seal_id} "
        "lost with the data after the restore point"
    )
    witnessed.seals = kept


def witnessed_seals(entries: list[SealLine | RestoreLine]) -> Witnessed:
    """Replay the witness: seals in the order witnessed, each restore dropping the seals after its point."""
    witnessed = Witnessed()
    for entry in entries:
        if isinstance(entry, RestoreLine):
            _apply_restore(witnessed, entry)
            continue
        if witnessed.seals and entry.first_event_id <= witnessed.seals[-1].last_event_id:
            witnessed.problems.append(
                f"witness line {entry.line_number}: seal {entry.seal_id} (rows {entry.first_event_id}–"
                f"{entry.last_event_id}) covers rows already witnessed under seal {witnessed.seals[-1].seal_id} "
                "(the log cut and sealed again, or restored without a restore point)"
            )
        witnessed.seals.append(entry)
    return witnessed


def compare(witnessed: Witnessed) -> list[str]:
    """What the database lacks or holds differently from the witness; seals newer than it are fine."""
    in_database = {seal.pk: seal for seal in AccessLogSeal.objects.all().iterator()}
    problems, missing = list(witnessed.problems), []
    for line in witnessed.seals:
        seal = in_database.get(line.seal_id)
        if seal is None:
            missing.append(line)
        elif not line.matches(seal):
            problems.append(
                f"seal {line.seal_id}: differs from the witness (line {line.line_number}: rows "
                f"{line.first_event_id}–{line.last_event_id}, digest {line.digest})"
            )
    if missing:
        problems.append(
            f"{len(missing)} witnessed seals are missing from the database, from seal {missing[0].seal_id} "
            f"(rows {missing[0].first_event_id}–, sealed {missing[0].sealed_at}) to seal {missing[-1].seal_id} "
            f"(rows –{missing[-1].last_event_id}): the log was cut off, or restored without a restore point"
        )
    return problems
