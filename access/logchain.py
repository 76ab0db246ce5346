"""Tamper evidence for the access log.

Each row carries an HMAC of its own fields and id (key outside the database), so an altered row, or
a copy of one under a new id, shows; rows from before ids were covered keep their old formula.
Seals cover contiguous id ranges and chain to the previous seal, each with an HMAC under an
access-log key, so removing a row (or cutting off the newest ones and re-sealing) shows too, and the
newest digest is also written to the system log, outside the database.
Appending never waits on sealing: seals are made afterwards (`seal_access_log`, every few minutes).
A seal stops before the first row younger than a grace period, so a row whose transaction is still
in flight is never skipped over and later found "inside" a sealed range.

The access-log key can be rotated (UTVAG_LOG_KEYS, newest first). Rows and seals are MACed with the
newest key and name it by its key id, which their MAC covers; the log is append-only, so older rows
keep their key, and verification picks each row's and seal's key from the ring. A key that is not
configured is reported as such, apart from tampering. Rows and seals from before rotation have no key
id; verification tries every configured key for them.
"""

import hmac
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from access import witness
from access.log import event_mac
from access.models import AccessEvent, AccessLogSeal
from access.witness import GENESIS
from core import crypto

SEAL_GRACE = timedelta(minutes=2)
SEAL_MAX_ROWS = 200_000
_CHUNK = 5_000
logger = logging.getLogger("utvag.access.seal")


def _seal_hasher(key_id: str, previous: str) -> "hmac.HMAC":
    """The start of a seal's digest, which covers the key id (legacy seals: `_legacy_seal_hashers`)."""
    return crypto.log_hasher(f"{key_id}:{previous}".encode(), key_id=key_id)


def _legacy_seal_hashers(previous: str) -> list["hmac.HMAC"]:
    return [crypto.log_hasher(previous.encode(), key_id=key_id) for key_id in crypto.log_key_ids()]


def _row_line(event_id: int, mac: str) -> bytes:
    return f"{event_id}:{mac}\n".encode()


def seal_access_log(*, settled_before: datetime | None = None) -> AccessLogSeal | None:
    """Seal the next range of settled rows; returns the new seal or None when there is nothing to seal."""
    cutoff = settled_before or timezone.now() - SEAL_GRACE
    with transaction.atomic():
        last = AccessLogSeal.objects.order_by("-last_event_id").first()
        after = last.last_event_id if last else 0
        previous = last.digest if last else GENESIS
        pending = AccessEvent.objects.filter(id__gt=after)
        first_unsettled = pending.filter(occurred_at__gte=cutoff).order_by("id").values_list("id", flat=True).first()
        if first_unsettled is not None:
            pending = pending.filter(id__lt=first_unsettled)
        rows = list(pending.order_by("id").values_list("id", "mac")[:SEAL_MAX_ROWS])
        if not rows:
            return None
        key_id = crypto.log_key_id()
        hasher = _seal_hasher(key_id, previous)
        for event_id, mac in rows:
            hasher.update(_row_line(event_id, mac))
        seal = AccessLogSeal.objects.create(
            first_event_id=after + 1,
            last_event_id=rows[-1][0],
            event_count=len(rows),
            previous_digest=previous,
            digest=hasher.hexdigest(),
            sealed_at=timezone.now(),
            key_id=key_id,
        )
    # Kept outside the database too, in the system log and the witness file: what shows that the
    # newest seals were not cut off. After the commit, so the witness is never ahead of the database.
    line = witness.seal_line(seal).render()
    logger.info("access log sealed: %s", line)
    if settings.ACCESS_LOG_WITNESS:
        try:
            witness.append(Path(settings.ACCESS_LOG_WITNESS), line)
        except OSError as error:
            raise WitnessNotWritten(seal, error) from error
    return seal


class WitnessNotWritten(Exception):
    """The seal is made (and in the system log), but its line could not be added to the witness file."""

    def __init__(self, seal: AccessLogSeal, error: OSError) -> None:
        made = f"seal {seal.pk} (rows {seal.first_event_id}–{seal.last_event_id}) was made"
        super().__init__(f"{made}, but the witness file could not be written: {error}")
        self.seal = seal


MAX_LISTED = 1_000


