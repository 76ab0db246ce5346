"""Reading the case journal for display."""

from dataclasses import dataclass

from access.actor import Actor
from cases.models import Case
from journal.models import JournalDispute, JournalEntry
from web.paging import LatestPage, latest_page


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
    items: list[JournalItem]  # this page's signed entries: event_date, then signed_at, then id
    drafts: list[JournalEntry]  # the actor's own drafts in this case, oldest first
    page: LatestPage[JournalEntry]  # which part of a long journal this is (1: the newest entries)


def case_journal(actor: Actor, case: Case, page: int = 1) -> JournalView:
    """The journal of `case` as `actor` may see it: its newest signed entries (older ones on later
    pages, `page`), and only the actor's drafts.

    Writes NO access-log row. `case` must come from `access.reads.read_case` (or a selector built on
    it, such as `casefile.selectors.case_overview`), which checked visibility and logged the read; the
    journal is part of that same case read, and a second row would only double-count it.

    Four queries whatever the journal's length (five when an original is on another page). Corrections,
    the entry each correction points at and the disputes are linked here in bulk: use `item.corrections`,
    `item.disputes` and `entry.corrects`, not `entry.corrections.all()`, which would query once per entry.
    """
    all_signed = JournalEntry.objects.filter(case=case, signed_at__isnull=False).select_related("author", "signed_by")
    shown = latest_page(all_signed.order_by("-event_date", "-signed_at", "-id"), page)
    signed = shown.items
    drafts = list(
        JournalEntry.objects.filter(case=case, signed_at__isnull=True, author=actor.user)
        .select_related("author")
        .order_by("created_at", "id")
    )
    # Only signed entries of the same case are corrected; an original on another page is loaded too.
    missing = {e.corrects_id for e in [*signed, *drafts] if e.corrects_id is not None} - {e.pk for e in signed}
    by_id = {entry.pk: entry for entry in signed} | (all_signed.in_bulk(missing) if missing else {})
    for entry in [*signed, *drafts]:
        if entry.corrects_id is not None:
            entry.corrects = by_id[entry.corrects_id]
    corrections: dict[int, list[JournalEntry]] = {entry.pk: [] for entry in signed}
    for correction in all_signed.filter(corrects__in=signed).order_by("event_date", "signed_at", "id"):
        corrections[correction.corrects_id].append(correction)  # type: ignore[index]  # corrects is set
    disputes: dict[int, list[JournalDispute]] = {entry.pk: [] for entry in signed}
    for dispute in JournalDispute.objects.filter(entry__in=signed).select_related("recorded_by"):
        disputes[dispute.entry_id].append(dispute)
    return JournalView(
        case=case,
        items=[
            JournalItem(entry=entry, corrections=corrections[entry.pk], disputes=disputes[entry.pk]) for entry in signed
        ],
        drafts=drafts,
        page=shown,
    )
