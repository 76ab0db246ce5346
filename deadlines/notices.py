"""Notices: who must be told about a case (the worker holding it, the unit's managers) and telling them."""

from django.utils import timezone

from accounts.models import Role, User
from cases.models import Case
from deadlines.models import Deadline, Notice, NoticeKind


def unit_managers(case: Case) -> list[User]:
    return list(User.objects.filter(role=Role.UNIT_MANAGER, unit_id=case.team.unit_id, is_active=True))


def case_workers_to_tell(case: Case) -> list[User]:
    """The responsible worker, or while nobody is, every active case worker of the team."""
    if case.responsible_id is not None and case.responsible is not None and case.responsible.is_active:
        return [case.responsible]
    return list(User.objects.filter(role=Role.CASEWORKER, team_id=case.team_id, is_active=True))


def notify(*, recipients: list[User], kind: NoticeKind, case: Case, deadline: Deadline | None = None) -> int:
    now = timezone.now()
    rows = [Notice(recipient=user, kind=kind, case=case, deadline=deadline, created_at=now) for user in recipients]
    return len(Notice.objects.bulk_create(rows, ignore_conflicts=deadline is not None))


def notify_each(*, kind: NoticeKind, cases: list[Case]) -> int:
    """The same notice to the workers of each case, in one insert (plus a query per case that has no
    responsible worker, to find its team's)."""
    now = timezone.now()
    rows = [
        Notice(recipient=user, kind=kind, case=case, created_at=now)
        for case in cases
        for user in case_workers_to_tell(case)
    ]
    return len(Notice.objects.bulk_create(rows))


def notices_mark_read(*, user: User, notice_ids: list[int]) -> int:
    """Only the recipient marks their own notices read; other ids are ignored."""
    return Notice.objects.filter(recipient=user, pk__in=notice_ids, read_at__isnull=True).update(read_at=timezone.now())
