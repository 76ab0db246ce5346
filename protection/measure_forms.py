"""Forms of the protective measures and the provider register. The services decide what is allowed."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from delegation.models import DecisionKind
from protection.measure_models import GuardianConsent, RegistrationOutcome
from protection.measures import GENERAL_LIMIT, SHELTER_KINDS
from protection.provider_models import FollowUpKind, ProviderKind
from web.forms import DayField, DesignSystemForm, MomentField, text_field

Choices = list[tuple[Any, str]]


def offer(form: forms.Form, name: str, choices: Choices) -> None:
    """The choices of a field (with "Välj" first on a single choice): set once the read allows them."""
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices if isinstance(field, forms.MultipleChoiceField) else [("", _("Välj")), *choices]


class PoliceForm(DesignSystemForm):
    placed_at = MomentField(label=_("När polisen placerade barnet"), help_text=_("ÅÅÅÅ-MM-DD TT:MM"))
    police_unit = forms.CharField(
        label=_("Polisen som placerade"), max_length=GENERAL_LIMIT, help_text=_("Till exempel Polisområde Malmö.")
    )
    where_general = forms.CharField(
        label=_("Var, allmänt hållet"),
        max_length=GENERAL_LIMIT,
        help_text=_("Till exempel jourhem eller hos släkting. Ingen adress: platsen registreras bara som skyddat mål."),
    )


class DecisionFieldsForm(DesignSystemForm):
    """What every measure's decision says: its legal basis and delegation item, who decided, when, why."""

    legal_basis = forms.TypedChoiceField(label=_("Lagrum"), coerce=int, empty_value=None)
    delegation = forms.TypedChoiceField(label=_("Punkt i delegationsordningen"), coerce=int, empty_value=None)
    decided_by_name = forms.CharField(label=_("Beslutsfattare"), max_length=200)
    decided_on = DayField(label=_("Beslutsdatum"))
    reasons = text_field(_("Skäl för beslutet"), rows=5)
    appeal_information = text_field(
        _("Hur man överklagar"), required=False, rows=3, help_text=_("Lämna tomt för standardtexten för beslutstypen.")
    )

    def __init__(self, *args: Any, bases: Choices, items: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "legal_basis", bases)
        offer(self, "delegation", items)


class ShelterForm(DecisionFieldsForm):
    kind = forms.ChoiceField(
        label=_("Beslut"),
        choices=[(k, DecisionKind(k).label) for k in SHELTER_KINDS],
        widget=forms.RadioSelect,
        help_text=_(
            "Utan den andra vårdnadshavarens samtycke ansöker nämnden hos förvaltningsrätten, eller beslutar "
            "om omedelbart skyddat boende när rättens prövning inte kan avvaktas."
        ),
    )
    guardian = forms.TypedChoiceField(label=_("Vårdnadshavaren som barnet bor med"), coerce=int, empty_value=None)
    guardian_granted_on = DayField(label=_("Vårdnadshavaren beviljades skyddat boende"))
    other_guardian_consent = forms.ChoiceField(
        label=_("Hur den andra vårdnadshavaren ställer sig"), choices=GuardianConsent.choices, widget=forms.RadioSelect
    )
    other_guardian = forms.TypedChoiceField(
        label=_("Den andra vårdnadshavaren"), coerce=int, empty_value=None, required=False
    )
    provider = forms.ChoiceField(label=_("Utförare"), help_text=_("Ur utförarregistret, med IVO:s tillstånd."))
    field_order = ["kind", "guardian", "guardian_granted_on", "other_guardian_consent", "other_guardian", "provider"]

    def __init__(self, *args: Any, guardians: Choices, providers: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "guardian", guardians)
        offer(self, "other_guardian", guardians)
        offer(self, "provider", providers)


class SecretForm(DecisionFieldsForm):
    hidden_from = forms.TypedMultipleChoiceField(
        label=_("Vistelseorten röjs inte för"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    field_order = ["hidden_from"]

    def __init__(self, *args: Any, guardians: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "hidden_from", guardians)


class DayForm(DesignSystemForm):
    """One day: when the measure was referred, ended, or applied for (the label says which)."""

    day = DayField(label=_("Datum"))

    def __init__(self, *args: Any, label: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["day"].label = label


class ConfirmationForm(DesignSystemForm):
    confirmed_on = DayField(label=_("Förvaltningsrätten fastställde beslutet"))
    placed_on = DayField(
        label=_("Placeringen påbörjades"),
        help_text=_("Ansökan ska göras inom sex veckor från den dagen (4 kap. 6 § lagen om skyddat boende)."),
    )


class OutcomeForm(DesignSystemForm):
    outcome = forms.ChoiceField(
        label=_("Utfall"),
        choices=[(o.value, o.label) for o in RegistrationOutcome if o != RegistrationOutcome.PENDING],
        widget=forms.RadioSelect,
    )
    outcome_on = DayField(label=_("Utfallet meddelat"))


class ProviderForm(DesignSystemForm):
    name = forms.CharField(label=_("Namn"), max_length=200)
    org_number = forms.CharField(label=_("Organisationsnummer"), max_length=13, help_text=_("NNNNNN-NNNN"))
    kind = forms.ChoiceField(label=_("Verksamhet"), choices=ProviderKind.choices)
    own_operation = forms.BooleanField(label=_("Kommunens egen verksamhet, anmäld till IVO"), required=False)
    ivo_permit = forms.CharField(
        label=_("IVO:s tillståndsnummer"), max_length=40, required=False, help_text=_("Krävs för en privat utförare.")
    )
    ivo_permit_from = DayField(label=_("Tillståndet gäller från"), required=False)
    ivo_permit_to = DayField(label=_("Tillståndet gäller till och med"), required=False)
    contract_from = DayField(label=_("Avtal från"), required=False)
    contract_to = DayField(label=_("Avtal till och med"), required=False)
    active = forms.BooleanField(label=_("Används"), required=False, initial=True)


class FollowUpForm(DesignSystemForm):
    kind = forms.ChoiceField(label=_("Slag"), choices=FollowUpKind.choices, widget=forms.RadioSelect)
    done_on = DayField(label=_("Gjord"))
    findings = forms.CharField(label=_("Iakttagelser"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5}))
