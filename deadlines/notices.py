"""Notices: who must be told about a case (the worker holding it, the unit's managers) and telling them."""

from collections import defaultdict

from django.utils import timezone

from accounts.models import Role, User
from cases.models import Case
from deadlines.models import Deadline, Notice, NoticeKind


def unit_managers(case: Case) -> list[User]:
    return list(User.objects.filter(role=Role.UNIT_MANAGER, unit_id=case.team.unit_id, is_active=True))


def _holder(case: Case) -> User | None:
    if case.responsible_id is not None and case.responsible is not None and case.responsible.is_active:
        return case.responsible
    return None


def case_workers_to_tell(case: Case) -> list[User]:
    """The responsible worker, or while nobody is, every active case worker of the team."""
    if (holder := _holder(case)) is not None:
        return [holder]
    return list(User.objects.filter(role=Role.CASEWORKER, team_id=case.team_id, is_active=True))


def notify(*, recipients: list[User], kind: NoticeKind, case: Case, deadline: Deadline | None = None) -> int:
    now = timezone.now()
    rows = [Notice(recipient=user, kind=kind, case=case, deadline=deadline, created_at=now) for user in recipients]
    return len(Notice.objects.bulk_create(rows, ignore_conflicts=deadline is not None))


def notify_each(*, kind: NoticeKind, cases: list[Case]) -> int:
    """The same notice to the workers of each case (`case_workers_to_tell`), in one insert and, when some
    case has no responsible worker, one query for the case workers of those cases' teams. The cases come
    with their responsible worker loaded."""
    told: dict[int, list[User]] = {}
    for case in cases:
        if (holder := _holder(case)) is not None:
            told[case.pk] = [holder]
    unheld = {case.team_id for case in cases if case.pk not in told}
    teams: dict[int, list[User]] = defaultdict(list)
    if unheld:
        for user in User.objects.filter(role=Role.CASEWORKER, team_id__in=unheld, is_active=True).order_by("id"):
            assert user.team_id is not None
            teams[user.team_id].append(user)
    now = timezone.now()
    rows = [
        Notice(recipient=user, kind=kind, case=case, created_at=now)
        for case in cases
        for user in told.get(case.pk, teams[case.team_id])
    ]
    return len(Notice.objects.bulk_create(rows))


def notices_mark_read(*, user: User, notice_ids: list[int]) -> int:
    """Only the recipient marks their own notices read; other ids are ignored."""
    return Notice.objects.filter(recipient=user, pk__in=notice_ids, read_at__isnull=True).update(read_at=timezone.now())
