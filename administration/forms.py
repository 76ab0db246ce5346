"""Forms for the account pages. They parse input; the services decide what is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, Team, Unit
from web.forms import DesignSystemForm


class PlacementForm(DesignSystemForm):
    role = forms.ChoiceField(label=_("Roll"), choices=Role.choices)
    unit = forms.ModelChoiceField(
        label=_("Enhet"),
        queryset=Unit.objects.order_by("name"),
        required=False,
        empty_label=_("Ingen enhet"),
        help_text=_("Krävs för enhetschefer. För roller i ett team gäller teamets enhet."),
    )
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.select_related("unit").order_by("unit__name", "name"),
        required=False,
        empty_label=_("Inget team"),
        help_text=_("Krävs för handläggare, behandlare, fältarbetare och avhopparspecialister."),
    )


class AccountCreateForm(PlacementForm):
    username = forms.CharField(
        label=_("Användarnamn"),
        max_length=150,
        help_text=_("Bokstäver, siffror och @ . + - _. Personen loggar in med det."),
    )
    first_name = forms.CharField(label=_("Förnamn"), max_length=150)
    last_name = forms.CharField(label=_("Efternamn"), max_length=150)
    email = forms.EmailField(
        label=_("E-post i tjänsten"),
        required=False,
        help_text=_("Kommunens inloggning (single sign-on) hittar kontot med den."),
    )
    field_order = ["username", "first_name", "last_name", "email", "role", "unit", "team"]


class AccountFilterForm(forms.Form):
    """The account list's filter; by GET, since it holds no personal data."""

    roll = forms.ChoiceField(label=_("Roll"), choices=[("", _("Alla roller")), *Role.choices], required=False)
    enhet = forms.ModelChoiceField(
        label=_("Enhet"), queryset=Unit.objects.order_by("name"), required=False, empty_label=_("Alla enheter")
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's own signature is untyped
        for field in self.fields.values():
            field.widget.attrs["class"] = "ds-input"
