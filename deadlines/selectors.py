"""The work queue: open clocks of the cases the user works in, overdue first; and their notices."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from access import selectors as access
from access.actor import Actor
from access.models import AccessAction
from access.reads import log_result_set
from deadlines.models import Deadline, Notice

# A page per bucket keeps the page and its access-log rows bounded, however far behind a team is.
BUCKET_LIMIT = 50
WEEK = timedelta(days=7)


@dataclass
class Queue:
    overdue: list[Deadline] = field(default_factory=list)
    today: list[Deadline] = field(default_factory=list)
    this_week: list[Deadline] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    more: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.overdue or self.today or self.this_week)


def work_queue(actor: Actor, *, mine_only: bool = False) -> Queue:
    """Case roles see their team's clocks (or only their own cases); unit managers their unit's."""
    user = actor.user
    today = timezone.localdate()
    cases = access.visible_cases(user, include_emergency=False)
    if mine_only:
        cases = cases.filter(responsible_id=user.pk)
    open_clocks = (
        Deadline.objects.filter(case__in=cases, met_at__isnull=True, cancelled_at__isnull=True)
        .select_related("case__child", "case__responsible", "legal_basis")
        .order_by("due_on", "id")
    )
    queue = Queue()
    with transaction.atomic():
        queue.overdue = list(open_clocks.filter(due_on__lt=today)[: BUCKET_LIMIT + 1])
        queue.today = list(open_clocks.filter(due_on=today)[: BUCKET_LIMIT + 1])
        queue.this_week = list(open_clocks.filter(due_on__gt=today, due_on__lte=today + WEEK)[: BUCKET_LIMIT + 1])
        queue.more = any(len(bucket) > BUCKET_LIMIT for bucket in (queue.overdue, queue.today, queue.this_week))
        queue.overdue, queue.today, queue.this_week = (
            queue.overdue[:BUCKET_LIMIT],
            queue.today[:BUCKET_LIMIT],
            queue.this_week[:BUCKET_LIMIT],
        )
        queue.notices = list(
            Notice.objects.filter(recipient=user, read_at__isnull=True, case__in=access.visible_cases(user))
            .select_related("case__child", "deadline")
            .order_by("-created_at", "-id")[:BUCKET_LIMIT]
        )
        shown = {(d.case.child_id, d.case_id) for d in (*queue.overdue, *queue.today, *queue.this_week)}
        shown |= {(n.case.child_id, n.case_id) for n in queue.notices}
        if shown:
            log_result_set(actor, action=AccessAction.LIST, view_name="deadlines.work_queue", subjects=sorted(shown))
    return queue


def unread_notice_count(actor: Actor) -> int:
    return Notice.objects.filter(recipient=actor.user, read_at__isnull=True).count()
