"""Tamper evidence for the access log.

Each row carries an HMAC of its own fields (key outside the database), so an altered row shows.
Seals cover contiguous id ranges and chain to the previous seal, each with an HMAC under the same
key, so removing a row (or cutting off the newest ones and re-sealing) shows too, and the newest
digest is also written to the system log, outside the database.
Appending never waits on sealing: seals are made afterwards (`seal_access_log`, every few minutes).
A seal stops before the first row younger than a grace period, so a row whose transaction is still
in flight is never skipped over and later found "inside" a sealed range.
"""

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from access.log import event_mac
from access.models import AccessEvent, AccessLogSeal
from core import crypto

GENESIS = "0" * 64
SEAL_GRACE = timedelta(minutes=2)
SEAL_MAX_ROWS = 200_000
_CHUNK = 5_000
logger = logging.getLogger("utvag.access.seal")


def _digest(previous: str, rows: Iterable[tuple[int, str]]) -> str:
    hasher = crypto.log_hasher(previous.encode("ascii"))
    for event_id, mac in rows:
        hasher.update(f"{event_id}:{mac}\n".encode("ascii"))
    return hasher.hexdigest()


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
        seal = AccessLogSeal.objects.create(
            first_event_id=after + 1,
            last_event_id=rows[-1][0],
            event_count=len(rows),
            previous_digest=previous,
            digest=_digest(previous, rows),
            sealed_at=timezone.now(),
        )
    # Kept outside the database too (syslog/journal), so the newest seals cannot be silently re-made.
    logger.info("access log sealed: rows %s-%s digest %s", seal.first_event_id, seal.last_event_id, seal.digest)
    return seal


@dataclass
class VerifyReport:
    rows_checked: int = 0
    seals_checked: int = 0
    problem_count: int = 0
    problems: list[str] = field(default_factory=list)  # the first MAX_LISTED, so memory stays bounded

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def add(self, problem: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_LISTED:
            self.problems.append(problem)


MAX_LISTED = 1_000


def _checked_rows(report: VerifyReport, first_id: int, last_id: int | None) -> Iterator[tuple[int, str]]:
    """Stream the rows of a range, checking each MAC; never holds more than one chunk in memory."""
    query = AccessEvent.objects.filter(id__gte=first_id).order_by("id")
    if last_id is not None:
        query = query.filter(id__lte=last_id)
    for event in query.iterator(chunk_size=_CHUNK):
        report.rows_checked += 1
        if event_mac(event) != event.mac:
            report.add(f"row {event.pk}: contents do not match its MAC (altered)")
        yield event.pk, event.mac


def verify_access_log() -> VerifyReport:
    report = VerifyReport()
    previous = GENESIS
    next_first = 1
    for seal in AccessLogSeal.objects.order_by("last_event_id").iterator():
        report.seals_checked += 1
        if seal.previous_digest != previous or seal.first_event_id != next_first:
            report.add(f"seal {seal.pk}: chain broken (a seal was removed or altered)")
        counted = _Counted(_checked_rows(report, seal.first_event_id, seal.last_event_id))
        digest = _digest(seal.previous_digest, counted)
        if counted.count != seal.event_count or digest != seal.digest:
            report.add(
                f"seal {seal.pk} (rows {seal.first_event_id}–{seal.last_event_id}): "
                f"{seal.event_count} sealed, {counted.count} present or changed (rows removed or inserted)"
            )
        previous = seal.digest
        next_first = seal.last_event_id + 1
    for _row in _checked_rows(report, next_first, None):
        pass
    return report


class _Counted:
    """Counts the items of an iterable as they stream past."""

    def __init__(self, items: Iterable[tuple[int, str]]) -> None:
        self._items = items
        self.count = 0

    def __iter__(self) -> Iterator[tuple[int, str]]:
        for item in self._items:
            self.count += 1
            yield item
