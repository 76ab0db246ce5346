"""The latest part of a long list, and the way back to older parts: pages that do not grow with history.

A case with years of casework has hundreds of signals and decisions. Each list shows the newest
`size` (`latest_page`), found with one query that asks for one row more than it shows, so no count is
needed; an older page is `?<name>=2`, and so on.
"""

from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.http import HttpRequest

PAGE_SIZE = 20


@dataclass(frozen=True)
class LatestPage[M: Model]:
    """Items in the order the page shows them (oldest first), the page's number and its neighbours."""

    items: list[M]
    number: int
    has_older: bool

    @property
    def older(self) -> int | None:
        return self.number + 1 if self.has_older else None

    @property
    def newer(self) -> int | None:
        return self.number - 1 if self.number > 1 else None


def page_number(request: HttpRequest, name: str) -> int:
    """The page asked for in `?<name>=`; anything that is not a page number is the first page."""
    raw = request.GET.get(name, "")
    return int(raw) if raw.isdigit() and 0 < int(raw) < 10_000 else 1


def latest_page[M: Model](newest_first: QuerySet[M], number: int, size: int = PAGE_SIZE) -> LatestPage[M]:
    """Page `number` (1: the newest) of `newest_first`, shown oldest first."""
    start = (number - 1) * size
    rows = list(newest_first[start : start + size + 1])
    return LatestPage(items=rows[:size][::-1], number=number, has_older=len(rows) > size)
