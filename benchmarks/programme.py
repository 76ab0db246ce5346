"""The programme's pages for the benchmark: participations of the timed team, and one plan of 200 goals."""

from datetime import timedelta
from uuid import UUID

from django.utils import timezone

from access.actor import Actor
from accounts.models import User
from cases.models import Case, CaseStatus
from programme.models import ItemStatus, Participation, PlanItem
from programme.services import RaiseInput, participation_raise

PLAN_SIZE = 200


def programme_pages(user: User) -> list[tuple[object, object]]:
    """(case, participation) public ids of up to 20 participations in the user's team, as the seed made them."""
    rows = Participation.objects.filter(case__team=user.team, case__child__protection_level="none").order_by("id")
    return list(rows.values_list("case__public_id", "public_id")[:20])


def assessed_cases(user: User) -> list[UUID]:
    """Public ids of up to 20 cases of the user's team with structured assessments, as the seed made them."""
    from assessments.models import Assessment

    rows = Assessment.objects.filter(case__team=user.team, case__child__protection_level="none")
    return list(dict.fromkeys(rows.order_by("case_id").values_list("case__public_id", flat=True)))[:20]


def threatened_cases(user: User) -> list[UUID]:
    """Public ids of up to 20 cases of the user's team with a threat picture, as the seed made them."""
    from protection.models import ThreatAssessment

    rows = ThreatAssessment.objects.filter(case__team=user.team, case__child__protection_level="none")
    return list(dict.fromkeys(rows.order_by("case_id").values_list("case__public_id", flat=True)))[:20]


def big_plan(user: User) -> tuple[object, object]:
    """A participation whose plan holds 200 goals, made once per copy of the database (the seed's plans are
    a few goals each; the page must not grow with them)."""
    found = (
        Participation.objects.filter(case__team=user.team, ended_on__isnull=True)
        .filter(plan_items__isnull=False)
        .order_by("-id")
        .first()
    )
    if found is None or found.plan_items.count() < PLAN_SIZE:
        found = found or _raised(user)
        today = timezone.localdate()
        PlanItem.objects.bulk_create(
            PlanItem(
                participation=found,
                domain=["school", "family", "treatment", "safety"][n % 4],
                goal_child="Jag vill klara skolan.",
                goal_worker="Närvaro över 80 procent.",
                insats="partner",
                description=f"Mål {n}",
                responsible="Skolans kurator",
                starts_on=today - timedelta(days=n),
                follow_up_on=today + timedelta(days=90),
                status=ItemStatus.ONGOING,
                created_by=user,
            )
            for n in range(PLAN_SIZE - found.plan_items.count())
        )
    return found.case.public_id, found.public_id


def _raised(user: User) -> Participation:
    case = (
        Case.objects.filter(team=user.team, status=CaseStatus.OPEN, participations__isnull=True).order_by("id").first()
    )
    assert case is not None
    data = RaiseInput(raised_on=timezone.localdate(), raised_how="report", raised_by="Polisen")
    return participation_raise(actor=Actor.system(user), case_public_id=case.public_id, data=data)
