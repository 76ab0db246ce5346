"""Forms of intake's screens: a signal and its assessments. The services decide what is allowed."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from intake.models import DetentionKind, PreliminaryDecision, ProtectionOutcome, ReporterType, SignalKind
from web.forms import DayField, DesignSystemForm, MomentField, text_field


class ChildFields(forms.Form):
    """The child a signal is about, as intake asks for it: every form that registers a signal uses these."""

    identity_number = forms.CharField(
        label=_("Barnets personnummer eller samordningsnummer"),
        required=False,
        max_length=20,
        help_text=_("ÅÅÅÅMMDD-NNNN. Lämna tomt om det inte är känt."),
    )
    given_name = forms.CharField(label=_("Barnets förnamn"), required=False, max_length=100)
    family_name = forms.CharField(label=_("Barnets efternamn"), required=False, max_length=100)
    birth_date = DayField(
        label=_("Födelsedatum"),
        required=False,
        help_text=_("Behövs bara när personnumret inte är känt."),
    )
    not_a_duplicate = forms.BooleanField(
        label=_("Jag har kontrollerat: det är ett annat barn än det som redan finns"), required=False
    )


class SignalForm(ChildFields, DesignSystemForm):
    field_order = ["kind", "received_at", *ChildFields.base_fields]
    kind = forms.ChoiceField(label=_("Hur barnet blev känt"), choices=SignalKind.choices)
    received_at = MomentField(
        label=_("Kom in till socialtjänsten"),
        help_text=_("Datum och klockslag (ÅÅÅÅ-MM-DD TT:MM) då uppgiften kom in. Alla tidsfrister räknas härifrån."),
    )
    reporter_type = forms.ChoiceField(label=_("Anmälare"), choices=ReporterType.choices)
    reporter_organisation = forms.CharField(label=_("Anmälarens organisation"), required=False, max_length=200)
    reporter_name = forms.CharField(label=_("Anmälarens namn"), required=False, max_length=200)
    reporter_contact = forms.CharField(label=_("Anmälarens telefon eller e-post"), required=False, max_length=400)
    feedback_requested = forms.BooleanField(label=_("Anmälaren vill ha återkoppling"), required=False)
    content = text_field(_("Vad uppgiften gäller"), rows=8)


class ProtectionAssessmentForm(DesignSystemForm):
    outcome = forms.ChoiceField(label=_("Bedömning"), choices=ProtectionOutcome.choices, widget=forms.RadioSelect)
    reasoning = text_field(_("Motivering"))
    measures = text_field(_("Skyddsåtgärder som vidtas nu"), required=False, rows=3)


class PreliminaryAssessmentForm(DesignSystemForm):
    """The delegation items are offered grouped by the outcome they are for, as in force today."""

    decision = forms.ChoiceField(label=_("Beslut"), choices=PreliminaryDecision.choices, widget=forms.RadioSelect)
    delegation = forms.TypedChoiceField(
        label=_("Punkt i delegationsordningen"),
        coerce=int,
        empty_value=None,
        help_text=_("Välj en punkt för det beslut du fattar: att inleda eller att inte inleda utredning."),
        error_messages={"required": _("Välj punkten i delegationsordningen som beslutet fattas enligt.")},
    )
    decided_on = DayField(label=_("Beslutsdatum"))
    reasons = text_field(_("Skäl"))
    child_heard = forms.BooleanField(label=_("Barnet har fått komma till tals"), required=False)
    child_heard_how = text_field(_("Hur barnet har hörts, eller varför inte"), rows=3)
    investigation_question = forms.CharField(
        label=_("Vad utredningen ska gälla"),
        required=False,
        max_length=300,
        help_text=_("Fyll i när beslutet är att inleda utredning."),
    )

    def __init__(self, *args: Any, items: list[tuple[str, list[tuple[int, str]]]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["delegation"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Välj")), *items]


class ExtensionForm(DesignSystemForm):
    new_due_on = DayField(label=_("Nytt sista datum"))
    reason = text_field(_("Synnerliga skäl"), rows=3)


class FeedbackWithholdForm(DesignSystemForm):
    reason = text_field(
        _("Varför det är olämpligt att lämna återkoppling"),
        rows=4,
        help_text=_("Till exempel att uppgiften skulle kunna skada barnet eller en pågående utredning."),
    )


class DetentionForm(DesignSystemForm):
    kind = forms.ChoiceField(
        label=_("Slag av frihetsberövande"), choices=DetentionKind.choices, widget=forms.RadioSelect
    )
    began_on = DayField(label=_("Från"))


class DetentionEndForm(DesignSystemForm):
    ended_on = DayField(label=_("Upphörde"), help_text=_("Den sista dagen barnet var frihetsberövat."))
