"""The design system's form pieces every app's forms are built from."""

from typing import TYPE_CHECKING, Any

from django import forms
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
