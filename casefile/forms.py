"""Forms of the case file: my work, finding a person, and closing a case."""

from django import forms
from django.utils.translation import gettext_lazy as _

from casefile.selectors import MyWorkOrder, MyWorkQuestion
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


class MyWorkForm(DesignSystemForm):
    """How to sort and narrow "Mitt arbete" (GET: it holds no personal data)."""

    ordning = forms.ChoiceField(
        label=_("Sortera"),
        required=False,
        choices=[
            ("oppnat", _("Senast öppnade först")),
            ("frist", _("Nästa frist först")),
            ("barn", _("Barnets efternamn")),
        ],
    )
    mina = forms.BooleanField(label=_("Bara ärenden där jag är ansvarig"), required=False)
    forsenade = forms.BooleanField(label=_("Bara ärenden med försenad frist"), required=False)

    def question(self) -> MyWorkQuestion:
        if not self.is_valid():
            return MyWorkQuestion()
        data = self.cleaned_data
        return MyWorkQuestion(
            order=MyWorkOrder(data["ordning"] or MyWorkOrder.OPENED),
            mine_only=data["mina"],
            overdue_only=data["forsenade"],
        )
