"""What each kind of decision rests on and how it can be appealed, as the statutes say (issue 11, point 2).

LVU 41 §: a committee's 6 § custody is not appealable (it is referred to the court, 7 §); where care
begins (11 §) and a reconsideration of 3 § care (13 § andra stycket) are; the six-monthly
consideration of 2 § care (13 § första stycket) is not. SoL (2025:400) 35 kap. 1 §: insatser under
11 kap. 1 § are appealable, those beyond the right (11 kap. 4 §) or without a needs assessment (5 §) not.
"""

from dataclasses import replace
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from conftest import World
from core.legal import legal_basis_for
from deadlines.models import Deadline, DeadlineKind
from decisions.services import OFFERED_KINDS, legal_bases_for
from decisions.tests.test_decisions import decision, record
from delegation.models import DecisionKind

pytestmark = pytest.mark.django_db


def _with_basis(kind: str, key: str) -> object:
    basis = legal_basis_for(key, on=timezone.localdate())
    assert basis is not None
    return decision(kind, legal_basis_id=basis.pk)


@pytest.mark.parametrize(
    ("kind", "key", "says"),
    [
        (
            DecisionKind.LVU_IMMEDIATE_CUSTODY,
            "lvu-immediate-custody",
            "kan inte överklagas (41 § andra stycket och 7 § LVU)",
        ),
        (DecisionKind.LVU_CARE_APPLICATION, "lvu-application", "kan inte överklagas genom förvaltningsbesvär"),
        (
            DecisionKind.LVU_CARE_STARTED,
            "lvu-care-placement",
            "kan överklagas till förvaltningsrätten (41 § första stycket 1 LVU)",
        ),
        (
            DecisionKind.LVU_REVIEW,
            "lvu-review",
            "kan inte överklagas genom förvaltningsbesvär (41 § andra stycket LVU)",
        ),
        (
            DecisionKind.LVU_RECONSIDER,
            "lvu-reconsider",
            "kan överklagas till förvaltningsrätten (41 § första stycket 2 LVU)",
        ),
        (
            DecisionKind.SUPPORT,
            "support-personal-needs",
            "kan överklagas till förvaltningsrätten (35 kap. 1 § 1 SoL (2025:400))",
        ),
        (DecisionKind.SUPPORT, "support-beyond-right", "kan inte överklagas genom förvaltningsbesvär (35 kap. 1 § SoL"),
        (DecisionKind.SUPPORT, "support-no-needs-assessment", "kan inte överklagas genom förvaltningsbesvär"),
    ],
)
def test_the_appeal_information_follows_the_legal_basis(
    world: World, delegation: dict, kind: str, key: str, says: str
) -> None:
    data = _with_basis(kind, key)
    if kind == DecisionKind.LVU_CARE_STARTED:
        data = decision(kind, legal_basis_id=data.legal_basis_id, executed_on=timezone.localdate())  # type: ignore[attr-defined]
    saved = record(world, data)  # type: ignore[arg-type]
    assert says in saved.appeal_information
    if "kan överklagas" in says:
        assert "tre veckor" in saved.appeal_information


@pytest.mark.parametrize(
    ("kind", "foreign_key"),
    [
        (DecisionKind.LVU_CARE_STARTED, "lvu-care-young-person"),  # 2 § is the court's, not the committee's
        (DecisionKind.LVU_CARE_STARTED, "lvu-care-own-behaviour"),  # likewise 3 §
        (DecisionKind.SUPPORT, "lvu-review"),
        (DecisionKind.LVU_REVIEW, "lvu-reconsider"),
        (DecisionKind.LVU_IMMEDIATE_CUSTODY, "support-personal-needs"),
    ],
)
def test_no_kind_rests_on_a_provision_that_is_not_its_own(
    world: World, delegation: dict, kind: str, foreign_key: str
) -> None:
    with pytest.raises(ValidationError) as error:
        record(world, _with_basis(kind, foreign_key))  # type: ignore[arg-type]
    assert "legal_basis" in error.value.error_dict


def test_every_kind_offered_has_its_own_bases_in_force_today() -> None:
    today = timezone.localdate()
    for kind in OFFERED_KINDS:
        assert legal_bases_for(kind, today), kind
    assert DecisionKind.OTHER not in OFFERED_KINDS
    assert legal_bases_for(DecisionKind.OTHER, today) == []


def test_an_other_decision_is_no_longer_recorded(world: World, delegation: dict) -> None:
    basis = legal_basis_for("support-personal-needs", on=timezone.localdate())
    assert basis is not None
    with pytest.raises(ValidationError) as error:
        record(world, replace(decision(DecisionKind.SUPPORT, legal_basis_id=basis.pk), kind=DecisionKind.OTHER))
    assert "kind" in error.value.error_dict


def test_both_kinds_of_lvu_review_meet_the_clock_and_start_the_next(world: World, delegation: dict) -> None:
    executed = timezone.localdate() - timedelta(days=190)
    record(world, decision(DecisionKind.LVU_CARE_STARTED, executed, executed_on=executed))
    record(world, decision(DecisionKind.LVU_RECONSIDER))
    record(world, decision(DecisionKind.LVU_REVIEW))
    clocks = Deadline.objects.filter(kind=DeadlineKind.LVU_REVIEW)
    assert clocks.count() == 3 and clocks.filter(met_at__isnull=True).count() == 1


def test_an_lvu_decision_under_an_officers_item_is_refused(world: World, delegation: dict) -> None:
    from delegation.models import DelegationItem

    data = decision(DecisionKind.LVU_CARE_APPLICATION)
    officer = DelegationItem.objects.create(
        code="D 99",
        decision_kind=DecisionKind.LVU_CARE_APPLICATION,
        delegate="Socialsekreterare",
        delegate_level="officer",
        valid_from=timezone.localdate() - timedelta(days=10),
    )
    with pytest.raises(ValidationError) as error:
        record(world, replace(data, delegation_id=officer.pk))
    assert error.value.error_dict["delegation"][0].code == "delegation_reserved"
