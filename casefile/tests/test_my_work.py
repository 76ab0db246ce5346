"""Mitt arbete: each case with its next clock, the child's age and where the case stands; sorted and narrowed."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from casefile.selectors import MyWorkOrder, MyWorkQuestion, my_work_cases
from cases.services import case_open
from conftest import World, make_person, signed_in
from deadlines.models import DeadlineKind
from deadlines.services import deadline_start
from deadlines.sources import DeadlineSource

pytestmark = pytest.mark.django_db


def _clock(case: object, *, due: date, kind: DeadlineKind = DeadlineKind.PRELIMINARY_ASSESSMENT, pk: int) -> None:
    deadline_start(
        case=case,  # type: ignore[arg-type]
        kind=kind,
        started_on=due - timedelta(days=14),
        due_on=due,
        subject="Orosanmälan",
        source=DeadlineSource.signal(pk),
    )


def test_each_case_shows_its_next_open_clock_and_the_most_urgent_comes_first(world: World) -> None:
    today = timezone.localdate()
    later = case_open(child=make_person("Ida", "Sund", date(2012, 2, 2), 901), team=world.team_a)
    _clock(world.own_case, due=today + timedelta(days=9), pk=1)
    _clock(world.own_case, due=today + timedelta(days=3), kind=DeadlineKind.PROTECTION_ASSESSMENT, pk=2)
    _clock(later, due=today - timedelta(days=1), pk=3)
    olle = Actor.system(world.user("olle"))  # responsible for none of them
    cases = my_work_cases(olle, question=MyWorkQuestion(order=MyWorkOrder.DUE))
    assert [c.pk for c in cases][:2] == [later.pk, world.own_case.pk]
    mine = next(c for c in cases if c.pk == world.own_case.pk)
    expected = (today + timedelta(days=3), DeadlineKind.PROTECTION_ASSESSMENT)
    assert (mine.next_due_on, mine.next_kind) == expected  # type: ignore[attr-defined]  # annotations


def test_it_narrows_to_overdue_cases_and_to_the_users_own(world: World) -> None:
    today = timezone.localdate()
    other = case_open(child=make_person("Ida", "Sund", date(2012, 2, 2), 901), team=world.team_a)
    _clock(other, due=today - timedelta(days=1), pk=3)
    hanna = Actor.system(world.user("hanna"))
    overdue = my_work_cases(hanna, question=MyWorkQuestion(overdue_only=True))
    assert [c.pk for c in overdue] == [other.pk]
    own = my_work_cases(hanna, question=MyWorkQuestion(mine_only=True, order=MyWorkOrder.CHILD))
    assert {c.pk for c in own} == {world.own_case.pk} | {
        c.pk for c in own if c.responsible_id == world.user("hanna").pk
    }
    assert all(c.responsible_id == world.user("hanna").pk for c in own)


def test_the_page_shows_the_clock_the_age_and_the_stage(world: World) -> None:
    today = timezone.localdate()
    _clock(world.own_case, due=today - timedelta(days=2), pk=1)
    page = signed_in(world.user("hanna")).get(reverse("casefile:my_work")).content.decode()
    born = world.own_case.child.birth_date
    assert born is not None
    years = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    assert "Ålder (år)" in page and f">{years}</td>" in page
    assert "Förhandsbedömning" in page and "försenad" in page and (today - timedelta(days=2)).isoformat() in page
    assert "Aktualisering under bedömning" in page


def test_the_newest_case_comes_first_unless_asked_otherwise_and_still_shows_its_clock(world: World) -> None:
    today = timezone.localdate()
    later = case_open(child=make_person("Ida", "Sund", date(2012, 2, 2), 901), team=world.team_a)
    _clock(world.own_case, due=today - timedelta(days=1), pk=1)
    cases = my_work_cases(Actor.system(world.user("olle")))
    assert [c.pk for c in cases][:2] == [later.pk, world.own_case.pk]
    assert cases[1].next_due_on == today - timedelta(days=1)  # type: ignore[attr-defined]  # for the page


def test_a_bad_sort_order_is_ignored_not_an_error(world: World) -> None:
    response = signed_in(world.user("hanna")).get(reverse("casefile:my_work"), {"ordning": "'; drop"})
    assert response.status_code == 200


def test_an_outcome_to_record_now_shows_on_the_case_until_it_is_recorded(world: World) -> None:
    from core.calendar import add_months
    from programme.tests.helpers import raised
    from programme.tests.outcome_helpers import recorded

    participation = raised(world, user="hanna", days=45)  # the baseline was due a month after entry
    client = signed_in(world.user("hanna"))
    page = client.get(reverse("casefile:my_work")).content.decode()
    due = add_months(participation.raised_on, 1)
    assert "Utfall: vid start" in page and due.isoformat() in page
    assert "Utfall:" not in signed_in(world.user("sara")).get(reverse("casefile:my_work")).content.decode()
    recorded(world, participation)
    assert "Utfall:" not in client.get(reverse("casefile:my_work")).content.decode()
