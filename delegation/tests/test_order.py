"""The one check of a delegation item, shared by decisions and the förhandsbedömning."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from delegation.models import DecisionKind, DelegationItem
from delegation.order import delegation_item_add, delegation_item_check, delegation_items_for, delegation_limit_for

pytestmark = pytest.mark.django_db

DAY = date(2026, 3, 10)


def _item(code: str, kind: str, valid_from: date, valid_to: date | None = None) -> DelegationItem:
    return DelegationItem.objects.create(
        code=code, decision_kind=kind, delegate="Enhetschef", valid_from=valid_from, valid_to=valid_to
    )


def test_the_item_in_force_for_the_kind_on_the_day_is_accepted() -> None:
    item = _item("D 1.1", DecisionKind.OPEN_INVESTIGATION, date(2025, 1, 1), DAY)  # ends that very day
    assert delegation_item_check(item.pk, kind=DecisionKind.OPEN_INVESTIGATION, day=DAY) == item


@pytest.mark.parametrize(
    ("valid_from", "valid_to", "kind", "code"),
    [
        (date(2025, 1, 1), None, DecisionKind.NOT_OPEN_INVESTIGATION, "delegation_wrong_kind"),
        (DAY + timedelta(days=1), None, DecisionKind.OPEN_INVESTIGATION, "delegation_not_in_force"),
        (date(2025, 1, 1), DAY - timedelta(days=1), DecisionKind.OPEN_INVESTIGATION, "delegation_not_in_force"),
    ],
)
def test_an_item_for_another_kind_or_not_in_force_that_day_is_refused_with_a_clear_message(
    valid_from: date, valid_to: date | None, kind: str, code: str
) -> None:
    item = _item("D 1.1", DecisionKind.OPEN_INVESTIGATION, valid_from, valid_to)
    with pytest.raises(ValidationError) as error:
        delegation_item_check(item.pk, kind=kind, day=DAY)
    assert error.value.code == code
    assert "Punkt D 1.1 i delegationsordningen" in error.value.message


@pytest.mark.parametrize("item_id", [None, 999_999])
def test_no_item_or_an_unknown_one_is_refused(item_id: int | None) -> None:
    with pytest.raises(ValidationError) as error:
        delegation_item_check(item_id, kind=DecisionKind.SUPPORT, day=timezone.localdate())
    assert error.value.code == "delegation_missing"


def test_the_choices_are_the_items_in_force_for_the_kind_on_the_day() -> None:
    current = _item("D 1.1", DecisionKind.OPEN_INVESTIGATION, date(2025, 1, 1))
    _item("D 1.0", DecisionKind.OPEN_INVESTIGATION, date(2020, 1, 1), date(2024, 12, 31))
    _item("D 1.2", DecisionKind.NOT_OPEN_INVESTIGATION, date(2025, 1, 1))
    assert delegation_items_for(DecisionKind.OPEN_INVESTIGATION, DAY) == [current]


# The law's limits (30 kap. 7 § SoL 2025:400)


def _at(kind: str, level: str | None) -> DelegationItem:
    return DelegationItem.objects.create(
        code="D 2", decision_kind=kind, delegate="Någon", delegate_level=level, valid_from=date(2025, 1, 1)
    )


@pytest.mark.parametrize(
    ("kind", "level"),
    [
        (DecisionKind.LVU_CARE_APPLICATION, "officer"),
        (DecisionKind.LVU_CARE_APPLICATION, "chair"),  # 4 §: no urgent route for the chair
        (DecisionKind.LVU_REVIEW, "officer"),
        (DecisionKind.LVU_RECONSIDER, "officer"),
        (DecisionKind.LVU_IMMEDIATE_CUSTODY, "officer"),
        (DecisionKind.LVU_CARE_STARTED, "officer"),
        (DecisionKind.LVU_IMMEDIATE_CUSTODY, None),  # an old item whose level nobody entered
    ],
)
def test_a_decision_the_law_reserves_is_refused_under_an_item_that_gives_it_to_anyone_else(
    kind: str, level: str | None
) -> None:
    item = _at(kind, level)
    with pytest.raises(ValidationError) as error:
        delegation_item_check(item.pk, kind=kind, day=DAY)
    assert error.value.code == "delegation_reserved"
    assert "30 kap. 7 §" in error.value.message


@pytest.mark.parametrize(
    ("kind", "level"),
    [
        (DecisionKind.LVU_CARE_APPLICATION, "section"),
        (DecisionKind.LVU_IMMEDIATE_CUSTODY, "chair"),  # 6 § andra stycket LVU
        (DecisionKind.LVU_CARE_STARTED, "chair"),  # 11 § tredje stycket LVU
        (DecisionKind.LVU_REVIEW, "committee"),
        (DecisionKind.OPEN_INVESTIGATION, "officer"),
        (DecisionKind.SUPPORT, "officer"),
    ],
)
def test_what_the_law_allows_is_accepted(kind: str, level: str) -> None:
    item = _at(kind, level)
    assert delegation_item_check(item.pk, kind=kind, day=DAY) == item


def test_the_order_refuses_to_take_in_an_item_the_law_does_not_allow() -> None:
    with pytest.raises(ValidationError) as error:
        delegation_item_add(
            code="D 9",
            kind=DecisionKind.LVU_CARE_APPLICATION,
            delegate="Socialsekreterare",
            level="officer",
            valid_from=DAY,
        )
    assert error.value.code == "delegation_reserved"
    assert not DelegationItem.objects.filter(code="D 9").exists()


def test_the_limits_are_data_with_their_source_for_both_laws() -> None:
    new = delegation_limit_for(DecisionKind.LVU_CARE_APPLICATION, DAY)
    old = delegation_limit_for(DecisionKind.LVU_CARE_APPLICATION, date(2025, 6, 30))
    assert new is not None and new.verified and new.provision.startswith("30 kap. 7 § 1 SoL (2025:400)")
    assert old is not None and not old.verified and "SoL (2001:453)" in old.provision
    assert delegation_limit_for(DecisionKind.SUPPORT, DAY) is None
