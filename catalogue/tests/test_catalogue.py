"""The catalogue: what is offered, kept by the unit manager; what is given without a needs assessment,
counted and never tied to a person; what a plan goal may name."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.models import AccessEvent
from catalogue.models import AnonymousCount, Service
from catalogue.services import CountInput, ServiceInput, count_correct, count_record, service_add, service_change
from conftest import World, signed_in
from programme.models import PlanItem
from programme.plan import ItemInput, plan_item_add
from programme.tests.helpers import raised

pytestmark = pytest.mark.django_db


def service_input(**overrides: object) -> ServiceInput:
    values: dict[str, object] = {
        "name": "Öppenvårdsteamet",
        "kind": "open-care",
        "description": "Öppenvård kvällar och helger.",
        "provider": "Avdelningen för insats",
        "target_group": "Unga 12–21 år",
        "valid_from": date(2025, 7, 1),
        "min_age": 12,
        "max_age": 21,
        "on_call": True,
        "capacity": 2,
    }
    values.update(overrides)
    return ServiceInput(**values)  # type: ignore[arg-type]


def added(world: World, key: str = "oppenvard", **overrides: object) -> Service:
    return service_add(actor=Actor.system(world.user("karin")), key=key, data=service_input(**overrides))


def unassessed(world: World) -> Service:
    return added(world, "samtal", kind="open-activity", without_assessment=True, committee_decision="SN 1/2025")


def this_month() -> date:
    return timezone.localdate().replace(day=1)


def codes(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return {field: [e.code for e in errors] for field, errors in exc.value.error_dict.items()}  # type: ignore[misc]


def test_every_problem_of_a_service_is_told_at_once(world: World) -> None:
    with pytest.raises(ValidationError) as exc:
        added(world, "k", name=" ", kind="kontaktperson", without_assessment=True, min_age=18, max_age=12)
    assert codes(exc) == {
        "name": ["required"],
        "without_assessment": ["always_assessed"],  # 11 kap. 5 § 1 SoL: a kontaktperson is always assessed
        "committee_decision": ["committee_decision"],
        "max_age": ["ages"],
        "key": ["key"],
    }
    assert not Service.objects.exists()


def test_only_the_unit_manager_keeps_the_catalogue_and_a_try_is_logged(world: World) -> None:
    response = signed_in(world.user("hanna")).post(reverse("catalogue:service_new"), {"key": "x"})
    assert response.status_code == 404
    assert AccessEvent.objects.filter(username="hanna", action="denied", view_name="catalogue.service_change").exists()
    assert not Service.objects.exists()


def test_the_form_shows_every_error_with_a_summary_linking_to_its_field(world: World) -> None:
    form = {
        "key": "kp",
        "name": "Kontaktperson",
        "kind": "kontaktperson",
        "description": "En vuxen att träffa.",
        "provider": "Kontaktpersonsenheten",
        "target_group": "Barn",
        "without_assessment": "on",
        "min_age": "18",
        "max_age": "12",
        "valid_from": "2025-07-01",
    }
    response = signed_in(world.user("karin")).post(reverse("catalogue:service_new"), form)
    page = response.content.decode()
    assert response.status_code == 200
    for field in ("without_assessment", "committee_decision", "max_age"):
        assert f'href="#id_{field}"' in page
    assert "11 kap. 5 §" in page
    assert not Service.objects.exists()


def test_a_change_is_kept_in_the_history_and_the_manager_is_named(world: World) -> None:
    service = added(world)
    service_change(actor=Actor.system(world.user("karin")), key=service.key, data=service_input(capacity=5))
    history = list(service.history.order_by("history_date").values_list("capacity", "history_type"))
    assert history == [(2, "+"), (5, "~")]
    page = signed_in(world.user("sara")).get(reverse("catalogue:service", args=[service.key])).content.decode()
    assert "ändrades" in page


def test_a_counted_service_cannot_become_assessed_after_the_fact(world: World) -> None:
    service = unassessed(world)
    count_record(actor=Actor.system(world.user("bo")), key=service.key, data=CountInput(this_month(), "15-17", 3))
    with pytest.raises(ValidationError) as exc:
        service_change(
            actor=Actor.system(world.user("karin")), key=service.key, data=service_input(kind="open-activity")
        )
    assert codes(exc) == {"without_assessment": ["counted"]}


def test_an_anonymous_count_names_no_one() -> None:
    related = {f.related_model._meta.label for f in AnonymousCount._meta.get_fields() if f.is_relation}  # type: ignore[union-attr]
    assert related == {"catalogue.Service", "catalogue.AnonymousCount", "accounts.User"}
    assert not any(isinstance(f, models.TextField) for f in AnonymousCount._meta.get_fields())


def test_counts_are_refused_for_a_month_not_begun_too_old_or_before_the_service(world: World) -> None:
    service = unassessed(world)
    actor = Actor.system(world.user("bo"))
    future = (this_month() + timedelta(days=32)).replace(day=1)
    for month, band, count, expected in (
        (future, "15-17", 1, {"month": ["month"]}),
        (this_month().replace(year=this_month().year - 2), "15-17", 1, {"month": ["month"]}),
        (date(2025, 6, 1), "15-17", 1, {"month": ["month"]}),  # offered from July 2025
        (this_month(), "adult", 0, {"age_band": ["age_band"], "count": ["count"]}),
    ):
        with pytest.raises(ValidationError) as exc:
            count_record(actor=actor, key=service.key, data=CountInput(month, band, count))
        assert codes(exc) == expected
    assert not AnonymousCount.objects.exists()


def test_a_service_given_after_assessment_is_not_counted_anonymously(world: World) -> None:
    service = added(world)
    response = signed_in(world.user("bo")).get(reverse("catalogue:count_new", args=[service.key]))
    assert response.status_code == 404


def test_a_correction_replaces_the_figure_and_keeps_the_old_row(world: World) -> None:
    service = unassessed(world)
    actor = Actor.system(world.user("bo"))
    first = count_record(actor=actor, key=service.key, data=CountInput(this_month(), "15-17", 7))
    count_record(actor=actor, key=service.key, data=CountInput(this_month(), "15-17", 2))
    count_correct(actor=actor, key=service.key, count_id=first.pk, count=4)
    page = signed_in(world.user("sara")).get(reverse("catalogue:service", args=[service.key]))
    months = page.context["page"].months
    assert [(m.month, m.total) for m in months] == [(this_month(), 6)]
    assert AnonymousCount.objects.count() == 3
    response = signed_in(world.user("bo")).get(reverse("catalogue:count_fix", args=[service.key, first.pk]))
    assert response.status_code == 404  # corrected already: the correction is what may be corrected now
    with pytest.raises(DatabaseError), transaction.atomic():
        AnonymousCount.objects.filter(pk=first.pk).update(count=1)


def _goal(world: World, service: Service | None, starts_on: date | None = None) -> PlanItem:
    participation = raised(world, user="hanna")
    today = timezone.localdate()
    data = ItemInput(
        domain="school",
        goal_child="Jag vill klara nian.",
        goal_worker="Närvaro över 80 procent.",
        insats="partner",
        description="Studiestöd",
        responsible="Skolans kurator",
        starts_on=starts_on or today,
        follow_up_on=today + timedelta(days=60),
        service_id=service.pk if service else None,
    )
    return plan_item_add(
        actor=Actor.system(world.user("hanna")),
        case_public_id=participation.case.public_id,
        participation_id=participation.public_id,
        data=data,
    )


def test_a_plan_goal_names_the_service_that_carries_it(world: World) -> None:
    service = added(world)
    assert _goal(world, service).service == service


@pytest.mark.parametrize("which", ["unassessed", "not_yet_offered"])
def test_a_plan_goal_may_not_name_an_anonymous_service_or_one_not_offered(world: World, which: str) -> None:
    service = unassessed(world) if which == "unassessed" else added(world, valid_from=timezone.localdate())
    starts = timezone.localdate() - timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        _goal(world, service, starts_on=starts)
    assert codes(exc) == {"service_id": ["service"]}
    assert not PlanItem.objects.exists()


def test_the_catalogue_lists_what_is_offered_and_what_has_ended(world: World) -> None:
    added(world)
    added(world, "gammal", name="Nedlagd verksamhet", valid_to=date(2025, 12, 31))
    page = signed_in(world.user("fia")).get(reverse("catalogue:catalogue")).context["page"]
    assert ([s.key for s in page.offered], [s.key for s in page.ended], page.may_manage) == (
        ["oppenvard"],
        ["gammal"],
        False,
    )
