"""Reading the case journal for display."""

from dataclasses import dataclass

from access.actor import Actor
from cases.models import Case
from journal.models import JournalDispute, JournalEntry


@dataclass(frozen=True)
class JournalItem:
    """A signed entry with the signed entries that correct it and the disputes noted beside it."""

    entry: JournalEntry
    corrections: list[JournalEntry]
    disputes: list[JournalDispute]

    @property
    def is_corrected(self) -> bool:
        return bool(self.corrections)


@dataclass(frozen=True)
class JournalView:
    case: Case
    items: list[JournalItem]  # signed entries: event_date, then signed_at, then id
    drafts: list[JournalEntry]  # the actor's own drafts in this case, oldest first


def case_journal(actor: Actor, case: Case) -> JournalView:
    """The journal of `case` as `actor` may see it: every signed entry, and only the actor's drafts.

    Writes NO access-log row. `case` must come from `access.reads.read_case` (or a selector built on
    it, such as `casefile.selectors.case_overview`), which checked visibility and logged the read; the
    journal is part of that same case read, and a second row would only double-count it.

    Three queries whatever the journal's length. Corrections, the entry each correction points at and
    the disputes are linked here from the rows already loaded: use `item.corrections`, `item.disputes`
    and `entry.corrects`, not `entry.corrections.all()`, which would query once per entry.
    """
    signed = list(
        JournalEntry.objects.filter(case=case, signed_at__isnull=False)
        .select_related("author", "signed_by")
        .order_by("event_date", "signed_at", "id")
    )
    drafts = list(
        JournalEntry.objects.filter(case=case, signed_at__isnull=True, author=actor.user)
        .select_related("author")
        .order_by("created_at", "id")
    )
    by_id = {entry.pk: entry for entry in signed}
    corrections: dict[int, list[JournalEntry]] = {entry.pk: [] for entry in signed}
    for entry in [*signed, *drafts]:
        # Only signed entries of the same case can be corrected, so the original is always loaded.
        if entry.corrects_id is not None:
            entry.corrects = by_id[entry.corrects_id]
            if entry.is_signed:
                corrections[entry.corrects_id].append(entry)
    disputes: dict[int, list[JournalDispute]] = {entry.pk: [] for entry in signed}
    for dispute in JournalDispute.objects.filter(entry__case=case).select_related("recorded_by"):
        disputes[dispute.entry_id].append(dispute)
    return JournalView(
        case=case,
        items=[
            JournalItem(entry=entry, corrections=corrections[entry.pk], disputes=disputes[entry.pk]) for entry in signed
        ],
        drafts=drafts,
    )
