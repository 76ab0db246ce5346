"""Forms of the decision screens. The services decide what is allowed."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from decisions.communication import COMMUNICATED_KINDS
from decisions.models import CommunicationStep, DecisionOutcome, DeliveryMethod, PartyKind
from decisions.services import OFFERED_KINDS
from delegation.models import DecisionKind
from web.forms import DayField, DesignSystemForm, text_field


class DecisionKindForm(DesignSystemForm):
    kind = forms.ChoiceField(label=_("Beslutstyp"), choices=[(k, DecisionKind(k).label) for k in OFFERED_KINDS])


# Kinds whose clocks run from the day the decision was carried out (LVU 8 § and 13 §).
EXECUTED_KINDS = frozenset({DecisionKind.LVU_IMMEDIATE_CUSTODY, DecisionKind.LVU_CARE_STARTED})


class DecisionForm(DesignSystemForm):
    """Legal bases and delegation items are offered for the chosen kind, as in force on the day."""

    kind = forms.ChoiceField(choices=DecisionKind.choices, widget=forms.HiddenInput)
    legal_basis = forms.TypedChoiceField(label=_("Lagrum"), coerce=int, empty_value=None)
    delegation = forms.TypedChoiceField(label=_("Punkt i delegationsordningen"), coerce=int, empty_value=None)
    decided_by_name = forms.CharField(label=_("Beslutsfattare"), max_length=200)
    decided_on = DayField(label=_("Beslutsdatum"))
    executed_on = DayField(label=_("Verkställt"), required=False, help_text=_("När beslutet verkställdes."))
    reasons = text_field(_("Skäl för beslutet"), rows=6)
    appeal_information = text_field(
        _("Hur man överklagar"), required=False, rows=3, help_text=_("Lämna tomt för standardtexten för beslutstypen.")
    )
    communication = forms.ChoiceField(
        label=_("Kommunicering före beslutet (25 § förvaltningslagen)"),
        choices=CommunicationStep.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    outcome = forms.ChoiceField(
        label=_("Vad beslutet ger den enskilde"),
        choices=DecisionOutcome.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Ett beslut som går den enskilde emot kan överklagas av hen (42 § förvaltningslagen)."),
    )
    investigation = forms.TypedChoiceField(label=_("Utredning"), required=False, coerce=str)
    new_due_on = DayField(label=_("Nytt sista datum för utredningen"), required=False)

    def __init__(
        self,
        *args: Any,
        bases: list[tuple[int, str]],
        items: list[tuple[int, str]],
        investigations: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        choose = [("", _("Välj"))]
        for name, choices in (("legal_basis", bases), ("delegation", items), ("investigation", investigations)):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [*choose, *choices]
        kind = self.initial.get("kind")
        if kind != DecisionKind.EXTEND_INVESTIGATION:
            del self.fields["investigation"], self.fields["new_due_on"]
        if kind not in EXECUTED_KINDS:
            del self.fields["executed_on"]
        if kind != DecisionKind.SUPPORT:
            del self.fields["outcome"]
        if kind not in COMMUNICATED_KINDS:
            del self.fields["communication"]
        else:
            self.fields["communication"].required = True  # asked with the form's other checks, at once

    def offer_investigations(self, choices: list[tuple[str, str]]) -> None:
        """The case's running investigations, once the case has been read (a bound form keeps its data)."""
        field = self.fields.get("investigation")
        if isinstance(field, forms.ChoiceField):
            field.choices = [("", _("Välj")), *choices]


class CourtRulingForm(DesignSystemForm):
    """The outcomes offered are those that answer the decision (a custody, or an application for care)."""

    outcome = forms.ChoiceField(label=_("Rättens avgörande"), widget=forms.RadioSelect)
    ruled_on = DayField(label=_("Avgjort"))
    court = forms.CharField(label=_("Domstol"), max_length=200, help_text=_("Till exempel Förvaltningsrätten i Malmö."))
    court_case_number = forms.CharField(label=_("Målnummer"), max_length=40, required=False)
    new_due_on = DayField(
        label=_("Ny sista dag för ansökan om vård"),
        required=False,
        help_text=_("Bara när rätten förlängde tiden för ansökan."),
    )

    def __init__(self, *args: Any, outcomes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["outcome"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = outcomes


class DeliveryForm(DesignSystemForm):
    party_kind = forms.ChoiceField(
        label=_("Vem fick del av beslutet?"), choices=PartyKind.choices, widget=forms.RadioSelect
    )
    party_name = forms.CharField(
        label=_("Namn"), max_length=200, required=False, help_text=_("Behövs inte när det är barnet.")
    )
    delivered_on = DayField(
        label=_("Fick del av beslutet"), help_text=_("Dagen då parten fick beslutet, inte dagen det skickades.")
    )
    method = forms.ChoiceField(label=_("Hur"), choices=DeliveryMethod.choices, widget=forms.RadioSelect)


class AppealPeriodForm(DesignSystemForm):
    appealed = forms.TypedChoiceField(
        label=_("Kom ett överklagande in?"),
        choices=[("no", _("Nej, beslutet har vunnit laga kraft mot parten")), ("yes", _("Ja"))],
        widget=forms.RadioSelect,
        coerce=lambda value: value == "yes",
    )
    appeal_received_on = DayField(
        label=_("Överklagandet kom in"), required=False, help_text=_("Bara om ett överklagande kom in.")
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("appealed") and data.get("appeal_received_on") is None:
            self.add_error("appeal_received_on", _("Ange när överklagandet kom in."))
        return data


class CommunicationForm(DesignSystemForm):
    party_kind = forms.ChoiceField(label=_("Vem fick materialet?"), choices=PartyKind.choices, widget=forms.RadioSelect)
    party_name = forms.CharField(
        label=_("Namn"), max_length=200, required=False, help_text=_("Behövs inte när det är barnet.")
    )
    material = forms.CharField(
        label=_("Vad som kommunicerades"),
        max_length=300,
        help_text=_("Till exempel utredningen och förslaget till beslut."),
    )
    sent_on = DayField(label=_("Skickat"))
    reply_by = DayField(label=_("Svar senast"), help_text=_("Den bestämda tiden parten har att yttra sig."))


class CommunicationReplyForm(DesignSystemForm):
    replied_on = DayField(label=_("Svaret kom in"))
    reply = text_field(
        _("Vad parten svarade"),
        required=False,
        rows=5,
        help_text=_("Lämna tomt om parten inte hade något att tillägga."),
    )
