"""The provider register: kept by unit managers, read by all in case work, an IVO permit for a private one."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.http import Http404
from django.urls import reverse

from access.actor import Actor
from access.models import AccessEvent
from conftest import World, signed_in
from core.identity import luhn_check_digit
from protection.models import Provider, ProviderFollowUp
from protection.providers import (
    FollowUpInput,
    ProviderInput,
    follow_up_add,
    org_number_normal,
    provider_add,
    provider_change,
    provider_valid_on,
)

pytestmark = pytest.mark.django_db

# 556677-8899 is not valid; 556016-0680 (Ericsson's) is, as is 212000-1355 (a municipality's).
PRIVATE = ProviderInput(
    name="Tryggt Boende AB",
    org_number="5560160680",
    kind="shelter",
    ivo_permit="IVO 3.5.1-1234/2024",
    ivo_permit_from=date(2024, 4, 1),
    ivo_permit_to=date(2027, 3, 31),
    contract_from=date(2025, 1, 1),
)


def add(world: World, data: ProviderInput = PRIVATE) -> Provider:
    return provider_add(actor=Actor.system(world.user("karin")), data=data)


def _codes(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return {name: [str(e.code) for e in errors] for name, errors in exc.value.error_dict.items()}


@pytest.mark.parametrize(
    ("raw", "normal"),
    [("5560160680", "556016-0680"), ("556016-0680", "556016-0680"), (" 212000 1355 ", "212000-1355")],
)
def test_an_org_number_is_shown_nnnnnn_nnnn(raw: str, normal: str) -> None:
    assert org_number_normal(raw) == normal


@pytest.mark.parametrize("raw", ["5560160681", "556016068", "55601606800", "556016-068X", ""])
def test_an_org_number_with_a_wrong_check_digit_or_length_is_refused(raw: str) -> None:
    assert org_number_normal(raw) is None


def test_a_unit_manager_adds_a_private_provider_with_its_permit(world: World) -> None:
    provider = add(world)
    assert (provider.org_number, provider.ivo_permit, provider.history.count()) == (
        "556016-0680",
        "IVO 3.5.1-1234/2024",
        1,
    )


def test_a_private_provider_without_permit_gets_every_problem_at_once_and_nothing_is_saved(world: World) -> None:
    data = ProviderInput(name=" ", org_number="5560160681", kind="x")
    with pytest.raises(ValidationError) as exc:
        add(world, data)
    assert _codes(exc) == {
        "name": ["name"],
        "org_number": ["org_number"],
        "kind": ["kind"],
        "ivo_permit": ["permit"],
        "ivo_permit_from": ["permit_from"],
    }
    assert not Provider.objects.exists()


def test_the_database_itself_refuses_a_private_provider_without_permit() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Provider.objects.create(name="X", org_number="556016-0680", kind="shelter")


def test_the_municipalitys_own_operation_needs_no_permit(world: World) -> None:
    own = add(
        world, ProviderInput(name="Kommunens boende", org_number="2120001355", kind="shelter", own_operation=True)
    )
    assert provider_valid_on(own, date(2026, 1, 1))


def test_a_second_provider_with_the_same_org_number_is_refused(world: World) -> None:
    add(world)
    with pytest.raises(ValidationError) as exc:
        add(world, ProviderInput(**{**PRIVATE.__dict__, "org_number": "556016-0680", "name": "Annat"}))
    assert _codes(exc) == {"org_number": ["org_number_taken"]}


def test_periods_that_end_before_they_start_are_refused(world: World) -> None:
    data = ProviderInput(**{**PRIVATE.__dict__, "ivo_permit_to": date(2024, 3, 1), "contract_to": date(2024, 12, 31)})
    with pytest.raises(ValidationError) as exc:
        add(world, data)
    assert _codes(exc) == {"ivo_permit_to": ["permit_period"], "contract_to": ["contract_period"]}


@pytest.mark.parametrize(
    ("day", "valid"),
    [
        (date(2024, 3, 31), False),  # before the permit
        (date(2024, 12, 31), False),  # permit, but before the contract
        (date(2025, 1, 1), True),
        (date(2027, 3, 31), True),  # the permit's last day
        (date(2027, 4, 1), False),  # after it
    ],
)
def test_a_provider_is_valid_on_a_day_its_permit_and_contract_cover(world: World, day: date, valid: bool) -> None:
    assert provider_valid_on(add(world), day) is valid


def test_a_provider_not_in_use_is_valid_on_no_day(world: World) -> None:
    provider = add(world)
    provider_change(
        actor=Actor.system(world.user("karin")),
        public_id=provider.public_id,
        data=ProviderInput(**{**PRIVATE.__dict__, "active": False}),
    )
    provider.refresh_from_db()
    assert not provider_valid_on(provider, date(2026, 1, 1))
    assert provider.history.count() == 2


def test_only_a_unit_manager_keeps_the_register(world: World) -> None:
    with pytest.raises(Http404):
        provider_add(actor=Actor.system(world.user("hanna")), data=PRIVATE)
    assert not Provider.objects.exists()
    assert AccessEvent.objects.filter(action="denied", view_name="protection.provider_change").count() == 1


def test_a_follow_up_is_recorded_and_cannot_be_changed(world: World) -> None:
    provider = add(world)
    follow_up = follow_up_add(
        actor=Actor.system(world.user("karin")),
        public_id=provider.public_id,
        data=FollowUpInput(kind="visit", done_on=date(2026, 11, 1), findings="Besök, inga brister."),
    )
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        ProviderFollowUp.objects.filter(pk=follow_up.pk).update(findings="Ändrat.")


def test_a_follow_up_without_findings_or_in_the_future_is_refused(world: World) -> None:
    provider = add(world)
    with pytest.raises(ValidationError) as exc:
        follow_up_add(
            actor=Actor.system(world.user("karin")),
            public_id=provider.public_id,
            data=FollowUpInput(kind="nope", done_on=date(2100, 1, 1), findings="  "),
        )
    assert _codes(exc) == {"kind": ["kind"], "done_on": ["future"], "findings": ["findings"]}


def test_case_workers_read_the_register_and_only_the_manager_is_offered_to_keep_it(world: World) -> None:
    provider = add(world)
    page = signed_in(world.user("hanna")).get(reverse("protection:providers")).content.decode()
    assert "Tryggt Boende AB" in page and "556016-0680" in page
    assert reverse("protection:provider_new") not in page
    manager = signed_in(world.user("karin")).get(reverse("protection:provider", args=[provider.public_id]))
    assert reverse("protection:provider_edit", args=[provider.public_id]) in manager.content.decode()
    assert signed_in(world.user("lars")).get(reverse("protection:providers")).status_code == 404


def test_the_form_shows_the_permit_error_before_the_database_would(world: World) -> None:
    data = {"name": "Privat AB", "org_number": "556016-0680", "kind": "shelter", "active": "on"}
    response = signed_in(world.user("karin")).post(reverse("protection:provider_new"), data)
    assert response.status_code == 200
    assert "Ange IVO:s tillståndsnummer" in response.content.decode()
    assert not Provider.objects.exists()


def test_the_register_page_costs_the_same_for_many_providers(
    world: World, django_assert_max_num_queries: object
) -> None:
    for n in range(5):
        number = f"55601606{n}"
        add(
            world,
            ProviderInput(
                **{**PRIVATE.__dict__, "org_number": number + str(luhn_check_digit(number)), "name": f"P{n}"}
            ),
        )
    client = signed_in(world.user("hanna"))
    with django_assert_max_num_queries(8):  # type: ignore[operator]
        assert client.get(reverse("protection:providers")).status_code == 200
