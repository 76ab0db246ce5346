"""What each part of protection adds to the case's protection page, read within the page's one read.

The page (`protection.views.protection_page`, the threat picture's part) asks each part for its context;
a part adds nothing it may not show to the reader (`CaseRead`).
"""

from access.reads import CaseRead
from protection.measure_selectors import measures


def measures_part(read: CaseRead) -> dict[str, object]:
    """Police placements, skyddat boende, LVU 14 § and skyddad folkbokföring (`measure_*`), with their open
    clocks; a shelter's destination only as "recorded", whoever reads."""
    return {"measures": measures(read)}


def destinations_part(read: CaseRead) -> dict[str, object]:
    """Destinations, relocations, handovers and warnings, for the staff named for them (`destination_*`)."""
    return {}
