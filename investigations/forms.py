"""Forms of the investigation screens. The services decide what is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from investigations.models import ChildParticipation, InvestigationOutcome
from web.forms import DayField, DesignSystemForm, text_field


class InvestigationOpenForm(DesignSystemForm):
    question = forms.CharField(label=_("Vad utredningen ska gälla"), max_length=300)
    opened_on = DayField(label=_("Inledd"))
    new_question_reason = text_field(
        _("Om en utredning nyss avslutats: varför detta är en ny fråga"),
        required=False,
        rows=3,
        help_text=_("Lämna tomt om det är samma fråga; då gäller den tidigare utredningens tidsfrist."),
    )


class ParticipationForm(DesignSystemForm):
    participation = forms.ChoiceField(
        label=_("Barnets delaktighet"), choices=ChildParticipation.choices, widget=forms.RadioSelect
    )
    views = text_field(_("Barnets åsikter, eller varför de saknas och hur barnets inställning annars klarlagts"))
    read_and_commented = forms.BooleanField(
        label=_("Barnet (15 år eller äldre) har läst utredningen och fått kommentera den"), required=False
    )


class NoticeForm(DesignSystemForm):
    """20 kap. 4 § SoL: who was told that the investigation opened, or why not."""

    informed = forms.CharField(
        label=_("Vilka som informerades och hur"),
        required=False,
        max_length=300,
        help_text=_("Till exempel: barnet och båda vårdnadshavarna, per telefon och brev."),
    )
    informed_on = DayField(label=_("Informerade"), required=False)
    not_informed_reason = text_field(
        _("Eller: de särskilda skälen att inte informera"),
        required=False,
        rows=3,
        help_text=_("Till exempel att informationen kan utsätta barnet för fara. Skälen sparas krypterade."),
    )


class InvestigationCompleteForm(DesignSystemForm):
    outcome = forms.ChoiceField(label=_("Utfall"), choices=InvestigationOutcome.choices)
    completed_on = DayField(label=_("Avslutad"))
    summary = text_field(_("Sammanfattning och bedömning"), rows=8)
