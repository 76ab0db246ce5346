"""Telling the case's workers when the follow-up day of a meeting item has come: once per follow-up.

A daily sweep, as the programme's outcome reminders (`programme.outcome_reminders`), not a task enqueued
when the item is written: a correction (a new item naming the one it corrects) may move the day or take it
away, and the sweep reads what stands today, so nothing queued needs undoing. Only the newest item of a
correction chain counts: a corrected item's day is replaced by its correction's, and a correction with no
follow-up day cancels it. `manage.py remind_meeting_follow_ups` runs it from cron beside `remind_outcomes`.

The notice (`NoticeKind.MEETING_FOLLOW_UP`) names nobody beyond the case: the case's meetings page says
which meeting and what was decided.
"""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from cases.models import CaseStatus
from collaboration.models import MeetingFollowUpReminder, MeetingItem
from deadlines.models import NoticeKind
from deadlines.notices import notify_each

# A follow-up day passed long before the sweep first ran (or while it did not run) is not reminded: the
# case's meetings page shows the day, and a notice about something due a season ago is noise. [ours]
REMIND_WITHIN = timedelta(days=30)
# What the sweep never needs to decrypt.
_ITEM_TEXTS = ("discussed", "decided", "child_said", "guardians_said")


def remind_meeting_follow_ups(*, today: date) -> int:
    """Notices written. Safe to run again the same day: a follow-up already told is not told again. When
    another sweep writes some of the same reminders meanwhile, this one starts again from what stands."""
    try:
        return _sweep(today)
    except IntegrityError:  # another sweep got there first
        return _sweep(today)


def _due(today: date) -> list[MeetingItem]:
    """The items whose follow-up day is today or up to `REMIND_WITHIN` back, not corrected, in an open case,
    and not told yet. A correction that keeps the day of an item already told is not told again: a
    reminder is for the case's follow-up on that day after that meeting, and corrections stay in both."""
    told = MeetingFollowUpReminder.objects.filter(
        item__case=OuterRef("case"), item__meeting=OuterRef("meeting"), follow_up_on=OuterRef("follow_up_on")
    )
    return list(
        MeetingItem.objects.filter(
            follow_up_on__gte=today - REMIND_WITHIN,
            follow_up_on__lte=today,
            case__status=CaseStatus.OPEN,
        )
        .exclude(Exists(MeetingItem.objects.filter(corrects=OuterRef("pk"))))
        .exclude(Exists(told))
        .select_related("case__responsible")
        .defer(*_ITEM_TEXTS)
        .order_by("id")
    )


@transaction.atomic
def _sweep(today: date) -> int:
    """The reminders and their notices in one transaction and a constant number of queries."""
    due = _due(today)
    if not due:
        return 0
    now = timezone.now()
    MeetingFollowUpReminder.objects.bulk_create(
        MeetingFollowUpReminder(item=item, follow_up_on=day, sent_at=now)
        for item in due
        if (day := item.follow_up_on) is not None
    )
    # Two items of one case due the same day are one notice: the case's meetings page shows both.
    cases = list({item.case_id: item.case for item in due}.values())
    return notify_each(kind=NoticeKind.MEETING_FOLLOW_UP, cases=cases)
