"""The journal's draft form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from journal.models import DisputedBy
from web.forms import DayField, DesignSystemForm, text_field


class JournalDraftForm(DesignSystemForm):
    body = text_field(_("Anteckning"), rows=10)
    event_date = DayField(label=_("Händelsedatum"), required=False)
    entry = forms.UUIDField(required=False, widget=forms.HiddenInput)
    corrects = forms.UUIDField(required=False, widget=forms.HiddenInput)


class JournalDisputeForm(DesignSystemForm):
    disputed_by = forms.ChoiceField(
        label=_("Vem anser att uppgiften är felaktig?"), choices=DisputedBy.choices, widget=forms.RadioSelect
    )
    disputed_by_name = forms.CharField(
        label=_("Namn"), required=False, max_length=200, help_text=_("Behövs inte när det är barnet.")
    )
    statement = text_field(
        _("Vad personen anser är felaktigt"), rows=6, help_text=_("Med personens egna ord om möjligt.")
    )
