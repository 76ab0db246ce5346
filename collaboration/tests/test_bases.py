"""What each provision asks, as pure functions: the age under 18 a §, the checklist, the recipients."""

from datetime import date
from typing import TYPE_CHECKING

from collaboration import bases
from collaboration.models import RecipientKind

if TYPE_CHECKING:
    from people.models import Person

YOUNG = bases.BASES[bases.YOUNG]


def test_18_a_is_for_whoever_has_not_turned_twenty_one_on_the_day() -> None:
    birth = date(2005, 12, 3)
    assert not bases.too_old(YOUNG, birth, date(2026, 12, 2))
    assert bases.too_old(YOUNG, birth, date(2026, 12, 3))  # the twenty-first birthday itself
    assert bases.too_old(YOUNG, None, date(2026, 12, 3))  # an unknown age shows nothing


def test_only_18_a_has_an_age_limit() -> None:
    assert [b.choice for b in bases.BASES.values() if b.under is not None] == [bases.YOUNG]
    assert not bases.too_old(bases.BASES[bases.RELATIVE], date(1970, 1, 1), date(2026, 12, 3))


def test_every_condition_must_be_confirmed_and_others_count_for_nothing() -> None:
    keys = [c.key for c in YOUNG.conditions]
    assert len(keys) == 3 and bases.unconfirmed(YOUNG, keys) == []
    assert [c.key for c in bases.unconfirmed(YOUNG, {keys[0], "21-victim"})] == keys[1:]


def test_each_provision_names_its_recipients() -> None:
    assert bases.may_receive(YOUNG, RecipientKind.SECURITY_POLICE)
    assert not bases.may_receive(YOUNG, RecipientKind.PROSECUTOR)
    assert bases.may_receive(bases.BASES[bases.AGAINST_CHILD], RecipientKind.PROSECUTOR)
    assert not bases.may_receive(bases.BASES[bases.RELATIVE], RecipientKind.SECURITY_POLICE)
    assert bases.may_receive(bases.BASES[bases.NECESSARY], RecipientKind.OTHER)
    assert bases.recipients_named(bases.BASES[bases.RELATIVE]) == "Polismyndigheten"


def test_consent_is_a_choice_of_the_form_but_no_basis_with_conditions() -> None:
    from collaboration.forms import DisclosureForm

    assert bases.CONSENT not in bases.BASES
    choices = [key for key, _ in DisclosureForm(persons=[_child()], consents=[]).fields["basis"].choices]  # type: ignore[attr-defined]
    assert choices[-1] == bases.CONSENT and bases.CONSENT_KEY == "handover-consent"


def _child() -> "Person":
    from people.models import Person

    return Person(given_name="Elias", family_name="Berg")
