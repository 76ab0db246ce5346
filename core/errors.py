from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise


def field_error(field: str, message: "_StrOrPromise", code: str) -> ValidationError:
    """A ValidationError on one field that keeps its code (a dict of plain messages would drop it)."""
    return ValidationError({field: ValidationError(message, code=code)})


class Problems:
    """Every check of a form at once: each field's problems are collected, then raised together."""

    def __init__(self) -> None:
        self._errors: dict[str, list[ValidationError]] = {}

    def add(self, field: str, message: "_StrOrPromise", code: str) -> None:
        self._errors.setdefault(field, []).append(ValidationError(message, code=code))

    def __contains__(self, field: str) -> bool:
        return field in self._errors

    def raise_any(self) -> None:
        if self._errors:
            raise ValidationError(self._errors)
