"""Forms of the destination screens. None is remembered by the browser (`autocomplete="off"` in the
templates, on every field here); the services decide what is allowed."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from people.models import Person
from protection.models import Provider
from protection.relocation import CONSENT, NECESSARY
from web.forms import DayField, DesignSystemForm, text_field


class _Unremembered(DesignSystemForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["autocomplete"] = "off"


class DestinationForm(_Unremembered):
    person = forms.ChoiceField(label=_("Vems vistelseort"), required=False, widget=forms.RadioSelect)
    municipality = forms.CharField(label=_("Kommun"), max_length=100)
    address = forms.CharField(label=_("Adress"), max_length=300, required=False, help_text=_("Om den är känd."))
    provider = forms.TypedChoiceField(
        label=_("Utförare"), required=False, coerce=int, empty_value=None, help_text=_("Ur utförarregistret.")
    )
    from_on = DayField(label=_("Från och med"))

    def __init__(self, *args: Any, relatives: list[Person], providers: list[Provider], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [  # type: ignore[attr-defined]
            ("", _("Barnet")),
            *((str(p.public_id), f"{p.given_name} {p.family_name}") for p in relatives),
        ]
        self.fields["provider"].choices = [  # type: ignore[attr-defined]
            ("", _("Ingen utförare")),
            *((p.pk, p.name) for p in providers),
        ]


class EndForm(_Unremembered):
    to_on = DayField(label=_("Till och med"))


class RelocationForm(_Unremembered):
    moved_on = DayField(label=_("Flyttdag"))


class HandoverForm(_Unremembered):
    sent_on = DayField(label=_("Skickat"))
    what_sent = text_field(_("Vad som lämnades över"), rows=3, help_text=_("Vilka uppgifter och handlingar."))
    recipient = forms.CharField(
        label=_("Till vem"), max_length=300, help_text=_("Till exempel: mottagande kommuns socialtjänst, handläggare.")
    )
    basis = forms.ChoiceField(
        label=_("Vad överlämningen vilar på"),
        required=False,
        widget=forms.RadioSelect,
        choices=[
            (CONSENT, _("Samtycke (OSL 12 kap. 2 §)")),
            (NECESSARY, _("Nödvändigt för nämndens verksamhet (OSL 10 kap. 2 §)")),
        ],
    )
    consent_from = forms.CharField(
        label=_("Samtycke från"), max_length=200, required=False, help_text=_("Krävs vid samtycke.")
    )


class AcknowledgeForm(_Unremembered):
    note = forms.CharField(
        label=_("Vad som gjordes"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Till exempel: samråd med polisen, annan ort väljs."),
    )


class ConflictForm(_Unremembered):
    first = forms.TypedChoiceField(label=_("Barnets koppling"), coerce=int)
    second = forms.TypedChoiceField(
        label=_("Den andra sidan: en annan av barnets kopplingar"), required=False, coerce=int, empty_value=None
    )
    identity_number = forms.CharField(
        label=_("eller den andra personens person- eller samordningsnummer"), max_length=20, required=False
    )
    given_name = forms.CharField(label=_("Förnamn, som källan angav"), max_length=100, required=False)
    family_name = forms.CharField(label=_("Efternamn, som källan angav"), max_length=100, required=False)
    source_note = forms.CharField(
        label=_("Källa"), max_length=300, help_text=_("Till exempel: polisens lägesbild vid samverkansmötet.")
    )
    expires_on = DayField(label=_("Gallras"), help_text=_("Högst ett år."))

    def __init__(self, *args: Any, connections: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(c.pk, c.named_as) for c in connections]
        self.fields["first"].choices = [("", _("Välj")), *choices]  # type: ignore[attr-defined]
        self.fields["second"].choices = [("", _("Ingen av dem")), *choices]  # type: ignore[attr-defined]
