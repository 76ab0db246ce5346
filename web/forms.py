"""The design system's form pieces every app's forms are built from."""

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.fields import TEXT_LIMIT

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise


class DesignSystemForm(forms.Form):
    """Gives inputs the Designsystemet class.

    Django itself ties help and error texts to the input (aria-describedby with `<id>_helptext` and
    `<id>_error`, aria-invalid) at render time, so errors added by a view are included too.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's own signature is untyped
        for field in self.fields.values():
            field.widget.attrs["class"] = "ds-input"


class DateInput(forms.DateInput):
    """A date typed as ÅÅÅÅ-MM-DD. A text input, not the browser's date input, whose format follows the
    browser's language (an English Chromium shows MM/DD/YYYY on a Swedish page)."""

    input_type = "text"

    def __init__(self, **kwargs: Any) -> None:
        attrs = {"inputmode": "numeric", "autocomplete": "off", "placeholder": _("ÅÅÅÅ-MM-DD"), "size": "10"}
        super().__init__(format="%Y-%m-%d", attrs=attrs | kwargs.pop("attrs", {}), **kwargs)


class DateTimeInput(forms.DateTimeInput):
    """A date and time typed as ÅÅÅÅ-MM-DD TT:MM, for the same reason as DateInput."""

    input_type = "text"

    def __init__(self, **kwargs: Any) -> None:
        attrs = {"autocomplete": "off", "placeholder": _("ÅÅÅÅ-MM-DD TT:MM"), "size": "16"}
        super().__init__(format="%Y-%m-%d %H:%M", attrs=attrs | kwargs.pop("attrs", {}), **kwargs)


# Every day a case can concern: a child's birth, a report, a decision, a deadline. Outside these the
# calendar arithmetic of the clocks (and Python's own dates) would overflow, so they are refused here.
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)


def _in_range(value: date | datetime | None) -> None:
    day = value.date() if isinstance(value, datetime) else value
    if day is not None and not (EARLIEST <= day <= LATEST):
        raise ValidationError(
            _("Ange ett datum mellan %(earliest)s och %(latest)s.")
            % {"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()},
            code="date_range",
        )


class DayField(forms.DateField):
    """A day typed as ÅÅÅÅ-MM-DD, within the years a case can concern."""

    widget = DateInput
    default_validators = [_in_range]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        super().__init__(**kwargs)


class MomentField(forms.DateTimeField):
    """A day and time typed as ÅÅÅÅ-MM-DD TT:MM (or with a T), within the years a case can concern."""

    widget = DateTimeInput
    default_validators = [_in_range]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"])
        super().__init__(**kwargs)


def text_field(
    label: "StrOrPromise", *, required: bool = True, rows: int = 5, help_text: "StrOrPromise" = ""
) -> forms.CharField:
    """A long free text, kept as typed (not stripped) up to the limit the services also hold."""
    return forms.CharField(
        label=label,
        required=required,
        max_length=TEXT_LIMIT,
        strip=False,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )
