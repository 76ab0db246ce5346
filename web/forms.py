from django import forms
from django.utils.translation import gettext_lazy as _

from access.services import MIN_REASON_LENGTH


class DesignSystemForm(forms.Form):
    """Gives inputs the Designsystemet class.

    Django itself ties help and error texts to the input (aria-describedby with `<id>_helptext` and
    `<id>_error`, aria-invalid) at render time, so errors added by a view are included too.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for field in self.fields.values():
            field.widget.attrs["class"] = "ds-input"


class PersonSearchForm(DesignSystemForm):
    # Searched by POST, so an identity number never lands in a URL or a server log.
    q = forms.CharField(
        label=_("Namn eller personnummer"),
        max_length=100,
        help_text=_("Del av namnet, eller helt personnummer/samordningsnummer (ÅÅÅÅMMDD-NNNN)."),
    )


class EmergencyAccessForm(DesignSystemForm):
    reason = forms.CharField(
        label=_("Skäl till nödåtkomst"),
        min_length=MIN_REASON_LENGTH,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Åtkomsten loggas, gäller i några timmar och granskas av chef och loggranskare."),
    )


class EmergencyReviewForm(DesignSystemForm):
    note = forms.CharField(label=_("Granskningens resultat"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
