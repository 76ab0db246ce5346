"""The journal's draft form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from web.forms import DayField, DesignSystemForm, text_field


class JournalDraftForm(DesignSystemForm):
    body = text_field(_("Anteckning"), rows=10)
    event_date = DayField(label=_("Händelsedatum"), required=False)
    entry = forms.UUIDField(required=False, widget=forms.HiddenInput)
    corrects = forms.UUIDField(required=False, widget=forms.HiddenInput)
