"""The one check of a delegation item, shared by decisions and the förhandsbedömning."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from delegation.models import DecisionKind, DelegationItem
from delegation.order import delegation_item_check, delegation_items_for

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
