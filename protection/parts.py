"""What each part of protection adds to the case's protection page, read within the page's one read.

The page (`protection.views.protection_page`, the threat picture's part) asks each part for its context;
a part adds nothing it may not show to the reader (`CaseRead`).
"""

from django.urls import reverse

from access.reads import CaseRead
from protection.destination_selectors import open_warnings
from protection.measure_selectors import measures


def measures_part(read: CaseRead) -> dict[str, object]:
    """Police placements, skyddat boende, LVU 14 § and skyddad folkbokföring (`measure_*`), with their open
    clocks; a shelter's destination only as "recorded", whoever reads."""
    return {"measures": measures(read)}


def destinations_part(read: CaseRead) -> dict[str, object]:
    """A link to the destination page and its live warnings, for the staff named for them; to anyone
    else nothing of it at all: not a count, not a hint that a placement exists (`destination_*`). And
    the conflicts page, for those who see the programme's restricted data (`conflict_*`)."""
    # Conflicts are restricted programme data: their page is for those who see that data, and
    # says nothing of any destination.
    part: dict[str, object] = {}
    if read.sees_restricted:
        part["conflicts_url"] = reverse("protection:conflicts", args=[read.case.public_id])
    if read.sees_destination:
        part["destination_url"] = reverse("protection:destinations", args=[read.case.public_id])
        part["destination_warnings"] = open_warnings(read)
    return part
