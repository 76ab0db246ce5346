"""The disclosure form. Nearly every field is optional here so that the service, which decides what is
allowed, answers every problem at once; each provision's checklist is its own group of boxes."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from collaboration import bases
from collaboration.disclosures import DisclosureInput
from collaboration.models import Channel, Disclosure, RecipientKind
from people.models import Person
from web.forms import DayField, DesignSystemForm, text_field


class DisclosureForm(DesignSystemForm):
    person = forms.ChoiceField(label=_("Vem uppgifterna gällde"), required=False, widget=forms.RadioSelect)
    disclosed_on = DayField(label=_("När uppgiften lämnades ut"), required=False)
    recipient_kind = forms.ChoiceField(
        label=_("Mottagare"), required=False, widget=forms.RadioSelect, choices=RecipientKind.choices
    )
    recipient = forms.CharField(
        label=_("Mottagarens namn och enhet"),
        required=False,
        max_length=300,
        help_text=_("Till exempel: Polisen, lokalpolisområde Norr, Anna Svensson."),
    )
    channel = forms.ChoiceField(label=_("Hur"), required=False, widget=forms.RadioSelect, choices=Channel.choices)
    what = text_field(
        _("Vilka uppgifter som lämnades ut"),
        required=False,
        rows=4,
        help_text=_("Exakt vad som sades eller skickades."),
    )
    basis = forms.ChoiceField(
        label=_("Lagrum"),
        required=False,
        widget=forms.RadioSelect,
        choices=[(b.choice, b.label) for b in bases.BASES.values()],
        help_text=_("Ett utlämnande med samtycke registreras i samtyckesregistret, som inte är byggt ännu."),
    )
    assessment = text_field(
        _("Sekretessprövningen"),
        required=False,
        rows=4,
        help_text=_("Din prövning: varför uppgiften fick lämnas ut trots sekretessen."),
    )

    def __init__(self, *args: Any, persons: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        child, *relatives = persons
        self.fields["person"].choices = [  # type: ignore[attr-defined]
            (str(child.public_id), _("Barnet: %(name)s") % {"name": child}),
            *((str(p.public_id), str(p)) for p in relatives),
        ]
        for basis in bases.BASES.values():
            self.fields[basis.field] = forms.MultipleChoiceField(
                label=_("Villkor i %(basis)s") % {"basis": basis.label},
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=[(c.key, c.text) for c in basis.conditions],
                help_text=_("Bekräfta vart och ett, om du har valt det lagrummet."),
            )
        # The secrecy assessment is written last, once the provision and its conditions are chosen.
        self.fields["assessment"] = self.fields.pop("assessment")
        for field in self.fields.values():
            field.widget.attrs |= {"class": "ds-input", "autocomplete": "off"}


def disclosure_input(data: dict[str, Any], *, corrects: Disclosure | None = None) -> DisclosureInput:
    """The service's input from the form: the chosen provision's confirmed conditions alone."""
    chosen = bases.BASES.get(data["basis"])
    return DisclosureInput(
        person=data["person"],
        disclosed_on=data["disclosed_on"],
        recipient_kind=data["recipient_kind"],
        recipient=data["recipient"],
        channel=data["channel"],
        what=data["what"],
        basis=data["basis"],
        conditions=frozenset(data[chosen.field]) if chosen else frozenset(),
        assessment=data["assessment"],
        corrects=str(corrects.public_id) if corrects else "",
    )


def initial_from(original: Disclosure) -> dict[str, Any]:
    """A correction starts from what the corrected disclosure said."""
    choice = next((b.choice for b in bases.BASES.values() if b.key == original.legal_basis.key), "")
    initial: dict[str, Any] = {
        "person": str(original.person.public_id),
        "disclosed_on": original.disclosed_on,
        "recipient_kind": original.recipient_kind,
        "recipient": original.recipient,
        "channel": original.channel,
        "what": original.what,
        "basis": choice,
        "assessment": original.assessment,
    }
    if choice:
        initial[bases.BASES[choice].field] = list(original.conditions)
    return initial
