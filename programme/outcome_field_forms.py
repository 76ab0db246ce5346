from django import forms
from django.utils.translation import gettext_lazy as _

from programme.outcome_models import FieldKind
from web.forms import DayField, DesignSystemForm


class OutcomeFieldForm(DesignSystemForm):
    # The texts are checked by the service, not here, so that one send shows them with the key's and the
    # codes' problems at once.
    key = forms.CharField(
        label=_("Nyckel"),
        max_length=40,
        required=False,
        help_text=_("Små bokstäver och understreck, till exempel school_grades."),
    )
    group = forms.CharField(
        label=_("Avsnitt"),
        max_length=40,
        required=False,
        help_text=_("Det avsnitt frågan ställs i, till exempel school."),
    )
    label_sv = forms.CharField(label=_("Frågan på svenska"), max_length=200, required=False)
    label_en = forms.CharField(label=_("Frågan på engelska"), max_length=200, required=False)
    help_sv = forms.CharField(label=_("Hjälptext på svenska"), max_length=300, required=False)
    help_en = forms.CharField(label=_("Hjälptext på engelska"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Typ av svar"), choices=FieldKind.choices)
    choices = forms.CharField(
        label=_("Koder"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bara för val bland koder: en kod per rad, som kod; svensk text; engelsk text."),
    )
    position = forms.IntegerField(label=_("Ordning"), min_value=1, max_value=32000)
    valid_from = DayField(label=_("Gäller från"))


class RetireForm(DesignSystemForm):
    retired_on = DayField(label=_("Används inte från"))
