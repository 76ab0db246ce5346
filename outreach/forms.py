"""The field forms. Fields are optional here so the service, which decides what is allowed, answers every
problem of a send at once; choices are radio and checkbox groups, big enough for a thumb."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outreach.models import AGE_BANDS, Company, Offer, OutreachArea, PartOfDay, Place
from outreach.services import ChildInput, ContactInput
from web.forms import DayField, DesignSystemForm

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise


def _count(label: "StrOrPromise") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": "0", "step": "1", "size": "4"}),
    )


def _area_choices(areas: list[OutreachArea]) -> list[tuple[str, str]]:
    return [(str(a.pk), a.name) for a in areas]


class ContactForm(DesignSystemForm):
    day = DayField(label=_("Dag"), required=False)
    part_of_day = forms.ChoiceField(
        label=_("Tid på dygnet"), required=False, widget=forms.RadioSelect, choices=PartOfDay.choices
    )
    area = forms.ChoiceField(label=_("Område"), required=False, widget=forms.RadioSelect)
    place = forms.ChoiceField(label=_("Plats"), required=False, widget=forms.RadioSelect, choices=Place.choices)
    company = forms.ChoiceField(label=_("Med vem"), required=False, widget=forms.RadioSelect, choices=Company.choices)
    under_12 = _count(AGE_BANDS[0][1])
    age_12_14 = _count(AGE_BANDS[1][1])
    age_15_17 = _count(AGE_BANDS[2][1])
    age_18_21 = _count(AGE_BANDS[3][1])
    offered = forms.MultipleChoiceField(
        label=_("Vad erbjöds"), required=False, widget=forms.CheckboxSelectMultiple, choices=Offer.choices
    )
    note = forms.CharField(
        label=_("Kort anteckning (valfri)"),
        required=False,
        max_length=300,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Aldrig namn, personnummer, telefonnummer eller något annat som pekar ut någon."),
    )

    def __init__(self, *args: Any, areas: list[OutreachArea], **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"day": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = _area_choices(areas)  # type: ignore[attr-defined]
        for field in self.fields.values():
            field.widget.attrs["autocomplete"] = "off"

    @property
    def age_fields(self) -> list[forms.BoundField]:
        return [self[name] for name, _label in AGE_BANDS]

    @property
    def choice_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("part_of_day", "area", "place", "company")]


def contact_input(data: dict[str, Any]) -> ContactInput:
    return ContactInput(
        day=data["day"],
        part_of_day=data["part_of_day"],
        area=int(data["area"]) if data["area"] else None,
        place=data["place"],
        company=data["company"],
        under_12=data["under_12"],
        age_12_14=data["age_12_14"],
        age_15_17=data["age_15_17"],
        age_18_21=data["age_18_21"],
        offered=list(data["offered"]),
        note=data["note"],
    )


class ChildForm(DesignSystemForm):
    """Nothing of this form is kept on the phone: no draft, and autocomplete off."""

    wants = forms.CharField(
        label=_("Vad barnet vill ha hjälp med"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reach = forms.CharField(
        label=_("Hur mottagningen når barnet"),
        required=False,
        max_length=400,
        help_text=_("Till exempel ett telefonnummer barnet gav, via skolkuratorn, eller att barnet ringer själv."),
    )
    given_name = forms.CharField(label=_("Förnamn, om barnet sa det"), required=False, max_length=100)
    family_name = forms.CharField(label=_("Efternamn, om barnet sa det"), required=False, max_length=100)
    identity_number = forms.CharField(
        label=_("Personnummer, om barnet gav det"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    age = forms.IntegerField(
        label=_("Ungefärlig ålder"),
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": "6", "max": "17", "size": "3"}),
        help_text=_("Behövs när barnet inte gav sitt personnummer."),
    )
    area = forms.ChoiceField(label=_("Område (valfritt)"), required=False, widget=forms.RadioSelect)

    def __init__(self, *args: Any, areas: list[OutreachArea], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = _area_choices(areas)  # type: ignore[attr-defined]
        for field in self.fields.values():
            field.widget.attrs["autocomplete"] = "off"


def child_input(data: dict[str, Any]) -> ChildInput:
    return ChildInput(
        wants=data["wants"],
        reach=data["reach"],
        identity_number=data["identity_number"],
        given_name=data["given_name"],
        family_name=data["family_name"],
        age=data["age"],
        area=int(data["area"]) if data["area"] else None,
    )


class AreaForm(DesignSystemForm):
    name = forms.CharField(
        label=_("Nytt område"),
        required=False,
        max_length=100,
        help_text=_("Ett namn som fältarbetarna känner igen, till exempel en stadsdel eller ett torg."),
    )
