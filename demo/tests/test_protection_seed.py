"""The seed's threat and protection: threat pictures for part of the programme, skyddat boende only with a
guardian and a provider whose permit holds, and a destination that only the staff named for it may see."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db import transaction

from access import rules
from access.models import DestinationNaming
from accounts.models import User
from deadlines.models import Deadline, DeadlineKind
from programme.models import Participation
from protection.models import Provider, ShelterPlacement, ThreatAssessment, ThreatenedKind

TODAY = date(2026, 11, 23)


class _Undo(Exception):
    pass


@pytest.mark.django_db
def test_threat_pictures_and_skyddat_boende_in_realistic_proportions() -> None:
    try:
        with transaction.atomic():
            call_command("seed", "--today", TODAY.isoformat(), "--seed", "7")
            _check()
            raise _Undo
    except _Undo:
        pass


def _check() -> None:
    in_programme = set(Participation.objects.filter(ended_on__isnull=True).values_list("case_id", flat=True))
    threatened = set(ThreatAssessment.objects.values_list("case_id", flat=True))
    assert threatened and threatened <= in_programme
    assert len(threatened) < len(in_programme)
    for assessment in ThreatAssessment.objects.prefetch_related("threatened"):
        kinds = [t.kind for t in assessment.threatened.all()]
        assert kinds.count(ThreatenedKind.CHILD) == 1
        assert assessment.review_on > assessment.assessed_on
    shelters = list(ShelterPlacement.objects.select_related("decision", "provider", "destination", "case"))
    assert 1 <= len(shelters) <= max(1, len(threatened) // 4)
    for shelter in shelters:
        assert shelter.guardian_id is not None
        assert shelter.provider.own_operation or shelter.provider.ivo_permit
        assert shelter.destination is not None and shelter.destination.municipality
        assert Deadline.objects.filter(
            case=shelter.case, kind=DeadlineKind.SHELTER_REVIEW, met_at__isnull=True
        ).exists()
        named = set(DestinationNaming.objects.filter(case=shelter.case).values_list("user_id", flat=True))
        for user in User.objects.filter(is_active=True):
            assert rules.may_see_destination(user, shelter.case) == (user.pk in named), user.username
    assert Provider.objects.filter(own_operation=False, ivo_permit="").count() == 0