@dataclass
class VerifyReport:
    rows_checked: int = 0
    seals_checked: int = 0
    problem_count: int = 0
    problems: list[str] = field(default_factory=list)  # the first MAX_LISTED, so memory stays bounded
    notes: list[str] = field(default_factory=list)  # not problems: what the operator recorded (restores)
    witnessed_seals: int | None = None  # how many seals the witness holds, when one was given
    # Rows and seals that could not be checked, by the key id they name (at most MAX_LISTED ids).
    unconfigured_keys: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def add(self, problem: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_LISTED:
            self.problems.append(problem)

    def add_unconfigured(self, what: str, key_id: str) -> None:
        self.add(f"{what}: key {key_id} not configured (add it to UTVAG_LOG_KEYS to check this)")
        if key_id in self.unconfigured_keys or len(self.unconfigured_keys) < MAX_LISTED:
            self.unconfigured_keys[key_id] = self.unconfigured_keys.get(key_id, 0) + 1


class _RowChecker:
    """Checks each row's MAC under the key it names; rows from before rotation try every key.

    Legacy rows were all MACed with the one key configured then, so the key that last matched is
    tried first. Rows come in id order, which lets it catch a copy of an old row (whose MAC does not
    cover its id) inserted after rows with ids in their MACs began.
    """

    def __init__(self, report: VerifyReport) -> None:
        self.report = report
        self.legacy_order = crypto.log_key_ids()
        self.ids_covered_from: datetime | None = None  # the time of the first row whose MAC covers its id

    def check(self, event: AccessEvent) -> None:
        self.report.rows_checked += 1
        self._check_format(event)
        if not event.key_id:
            self._check_legacy(event)
            return
        try:
            expected = event_mac(event)
        except crypto.UnknownLogKey:
            self.report.add_unconfigured(f"row {event.pk}", event.key_id)
            return
        if expected != event.mac:
            self.report.add(f"row {event.pk}: contents do not match its MAC (altered)")

    def _check_format(self, event: AccessEvent) -> None:
        """An old-format row after the change is one an old process wrote while the new one started
        (the same few moments), or a copy of an older row under a new id: its time gives it away.
        """
        if event.mac_version is not None:
            if self.ids_covered_from is None:
                self.ids_covered_from = event.occurred_at
        elif self.ids_covered_from is not None and event.occurred_at < self.ids_covered_from - SEAL_GRACE:
            self.report.add(
                f"row {event.pk}: an old-format row (its MAC does not cover its id) dated before rows "
                "with ids in their MACs began, yet written after them (a copy of an older row?)"
            )

    def _check_legacy(self, event: AccessEvent) -> None:
        for key_id in self.legacy_order:
            if event_mac(event, key_id=key_id) == event.mac:
                if key_id != self.legacy_order[0]:
                    self.legacy_order = [key_id, *(k for k in self.legacy_order if k != key_id)]
                return
        self.report.add(
            f"row {event.pk}: contents do not match its MAC under any configured key (altered, or written "
            "before key rotation under a key no longer in UTVAG_LOG_KEYS)"
        )


def _checked_rows(checker: _RowChecker, first_id: int, last_id: int | None) -> Iterator[tuple[int, str]]:
    """Stream the rows of a range, checking each MAC; never holds more than one chunk in memory."""
    query = AccessEvent.objects.filter(id__gte=first_id).order_by("id")
    if last_id is not None:
        query = query.filter(id__lte=last_id)
    for event in query.iterator(chunk_size=_CHUNK):
        checker.check(event)
        yield event.pk, event.mac


def _seal_hashers(report: VerifyReport, seal: AccessLogSeal) -> list["hmac.HMAC"]:
    """The hashers the seal's digest may come from; none when its key is not configured."""
    if not seal.key_id:
        return _legacy_seal_hashers(seal.previous_digest)
    try:
        return [_seal_hasher(seal.key_id, seal.previous_digest)]
    except crypto.UnknownLogKey:
        report.add_unconfigured(f"seal {seal.pk}", seal.key_id)
        return []


def verify_access_log(*, witness_path: Path | None = None, rows: bool = True) -> VerifyReport:
    """Every row's MAC and every seal's chain and digest; with a witness, that no witnessed seal is gone.

    `rows=False` checks the witness alone (cheap enough to run every few minutes).
    """
    report = VerifyReport()
    if witness_path is not None:
        _check_witness(report, witness_path)
    if not rows:
        return report
    checker = _RowChecker(report)
    previous = GENESIS
    next_first = 1
    for seal in AccessLogSeal.objects.order_by("last_event_id").iterator():
        report.seals_checked += 1
        if seal.previous_digest != previous or seal.first_event_id != next_first:
            report.add(f"seal {seal.pk}: chain broken (a seal was removed or altered)")
        hashers = _seal_hashers(report, seal)
        count = 0
        for event_id, mac in _checked_rows(checker, seal.first_event_id, seal.last_event_id):
            count += 1
            line = _row_line(event_id, mac)
            for hasher in hashers:
                hasher.update(line)
        if count != seal.event_count:
            report.add(
                f"seal {seal.pk} (rows {seal.first_event_id}–{seal.last_event_id}): "
                f"{seal.event_count} sealed, {count} present (rows removed or inserted)"
            )
        elif hashers and all(h.hexdigest() != seal.digest for h in hashers):
            report.add(
                f"seal {seal.pk} (rows {seal.first_event_id}–{seal.last_event_id}): digest does not match "
                "(rows removed, inserted or changed, or the seal altered)"
            )
        previous = seal.digest
        next_first = seal.last_event_id + 1
    for _row in _checked_rows(checker, next_first, None):
        pass
    return report


def _check_witness(report: VerifyReport, path: Path) -> None:
    try:
        witnessed = witness.witnessed_seals(witness.read(path))
    except (OSError, witness.UnreadableWitness) as error:
        report.add(f"witness {path}: {error}")
        return
    for problem in witness.compare(witnessed):
        report.add(problem)
    report.notes.extend(witnessed.lost_in_restores)
    report.witnessed_seals = len(witnessed.seals)


def unsealed_problems(*, older_than: timedelta) -> list[str]:
    """Rows past the seal's reach for longer than sealing should ever take: sealing has stopped.

    Unsealed rows are checked against their MACs only, so a verification that passes says nothing
    about them having been removed: this is what notices that the seal timer stopped working.
    """
    last = AccessLogSeal.objects.order_by("-last_event_id").values_list("last_event_id", flat=True).first()
    stale = AccessEvent.objects.filter(id__gt=last or 0, occurred_at__lt=timezone.now() - older_than)
    first = stale.order_by("id").values_list("id", "occurred_at").first()
    if first is None:
        return []
    minutes = int(older_than.total_seconds() // 60)
    return [
        f"{stale.count()} access-log rows older than {minutes} minutes are not sealed (the first: row {first[0]} "
        f"of {first[1]:%Y-%m-%d %H:%M} UTC): sealing has stopped; see the seal timer's log (seal_access_log)"
    ]
