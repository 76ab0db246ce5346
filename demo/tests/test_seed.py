"""The demo municipality is synthetic and reproducible."""

import re
from datetime import date
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Count, Sum
from django.utils import timezone
from personnummer import personnummer

from access.logchain import verify_access_log
from access.models import AccessEvent, AccessLogSeal
from accounts.models import Team
from cases.models import Case
from demo import seeding
from people.models import Person

TODAY = date(2026, 11, 23)


def _snapshot() -> list[tuple[Any, ...]]:
    return list(Person.objects.order_by("id").values_list("public_id", "given_name", "identity_number", "phone"))


@pytest.mark.django_db
def test_no_identity_number_or_phone_could_be_a_real_persons() -> None:
    call_command("seed", "--scale", "demo", "--today", TODAY.isoformat())
    people = list(Person.objects.all())
    assert len(people) > 500
    assert all(p.is_synthetic for p in people)
    assert not any(personnummer.valid(p.identity_number) for p in people)
    fiction = re.compile(r"^070-174 06 (0[5-9]|[1-9][0-9])$")
    assert all(fiction.match(p.phone) for p in people), {p.phone for p in people if not fiction.match(p.phone)}


class _Undo(Exception):
    pass


def _seed_and_snapshot(seed: int) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Seed inside a savepoint and roll it back (a rollback is not a DELETE, so the log allows it)."""
    try:
        with transaction.atomic():
            call_command("seed", "--today", TODAY.isoformat(), "--seed", str(seed))
            cases = Case.objects.order_by("id").values_list("public_id", "reference", "opened_at")
            snapshot = (_snapshot(), list(cases))
            raise _Undo
    except _Undo:
        return snapshot


@pytest.mark.django_db
def test_the_same_seed_and_day_give_the_same_municipality() -> None:
    first = _seed_and_snapshot(7)
    assert first == _seed_and_snapshot(7)
    assert first != _seed_and_snapshot(8)


@pytest.mark.django_db
def test_seed_refuses_a_database_with_data() -> None:
    call_command("seed", "--today", TODAY.isoformat())
    with pytest.raises(CommandError, match="already has data"):
        call_command("seed", "--today", TODAY.isoformat())


@pytest.mark.django_db
def test_the_seeded_access_history_verifies() -> None:
    call_command("seed", "--today", TODAY.isoformat())
    report = verify_access_log()
    assert report.ok, report.problems[:3]
    assert report.rows_checked == 2_000


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor == "postgresql", reason="the refusal is for the embedded database")
def test_the_national_scale_needs_postgresql() -> None:
    with pytest.raises(CommandError, match="PostgreSQL only"):
        call_command("seed", "--scale", "national")
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_the_seeded_history_is_in_the_past_and_seals_at_once() -> None:
    call_command("seed")
    assert not AccessEvent.objects.filter(occurred_at__gte=timezone.now()).exists()
    call_command("seal_access_log")
    assert AccessLogSeal.objects.aggregate(total=Sum("event_count"))["total"] == 2_000


@pytest.mark.django_db
def test_every_seeded_förhandsbedömning_names_the_item_of_its_kind_in_force_that_day() -> None:
    from intake.models import PreliminaryAssessment

    call_command("seed", "--today", TODAY.isoformat())
    assessments = list(PreliminaryAssessment.objects.select_related("delegation"))
    assert assessments
    for assessment in assessments:
        item = assessment.delegation
        assert item is not None and item.decision_kind == assessment.decision_kind
        assert item.valid_from <= assessment.decided_on and item.valid_to is None


@pytest.mark.django_db
def test_a_scale_with_areas_shares_the_cases_over_every_team_not_only_the_demo_teams(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At national scale the demo teams hold a city team's share, not a fifth of the country."""
    monkeypatch.setitem(seeding.SCALES, "demo", seeding.Scale(children=200, access_events=2_000, areas=3))
    seeding.seed(scale="demo", seed_value=1, today=TODAY)
    # The on-call team (socialjouren) is told of requests out of hours and holds no case of its own.
    per_team = dict(Team.objects.filter(is_on_call=False).annotate(held=Count("cases")).values_list("name", "held"))
    assert len(per_team) == sum(map(len, seeding.ORGANISATION.values())) + 3 * len(seeding.AREA_TEAMS)
    assert set(per_team.values()) <= {200 // len(per_team), 200 // len(per_team) + 1}, per_team
    assert "Fältgruppen område 03" in per_team
