"""The one check of a delegation item, shared by decisions and the förhandsbedömning."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import Role
from delegation.models import DecisionKind, DelegationItem
from delegation.order import delegation_item_add, delegation_item_check, delegation_items_for, delegation_limit_for

pytestmark = pytest.mark.django_db

DAY = date(2026, 3, 10)
CASEWORKER = Role.CASEWORKER


def _item(code: str, kind: str, valid_from: date, valid_to: date | None = None) -> DelegationItem:
    return DelegationItem.objects.create(
        code=code, decision_kind=kind, delegate="Enhetschef", valid_from=valid_from, valid_to=valid_to
    )


def test_the_item_in_force_for_the_kind_on_the_day_is_accepted() -> None:
    item = _item("D 1.1", DecisionKind.OPEN_INVESTIGATION, date(2025, 1, 1), DAY)  # ends that very day
    assert delegation_item_check(item.pk, kind=DecisionKind.OPEN_INVESTIGATION, day=DAY, signer_role=CASEWORKER) == item


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
        delegation_item_check(item.pk, kind=kind, day=DAY, signer_role=CASEWORKER)
    assert error.value.code == code
    assert "Punkt D 1.1 i delegationsordningen" in error.value.message


@pytest.mark.parametrize("item_id", [None, 999_999])
def test_no_item_or_an_unknown_one_is_refused(item_id: int | None) -> None:
    with pytest.raises(ValidationError) as error:
        delegation_item_check(item_id, kind=DecisionKind.SUPPORT, day=timezone.localdate(), signer_role=CASEWORKER)
    assert error.value.code == "delegation_missing"


def test_the_choices_are_the_items_in_force_for_the_kind_on_the_day() -> None:
    current = _item("D 1.1", DecisionKind.OPEN_INVESTIGATION, date(2025, 1, 1))
    _item("D 1.0", DecisionKind.OPEN_INVESTIGATION, date(2020, 1, 1), date(2024, 12, 31))
    _item("D 1.2", DecisionKind.NOT_OPEN_INVESTIGATION, date(2025, 1, 1))
    assert delegation_items_for(DecisionKind.OPEN_INVESTIGATION, DAY) == [current]


# The law's limits (30 kap. 7 § SoL 2025:400)


def _at(kind: str, level: str | None, role: str | None = None) -> DelegationItem:
    role = role or (CASEWORKER if level == "officer" else None)
    return DelegationItem.objects.create(
        code="D 2",
        decision_kind=kind,
        delegate="Någon",
        delegate_level=level,
        delegate_role=role,
        valid_from=date(2025, 1, 1),
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
        delegation_item_check(item.pk, kind=kind, day=DAY, signer_role=CASEWORKER)
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
    assert delegation_item_check(item.pk, kind=kind, day=DAY, signer_role=CASEWORKER) == item


def test_the_order_refuses_to_take_in_an_item_the_law_does_not_allow() -> None:
    with pytest.raises(ValidationError) as error:
        delegation_item_add(
            code="D 9",
            kind=DecisionKind.LVU_CARE_APPLICATION,
            delegate="Socialsekreterare",
            level="officer",
            role=CASEWORKER,
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


# Who signs: an officer's item names the role whose holder signs (audit point 3)


def test_a_case_worker_may_not_sign_under_the_unit_managers_item() -> None:
    item = _at(DecisionKind.SUPPORT, "officer", Role.UNIT_MANAGER)
    assert delegation_item_check(item.pk, kind=DecisionKind.SUPPORT, day=DAY, signer_role=Role.UNIT_MANAGER) == item
    with pytest.raises(ValidationError) as error:
        delegation_item_check(item.pk, kind=DecisionKind.SUPPORT, day=DAY, signer_role=CASEWORKER)
    assert error.value.code == "delegation_role"
    assert "enhetschef" in error.value.message and "handläggare" in error.value.message


def test_an_officer_item_without_a_role_carries_no_decision() -> None:
    item = DelegationItem.objects.create(
        code="D 5",
        decision_kind=DecisionKind.SUPPORT,
        delegate="Biträdande",
        delegate_level="officer",
        valid_from=date(2025, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        delegation_item_check(item.pk, kind=DecisionKind.SUPPORT, day=DAY, signer_role=CASEWORKER)
    assert error.value.code == "delegation_role_missing"


def test_the_committees_items_are_recorded_by_staff_whatever_their_role() -> None:
    item = _at(DecisionKind.LVU_CARE_APPLICATION, "section")
    assert delegation_item_check(item.pk, kind=DecisionKind.LVU_CARE_APPLICATION, day=DAY, signer_role=CASEWORKER)


def test_the_form_offers_only_the_items_the_signer_may_sign_under() -> None:
    mine = _at(DecisionKind.SUPPORT, "officer", CASEWORKER)
    managers = DelegationItem.objects.create(
        code="D 3",
        decision_kind=DecisionKind.SUPPORT,
        delegate="Enhetschef",
        delegate_level="officer",
        delegate_role=Role.UNIT_MANAGER,
        valid_from=date(2025, 1, 1),
    )
    no_role = DelegationItem.objects.create(
        code="D 4",
        decision_kind=DecisionKind.SUPPORT,
        delegate="Någon",
        delegate_level="officer",
        valid_from=date(2025, 1, 1),
    )
    assert delegation_items_for(DecisionKind.SUPPORT, DAY, signer_role=CASEWORKER) == [mine]
    assert delegation_items_for(DecisionKind.SUPPORT, DAY, signer_role=Role.UNIT_MANAGER) == [managers]
    assert set(delegation_items_for(DecisionKind.SUPPORT, DAY)) == {mine, managers, no_role}


@pytest.mark.parametrize(("level", "role"), [("officer", None), ("section", CASEWORKER)])
def test_the_order_takes_a_role_for_an_officer_and_none_for_the_committee(level: str, role: str | None) -> None:
    with pytest.raises(ValidationError) as error:
        delegation_item_add(code="D 8", kind=DecisionKind.SUPPORT, delegate="X", level=level, role=role, valid_from=DAY)
    assert error.value.code == "delegate_role"
    assert not DelegationItem.objects.filter(code="D 8").exists()
