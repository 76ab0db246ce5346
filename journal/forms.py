"""The journal's draft form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from web.forms import DateInput, DesignSystemForm, text_field


class JournalDraftForm(DesignSystemForm):
    body = text_field(_("Anteckning"), rows=10)
    event_date = forms.DateField(label=_("Händelsedatum"), required=False, widget=DateInput())
    entry = forms.UUIDField(required=False, widget=forms.HiddenInput)
    corrects = forms.UUIDField(required=False, widget=forms.HiddenInput)
