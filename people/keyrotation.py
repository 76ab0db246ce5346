"""Recompute every stored identity-number index under the newest key in UTVAG_INDEX_KEYS.

Afterwards the older index keys can be removed. Runs in batches by primary key, one transaction
each, holding one batch in memory; an interrupted run is resumed by running it again (indexes already
under the newest key are left as they are).
"""

from dataclasses import dataclass, field

from django.db import transaction

from core import crypto
from core.identity import stored_identity_index
from people.models import Person

BATCH = 1_000
MAX_LISTED = 100


@dataclass
class IndexRotationReport:
    key_id: str
    checked: int = 0
    rewritten: int = 0
    conflict_count: int = 0
    conflicts: list[str] = field(default_factory=list)  # public ids, the first MAX_LISTED

    @property
    def already_current(self) -> int:
        return self.checked - self.rewritten - self.conflict_count


def rotate_index_key(*, batch_size: int = BATCH) -> IndexRotationReport:
    """Loading a person decrypts the number (core.crypto, through the field); only the index is written.

    A person whose new index another person already holds is left alone and reported: two records of
    one number, made while the old key was missing from the ring. Merge them and run again.
    """
    report = IndexRotationReport(key_id=crypto.index_key_id())
    after = 0
    while True:
        with transaction.atomic():
            batch = list(
                Person.objects.select_for_update()
                .filter(pk__gt=after, identity_index__isnull=False, identity_number__isnull=False)
                .order_by("pk")
                .only("pk", "public_id", "identity_number", "identity_index")[:batch_size]
            )
            if not batch:
                return report
            after = batch[-1].pk
            _reindex(batch, report)


def _reindex(batch: list[Person], report: IndexRotationReport) -> None:
    report.checked += len(batch)
    stale = []
    for person in batch:
        new = stored_identity_index(person.identity_number or "")
        if new != person.identity_index:
            person.identity_index = new
            stale.append(person)
    if not stale:
        return
    taken = set(
        Person.objects.filter(identity_index__in=[p.identity_index for p in stale]).values_list(
            "identity_index", flat=True
        )
    )
    rewrite = [p for p in stale if p.identity_index not in taken]
    for person in stale:
        if person.identity_index in taken:
            report.conflict_count += 1
            if len(report.conflicts) < MAX_LISTED:
                report.conflicts.append(str(person.public_id))
    # bulk_update writes no change history: the index is left out of the history anyway.
    Person.objects.bulk_update(rewrite, ["identity_index"])
    report.rewritten += len(rewrite)
