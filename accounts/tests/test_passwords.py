"""Passwords: at least 12 characters, not a common one, not one piece repeated (audit, point 5)."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError


@pytest.mark.parametrize(
    "password", ["aaaaaaaaaaaa", "abcabcabcabc", "121212121212", "abababababab", "kort-lösen", "password1234"]
)
def test_weak_passwords_are_refused(password: str) -> None:
    with pytest.raises(ValidationError):
        validate_password(password)


@pytest.mark.parametrize("password", ["korrekt häst batteri", "Tre-gröna-tåg-2026"])
def test_long_varied_passwords_are_accepted(password: str) -> None:
    validate_password(password)
