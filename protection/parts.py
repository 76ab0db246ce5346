"""What each part of protection adds to the case's protection page, read within the page's one read.

The page (`protection.views.protection_page`, the threat picture's part) asks each part for its context;
a part adds nothing it may not show to the reader (`CaseRead`).
"""

from django.urls import reverse

from access.reads import CaseRead
from protection.destination_selectors import open_warnings


def measures_part(read: CaseRead) -> dict[str, object]:
    """Police placements, skyddat boende, LVU 14 § and skyddad folkbokföring (`measure_*`)."""
    return {}


def destinations_part(read: CaseRead) -> dict[str, object]:
    """A link to the destination page and its live warnings, for the staff named for them; to anyone
    else nothing at all: not a count, not a hint that a placement exists (`destination_*`)."""
    if not read.sees_destination:
        return {}
    return {
        "destination_url": reverse("protection:destinations", args=[read.case.public_id]),
        "destination_warnings": open_warnings(read),
    }
