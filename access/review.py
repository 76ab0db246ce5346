"""What a reviewer may review: the log reviewer sees everything; a unit manager sees their unit."""

from django.db.models import Q, QuerySet

from access.models import AccessEvent, EmergencyAccess
from accounts.models import Role, User
from cases.models import Case

LOG_PAGE_SIZE = 100


def reviewable_events(reviewer: User) -> QuerySet[AccessEvent]:
    if reviewer.role == Role.LOG_REVIEWER:
        return AccessEvent.objects.all()
    if reviewer.role == Role.UNIT_MANAGER and reviewer.unit_id is not None:
        staff = User.objects.filter(Q(unit_id=reviewer.unit_id) | Q(team__unit_id=reviewer.unit_id)).values("id")
        cases = Case.objects.filter(team__unit_id=reviewer.unit_id).values("id")
        return AccessEvent.objects.filter(Q(user_id__in=staff) | Q(case_id__in=cases))
    return AccessEvent.objects.none()


def reviewable_grants(reviewer: User) -> QuerySet[EmergencyAccess]:
    """Emergency grants this reviewer may review: never their own."""
    grants = EmergencyAccess.objects.exclude(user=reviewer).select_related("user", "case")
    if reviewer.role == Role.LOG_REVIEWER:
        return grants
    if reviewer.role == Role.UNIT_MANAGER and reviewer.unit_id is not None:
        return grants.filter(
            Q(case__team__unit_id=reviewer.unit_id)
            | Q(user__unit_id=reviewer.unit_id)
            | Q(user__team__unit_id=reviewer.unit_id)
        )
    return grants.none()


def latest_events(reviewer: User) -> list[AccessEvent]:
    return list(reviewable_events(reviewer).order_by("-id")[:LOG_PAGE_SIZE])


def pending_grants(reviewer: User) -> list[EmergencyAccess]:
    return list(reviewable_grants(reviewer).filter(reviewed_at__isnull=True).order_by("started_at"))
