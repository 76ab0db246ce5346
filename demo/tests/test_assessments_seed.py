"""The seed's structured assessments: in realistic proportions, every rating on its item's scale."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db import transaction

from assessments.models import Assessment, Rating, ScaleValue
from investigations.models import Investigation
from programme.models import Participation

TODAY = date(2026, 11, 23)


class _Undo(Exception):
    pass


@pytest.mark.django_db
def test_most_children_in_the_programme_and_some_under_investigation_have_assessments() -> None:
    try:
        with transaction.atomic():
            call_command("seed", "--today", TODAY.isoformat(), "--seed", "7")
            _check()
            raise _Undo
    except _Undo:
        pass


def _check() -> None:
    participants = set(Participation.objects.filter(case__status="open").values_list("case_id", flat=True))
    assessed = set(Assessment.objects.values_list("case_id", flat=True))
    assert participants and len(assessed & participants) >= len(participants) * 0.6
    investigated = set(Investigation.objects.filter(completed_on__isnull=True).values_list("case_id", flat=True))
    others = investigated - participants
    assert 0 < len(assessed & others) <= len(others) * 0.4
    assert assessed <= participants | others
    per_case = [list(Assessment.objects.filter(case_id=c).values_list("id", flat=True)) for c in assessed]
    assert max(len(ids) for ids in per_case) <= 3
    allowed = set(ScaleValue.objects.values_list("scale_id", "value"))
    ratings = Rating.objects.select_related("item").exclude(value=None)
    assert ratings.exists()
    assert all((r.item.scale_id, r.value) in allowed for r in ratings)
