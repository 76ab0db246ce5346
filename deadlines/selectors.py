"""The work queue: open clocks of the cases the user works in, overdue first; and their notices."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.db.models import Case, F, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from access import selectors as access
from access.actor import Actor
from access.models import AccessAction
from access.reads import log_result_set
from deadlines.models import NAMELESS_NOTICES, NOT_ESCALATED, Deadline, Notice

# A page per bucket keeps the page and its access-log rows bounded, however far behind a team is.
BUCKET_LIMIT = 25
WEEK = timedelta(days=7)
CHILD_SECRETS = ("identity_number", "address", "phone", "email")


@dataclass
class Queue:
    overdue: list[Deadline] = field(default_factory=list)
    today: list[Deadline] = field(default_factory=list)
    this_week: list[Deadline] = field(default_factory=list)
    # Someone else's time that has run out (a party's appeal period): not late, but there is
    # something to record (appealed, or legal force).
    to_record: list[Deadline] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    more: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.overdue or self.today or self.this_week or self.to_record)


def work_queue(actor: Actor, *, mine_only: bool = False) -> Queue:
    """Case roles see their team's clocks (or only their own cases); unit managers their unit's."""
    user = actor.user
    today = timezone.localdate()
    cases = access.visible_cases(user, include_emergency=False)
    if mine_only:
        cases = cases.filter(responsible_id=user.pk)
    # Each group's most urgent clocks, numbered within the group, picked by id alone; only the rows
    # shown are then joined to their case and child.
    bucket = Case(
        When(due_on__lt=today, kind__in=NOT_ESCALATED, then=Value(3)),
        When(due_on__lt=today, then=Value(0)),
        When(due_on=today, then=Value(1)),
        default=Value(2),
    )
    ranked = (
        Deadline.objects.filter(
            # The team's cases first, then their clocks by index (access.lookups): not every open clock.
            case_id__in_array=cases.values("id"),
            met_at__isnull=True,
            cancelled_at__isnull=True,
            due_on__lte=today + WEEK,
        )
        .annotate(
            bucket=bucket,
            rank=Window(RowNumber(), partition_by=[bucket], order_by=[F("due_on").asc(), F("id").asc()]),
        )
        .filter(rank__lte=BUCKET_LIMIT + 1)
        .order_by("due_on", "id")
        .values_list("id", "bucket")
    )
    queue = Queue()
    with transaction.atomic():
        chosen = list(ranked)
        shown_rows = (
            Deadline.objects.filter(pk__in=[pk for pk, _bucket in chosen])
            .select_related("case__child", "case__responsible")
            # The queue shows the child's name only: decrypting identity and contact details for every
            # row would cost more than the rest of the page.
            .defer(*(f"case__child__{name}" for name in CHILD_SECRETS))
            .in_bulk()
        )
        groups: tuple[list[Deadline], ...] = ([], [], [], [])
        for pk, group in chosen:
            groups[group].append(shown_rows[pk])
        queue.more = any(len(group) > BUCKET_LIMIT for group in groups)
        queue.overdue, queue.today, queue.this_week, queue.to_record = (group[:BUCKET_LIMIT] for group in groups)
        queue.notices = list(
            Notice.objects.filter(recipient=user, read_at__isnull=True)
            .filter(Q(case__in=access.visible_cases(user)) | Q(kind__in=NAMELESS_NOTICES))
            .select_related("case__child", "case__team", "deadline")
            .defer(*(f"case__child__{name}" for name in CHILD_SECRETS))
            .order_by("-created_at", "-id")[:BUCKET_LIMIT]
        )
        clocks = (*queue.overdue, *queue.today, *queue.this_week, *queue.to_record)
        shown = {(d.case.child_id, d.case_id) for d in clocks}
        shown |= {(n.case.child_id, n.case_id) for n in queue.notices}
        if shown:
            log_result_set(actor, action=AccessAction.LIST, view_name="deadlines.work_queue", subjects=sorted(shown))
    return queue
