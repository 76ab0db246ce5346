"""Forms of the case file: finding a person, and closing a case."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import ClosureOutcome, ClosureReason
from web.forms import DesignSystemForm


class PersonSearchForm(DesignSystemForm):
    # Searched by POST, so an identity number never lands in a URL or a server log.
    q = forms.CharField(
        label=_("Namn eller personnummer"),
        max_length=100,
        help_text=_(
            "Del av namnet (två bokstäver söker i början av ett namn), eller helt personnummer/samordningsnummer "
            "(ÅÅÅÅMMDD-NNNN)."
        ),
    )


class CloseCaseForm(DesignSystemForm):
    reason = forms.ChoiceField(label=_("Skäl till avslut"), choices=[("", _("Välj")), *ClosureReason.choices])
    outcome = forms.ChoiceField(label=_("Utfall"), choices=[("", _("Välj")), *ClosureOutcome.choices])
