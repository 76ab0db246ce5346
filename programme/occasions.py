"""When each outcome occasion falls due, and where it stands: pure date arithmetic, no database.

Entry is the participation's first contact (`raised_on`), the day the programme's waits are measured
from: it is always there and never moves, where the first meeting may never come (a child who drops out
before it is the child whose outcomes matter most). The occasions after the end exist once it has ended.
Months are calendar months (`core.calendar.add_months`: 31 January + 1 month is the last of February).
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from core.calendar import add_months
from programme.models import EndReason, Participation
from programme.outcome_models import Occasion

# (occasion, months, counted from the end). The baseline is due a month after entry [ours]: taken in the
# first weeks, before the programme itself has changed much.
SCHEDULE = [
    (Occasion.ENTRY, 1, False),
    (Occasion.ENTRY_6, 6, False),
    (Occasion.ENTRY_12, 12, False),
    (Occasion.ENTRY_24, 24, False),
    (Occasion.END_6, 6, True),
    (Occasion.END_12, 12, True),
    (Occasion.END_24, 24, True),
]
# An occasion may be recorded from a month before it is due [ours]: a 6-month outcome taken at month 2
# would not be one.
OPENS_BEFORE = 1
# A child who moved away or was taken over by another municipality is followed up there, not here.
FOLLOWED_ELSEWHERE = {EndReason.MOVED, EndReason.TAKEN_OVER}


class Status(StrEnum):
    UPCOMING = "upcoming"
    DUE = "due"
    OVERDUE = "overdue"
    RECORDED = "recorded"
    ELSEWHERE = "elsewhere"  # after the child moved away: not ours to follow up, never reminded


STATUS_LABELS = {
    Status.UPCOMING: _("Inte än"),
    Status.DUE: _("Ska registreras"),
    Status.OVERDUE: _("Försenad"),
    Status.RECORDED: _("Registrerad"),
    Status.ELSEWHERE: _("Följs upp av den nya kommunen"),
}
STATUS_COLOURS = {Status.DUE: "warning", Status.OVERDUE: "danger", Status.RECORDED: "success"}


@dataclass(frozen=True)
class Due:
    occasion: Occasion
    due_on: date
    opens_on: date
    status: Status

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def colour(self) -> str:
        return STATUS_COLOURS.get(self.status, "neutral")


def occasions(participation: Participation, recorded: set[str], today: date) -> list[Due]:
    """Every occasion the participation has so far, with its due date and status on `today`.
    `recorded`: the occasions that have a record."""
    rows = []
    for occasion, months, from_end in SCHEDULE:
        start = participation.ended_on if from_end else participation.raised_on
        if start is None:
            continue
        due_on = add_months(start, months)
        opens_on = start if occasion == Occasion.ENTRY else add_months(start, months - OPENS_BEFORE)
        rows.append(
            Due(occasion, due_on, opens_on, _status(participation, occasion, due_on, opens_on, recorded, today))
        )
    return rows


def _status(
    participation: Participation, occasion: str, due_on: date, opens_on: date, recorded: set[str], today: date
) -> Status:
    if occasion in recorded:
        return Status.RECORDED
    ended = participation.ended_on
    if ended is not None and participation.end_reason in FOLLOWED_ELSEWHERE and due_on > ended:
        return Status.ELSEWHERE
    if today < opens_on:
        return Status.UPCOMING
    return Status.DUE if today <= due_on else Status.OVERDUE


def occasion_due(participation: Participation, occasion: str) -> Due | None:
    """The one occasion, or None when the participation has no such occasion (yet)."""
    return next((d for d in occasions(participation, set(), date.min) if d.occasion == occasion), None)
