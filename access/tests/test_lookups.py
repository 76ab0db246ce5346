"""`in_array` finds what `in` finds, and on PostgreSQL asks the subquery first, as an array."""

import pytest
from django.db import connection

from access.selectors import visible_cases
from cases.models import Case
from conftest import World


def test_the_short_list_finds_exactly_what_in_finds(world: World) -> None:
    some = Case.objects.filter(team=world.own_case.team).values("id")
    assert some.exists()
    assert set(Case.objects.filter(id__in_array=some)) == set(Case.objects.filter(id__in=some))
    assert not Case.objects.filter(id__in_array=Case.objects.none().values("id")).exists()


def test_on_postgresql_the_rule_asks_the_named_cases_as_an_array(world: World) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite keeps IN: it has no arrays")
    sql = str(visible_cases(world.user("hanna")).query)
    assert sql.count("= ANY(ARRAY(SELECT") == 2  # namings to a case and live emergency grants


def test_on_a_foreign_key_too(world: World) -> None:
    from datetime import date

    from deadlines.models import Deadline, DeadlineKind
    from deadlines.services import deadline_start
    from deadlines.sources import DeadlineSource

    for case in (world.own_case, world.other_team_case):
        deadline_start(
            case=case,
            kind=DeadlineKind.PRELIMINARY_ASSESSMENT,
            started_on=date(2026, 11, 2),
            due_on=date(2026, 11, 16),
            subject="Orosanmälan",
            source=DeadlineSource.signal(case.pk),
        )
    cases = Case.objects.filter(team=world.own_case.team).values("id")
    assert Deadline.objects.filter(case_id__in=cases).count() == 1
    assert set(Deadline.objects.filter(case_id__in_array=cases)) == set(Deadline.objects.filter(case_id__in=cases))
