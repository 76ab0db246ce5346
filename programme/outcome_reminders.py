"""Telling the worker when an outcome occasion falls due and nothing is recorded: once per occasion.

A daily sweep, not a task enqueued per occasion: an occasion's due date is known only once the
participation has ended (three of them count from the end), a record made in time must stop the
reminder, and a task queued two years ahead would have to survive every deploy and be cancelled by
every change; django-tasks-db does not retry either. The sweep reads what stands today, so none of that
needs undoing. `manage.py remind_outcomes` runs it from cron beside `escalate_overdue`.
"""

from collections import defaultdict
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from deadlines.models import NoticeKind
from deadlines.notices import case_workers_to_tell, notify
from programme.models import Participation
from programme.occasions import Due, Status, occasions
from programme.outcome_models import OutcomeRecord, OutcomeReminder

# An occasion missed long before the sweep first ran (or while it did not run) is not reminded: the
# outcomes page shows it overdue, and a notice about something due a season ago is noise. [ours]
REMIND_WITHIN = timedelta(days=30)
# The last occasion is 24 months after the end; a participation older than this has nothing left.
HORIZON = timedelta(days=25 * 31)


def _to_remind(participation: Participation, recorded: set[str], sent: set[str], today: date) -> list[Due]:
    return [
        due
        for due in occasions(participation, recorded, today)
        if due.status in (Status.DUE, Status.OVERDUE)
        and today - REMIND_WITHIN <= due.due_on <= today
        and due.occasion not in sent
    ]


def remind_due_outcomes(*, today: date) -> int:
    """Notices written. Safe to run again the same day: a reminder already sent is not sent again."""
    since = today - HORIZON
    participations = list(
        Participation.objects.filter(Q(raised_on__gte=since) | Q(ended_on__gte=since)).select_related(
            "case__responsible", "case__team"
        )
    )
    ids = [p.pk for p in participations]
    recorded: dict[int, set[str]] = defaultdict(set)
    for pk, occasion in OutcomeRecord.objects.filter(participation__in=ids).values_list("participation", "occasion"):
        recorded[pk].add(occasion)
    sent: dict[int, set[str]] = defaultdict(set)
    for pk, occasion in OutcomeReminder.objects.filter(participation__in=ids).values_list("participation", "occasion"):
        sent[pk].add(occasion)
    written = 0
    for participation in participations:
        for due in _to_remind(participation, recorded[participation.pk], sent[participation.pk], today):
            written += _remind(participation, due)
    return written


def _remind(participation: Participation, due: Due) -> int:
    with transaction.atomic():
        _row, made = OutcomeReminder.objects.get_or_create(
            participation=participation,
            occasion=due.occasion,
            defaults={"due_on": due.due_on, "sent_at": timezone.now()},
        )
        if not made:  # another sweep got there first
            return 0
        case = participation.case
        return notify(recipients=case_workers_to_tell(case), kind=NoticeKind.OUTCOME_DUE, case=case)
