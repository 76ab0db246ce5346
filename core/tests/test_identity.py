from datetime import date

import pytest
from django.core.exceptions import ValidationError
from personnummer import personnummer

from core.identity import parse_identity_number, parse_synthetic_identity_number, synthetic_identity_number


def test_it_normalises_a_personnummer_to_twelve_digits() -> None:
    number = parse_identity_number("170101-2393")
    assert number.twelve_digits == "201701012393"
    assert number.birth_date == date(2017, 1, 1)
    assert not number.is_coordination_number


def test_it_reads_a_samordningsnummer_birth_date() -> None:
    number = parse_identity_number("19900161-9833")
    assert number.is_coordination_number
    assert number.birth_date == date(1990, 1, 1)


@pytest.mark.parametrize("raw", ["201701012394", "20170132-2393", "abc", "2017-01-01", "", "12345"])
def test_it_rejects_wrong_checksum_date_or_shape_with_a_message(raw: str) -> None:
    with pytest.raises(ValidationError) as error:
        parse_identity_number(raw)
    assert error.value.messages[0]


@pytest.mark.parametrize("serial", [1, 123, 500, 980, 999])
def test_synthetic_numbers_can_never_be_valid(serial: int) -> None:
    number = synthetic_identity_number(date(2011, 3, 4), serial)
    assert not personnummer.valid(number.twelve_digits)
    with pytest.raises(ValidationError):
        parse_identity_number(number.twelve_digits)
    assert parse_synthetic_identity_number(number.display) == number


def test_a_real_shaped_number_is_not_taken_for_synthetic() -> None:
    assert parse_synthetic_identity_number("201701012393") is None
