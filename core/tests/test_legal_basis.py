"""Legal bases are data with validity dates: the same question has a different answer after 1 July 2025."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from core.legal import legal_basis_for
from core.models import LegalBasis


@pytest.mark.django_db
def test_the_preliminary_assessment_moved_to_the_new_social_services_act() -> None:
    before = legal_basis_for("preliminary-assessment", on=date(2025, 6, 30))
    after = legal_basis_for("preliminary-assessment", on=date(2025, 7, 1))
    assert before is not None and after is not None
    assert (before.law, before.provision) == ("SoL (2001:453)", "11 kap. 1 a § andra stycket")
    assert (after.law, after.provision) == ("SoL (2025:400)", "20 kap. 2 §")


@pytest.mark.django_db
def test_no_basis_before_a_law_existed_or_for_an_unknown_purpose() -> None:
    assert legal_basis_for("lvu-immediate-custody", on=date(1989, 1, 1)) is None
    assert legal_basis_for("no-such-purpose", on=date(2026, 1, 1)) is None


@pytest.mark.django_db
def test_unverified_provisions_say_so() -> None:
    # Checked against the statute text: the new act's provisions and LVU's clocks. Not (yet): the old
    # act's protection assessment, investigation and reports, and LVU's grounds for care (2 § and 3 §).
    unverified = set(LegalBasis.objects.filter(verified=False).values_list("key", "law"))
    assert ("lvu-care-young-person", "LVU (1990:52)") in unverified
    assert ("investigation-open", "SoL (2001:453)") in unverified
    assert not LegalBasis.objects.filter(verified=False, law="SoL (2025:400)").exists()


@pytest.mark.django_db
def test_the_protection_assessment_is_20_kap_1_in_the_new_act_not_2() -> None:
    after = legal_basis_for("protection-assessment", on=date(2025, 7, 1))
    assert after is not None and after.provision == "20 kap. 1 §"


@pytest.mark.django_db
def test_feedback_to_a_mandatory_reporter_within_a_week_applies_from_15_january_2026() -> None:
    assert legal_basis_for("reporter-feedback", on=date(2026, 1, 14)) is None
    assert legal_basis_for("reporter-feedback", on=date(2026, 1, 15)) is not None


@pytest.mark.django_db
def test_a_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        LegalBasis.objects.create(
            key="x", law="L", provision="1 §", title="t", valid_from=date(2026, 1, 2), valid_to=date(2026, 1, 1)
        )
