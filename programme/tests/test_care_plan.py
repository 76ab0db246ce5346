"""The vårdplan as SoL (2025:400) 9 kap. 12 and 13 §§ and SoF (2025:468) 10 kap. 2 § have it: each part unless
special reasons are written, the guardians' view for a child, long-term housing after two years placed, and
revisions as new plans that leave the one in force as it was."""

from dataclasses import replace
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection, transaction
from django.http import Http404
from django.urls import reverse

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from conftest import World, signed_in
from core.calendar import add_months
from programme.care_plan_models import CarePlan
from programme.care_plan_selectors import care_plan_page
from programme.care_plans import CarePlanInput, care_plan_record
from programme.models import Participation
from programme.tests.helpers import days_ago, raised

pytestmark = pytest.mark.django_db

FULL = CarePlanInput(
    ground="lvu-application",
    setting="hvb",
    made_on=days_ago(1),
    placed_on=None,
    insatser="Behandling på HVB, skolgång i hemmets skola.",
    contact="Umgänge med mamma varannan helg under uppsikt.",
    goal="Att barnet kan bo tryggt och gå i skolan.",
    child_view="Vill inte flytta men förstår varför.",
    guardians_view="Mamma instämmer i vården.",
    other_principals="",
    long_term_housing="",
    special_reasons="",
)


def _record(world: World, participation: Participation, data: CarePlanInput, user: str = "hanna") -> CarePlan:
    return care_plan_record(
        actor=Actor.system(world.user(user)),
        case_public_id=world.own_case.public_id,
        participation_id=participation.public_id,
        data=data,
    )


def _codes(refused: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str | None]]:
    return {name: [e.code for e in errors] for name, errors in refused.value.error_dict.items()}


def test_a_plan_with_every_part_rests_on_the_law_of_its_day(world: World) -> None:
    participation = raised(world, days=700)
    old = _record(world, participation, replace(FULL, made_on=date(2025, 6, 30)))
    assert (old.legal_basis.law, old.legal_basis.provision) == ("SoL (2001:453)", "11 kap. 3 §")
    plan = _record(world, participation, FULL)
    basis = plan.legal_basis
    assert (basis.law, basis.provision, basis.verified) == ("SoL (2025:400)", "9 kap. 12 §", True)


def test_every_missing_part_is_told_at_once_and_nothing_is_saved(world: World) -> None:
    participation = raised(world)
    empty = replace(FULL, insatser=" ", contact="", goal="", child_view="", guardians_view="", ground="", setting="")
    with pytest.raises(ValidationError) as refused:
        _record(world, participation, empty)
    assert _codes(refused) == {
        "insatser": ["required"],
        "contact": ["required"],
        "goal": ["required"],
        "child_view": ["required"],
        "guardians_view": ["required"],
        "ground": ["required"],
        "setting": ["required"],
    }
    assert not CarePlan.objects.exists()


def test_special_reasons_let_a_part_be_left_out(world: World) -> None:
    reasons = "Umgänget kan inte planeras förrän hotbilden är bedömd med polisen."
    plan = _record(world, raised(world), replace(FULL, contact="", special_reasons=reasons))
    assert plan.contact == "" and plan.special_reasons == reasons


def test_the_guardians_view_is_not_asked_of_a_young_adult(world: World) -> None:
    child = world.own_case.child
    child.birth_date = date(2008, 1, 1)  # 18 before the plan is made
    child.save(update_fields=["birth_date"])
    plan = _record(world, raised(world), replace(FULL, guardians_view=""))
    assert plan.guardians_view == ""


def test_after_two_years_placed_the_revision_takes_up_long_term_housing(world: World) -> None:
    participation = raised(world, days=900)
    placed = days_ago(800)
    first = _record(world, participation, replace(FULL, placed_on=placed, made_on=days_ago(790)))
    page = care_plan_page(Actor.system(world.user("hanna")), world.own_case.public_id, participation.public_id)
    assert page.revision_due == add_months(placed, 24) and page.revision_overdue
    with pytest.raises(ValidationError) as refused:
        _record(world, participation, replace(FULL, placed_on=placed))
    assert _codes(refused) == {"long_term_housing": ["long_term"]}
    revised = _record(world, participation, replace(FULL, placed_on=placed, long_term_housing="Familjehemmet."))
    assert revised.revises == first
    page = care_plan_page(Actor.system(world.user("hanna")), world.own_case.public_id, participation.public_id)
    assert page.current == revised and page.earlier == [first] and page.revision_due is None


def test_days_are_checked_a_revision_never_predates_the_plan_it_replaces(world: World) -> None:
    participation = raised(world)
    _record(world, participation, FULL)
    with pytest.raises(ValidationError) as refused:
        _record(world, participation, replace(FULL, made_on=days_ago(5), placed_on=days_ago(1)))
    assert _codes(refused) == {"made_on": ["before_current"], "placed_on": ["after_plan"]}
    with pytest.raises(ValidationError) as refused:
        _record(world, participation, replace(FULL, made_on=days_ago(-1)))
    assert _codes(refused) == {"made_on": ["future"]}


def test_a_plan_in_force_cannot_be_changed_or_deleted(world: World) -> None:
    plan = _record(world, raised(world), FULL)
    for statement in ("UPDATE programme_careplan SET made_on = made_on", "DELETE FROM programme_careplan"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert CarePlan.objects.get(pk=plan.pk).goal == FULL.goal


def test_only_those_who_carry_the_programme_record_it_and_other_teams_find_nothing(world: World) -> None:
    participation = raised(world)
    with pytest.raises(PermissionDenied):
        _record(world, participation, FULL, user="bo")
    assert AccessEvent.objects.filter(view_name="programme.care_plan", action=AccessAction.DENIED).exists()
    with pytest.raises(Http404):
        care_plan_page(Actor.system(world.user("sara")), world.own_case.public_id, participation.public_id)
    assert not CarePlan.objects.exists()


def test_the_page_shows_the_plan_in_force_and_the_form_every_problem_with_links(world: World) -> None:
    participation = raised(world)
    client = signed_in(world.user("hanna"))
    new = reverse("programme:care_plan_new", args=[world.own_case.public_id, participation.public_id])
    body = client.post(new, {"ground": "lvu-application", "setting": "hvb", "made_on": FULL.made_on}).content.decode()
    assert 'href="#id_insatser"' in body and 'href="#id_guardians_view"' in body
    data = {name: getattr(FULL, name) or "" for name in ("ground", "setting", "insatser", "contact", "goal")}
    data |= {"child_view": FULL.child_view, "guardians_view": FULL.guardians_view, "made_on": FULL.made_on.isoformat()}
    assert client.post(new, data).status_code == 302
    page = client.get(reverse("programme:care_plan", args=[world.own_case.public_id, participation.public_id]))
    assert FULL.contact in page.content.decode()
    row = AccessEvent.objects.filter(view_name="programme.care_plan", action=AccessAction.VIEW).latest("id")
    assert row.case_id == world.own_case.pk
