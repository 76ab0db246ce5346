"""Forms of the programme's screens. The services decide what is allowed."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from programme.defector import MET, NOT_MET, UNCHANGED
from programme.models import (
    ConnectionSource,
    EndReason,
    InsatsKind,
    ItemStatus,
    Judgement,
    Milestone,
    MotivationStage,
    NetworkEventKind,
    Phase,
    PlanDomain,
    PoliceCriterion,
    RaisedHow,
)
from web.forms import DayField, DesignSystemForm, text_field


class RaiseForm(DesignSystemForm):
    raised_how = forms.ChoiceField(
        label=_("Hur barnet aktualiserades för programmet"), choices=RaisedHow.choices, widget=forms.RadioSelect
    )
    raised_by = forms.CharField(
        label=_("Vem som aktualiserade"),
        max_length=200,
        help_text=_("I allmänna termer: polisen, skolan, frivården, barnet självt. Inga privatpersoners namn."),
    )
    raised_on = DayField(label=_("Första kontakten"), help_text=_("Väntetiderna i programmet räknas härifrån."))


class PhaseForm(DesignSystemForm):
    phase = forms.ChoiceField(label=_("Ny fas"), widget=forms.RadioSelect)
    entered_on = DayField(label=_("Från och med"))
    note = text_field(_("Anteckning"), required=False, rows=3)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        phases = Phase.objects.filter(active=True).exclude(milestone=Milestone.ENDED).order_by("position", "id")
        self.fields["phase"].choices = [(p.code, p.name) for p in phases]  # type: ignore[attr-defined]


class EndForm(DesignSystemForm):
    end_reason = forms.ChoiceField(
        label=_("Hur deltagandet avslutades"), choices=EndReason.choices, widget=forms.RadioSelect
    )
    ended_on = DayField(label=_("Avslutat"))
    end_note = text_field(_("Om avslutet"), required=False, rows=3, help_text=_("Krävs när du väljer Annat."))


class DefectorForm(DesignSystemForm):
    chosen_to_leave = forms.ChoiceField(
        label=_("Har barnet valt att lämna organiserad brottslighet?"),
        choices=Judgement.choices,
        widget=forms.RadioSelect,
    )
    chosen_to_leave_reasons = text_field(_("Skälen för den bedömningen"), rows=3)
    needs_support = forms.ChoiceField(
        label=_("Bedöms barnet behöva samhällets stöd och skydd för att fullfölja det?"),
        choices=Judgement.choices,
        widget=forms.RadioSelect,
    )
    needs_support_reasons = text_field(_("Skälen för den bedömningen"), rows=3)
    assessed_on = DayField(label=_("Bedömningsdatum"))


CRITERION_STATES = [(MET, _("Uppfyllt")), (NOT_MET, _("Inte uppfyllt")), (UNCHANGED, _("Inte bedömt nu"))]


def criterion_field(criterion: str) -> str:
    return "criterion_" + criterion.replace("-", "_")


class CriteriaForm(DesignSystemForm):
    """The police's six criteria, each met, not met or left as it stood, on one day."""

    checked_on = DayField(label=_("Datum"))
    note = forms.CharField(label=_("Kommentar"), required=False, max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for criterion in PoliceCriterion:
            self.fields[criterion_field(criterion.value)] = forms.ChoiceField(
                label=criterion.label,
                choices=CRITERION_STATES,
                initial=UNCHANGED,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "ds-input"}),
            )
        self.order_fields([criterion_field(c.value) for c in PoliceCriterion] + ["checked_on", "note"])

    def states(self) -> dict[str, str]:
        return {c.value: self.cleaned_data.get(criterion_field(c.value)) or UNCHANGED for c in PoliceCriterion}


class MotivationForm(DesignSystemForm):
    stage = forms.ChoiceField(label=_("Var barnet står"), choices=MotivationStage.choices, widget=forms.RadioSelect)
    child_words = text_field(
        _("Vad barnet sa, med barnets egna ord"),
        rows=4,
        help_text=_("Citera när du kan. Skriv också om det var i ett samtal, på telefon eller på annat sätt."),
    )
    heard_on = DayField(label=_("Datum"))


class ConnectionForm(DesignSystemForm):
    """One person the child is connected to, by number, with its source; never a list of names."""

    identity_number = forms.CharField(label=_("Personens person- eller samordningsnummer"), max_length=20)
    given_name = forms.CharField(label=_("Förnamn, som källan angav"), max_length=100)
    family_name = forms.CharField(label=_("Efternamn, som källan angav"), max_length=100)
    source = forms.ChoiceField(label=_("Källa"), choices=ConnectionSource.choices, widget=forms.RadioSelect)
    source_note = forms.CharField(
        label=_("Om källan"),
        max_length=300,
        help_text=_("Till exempel: polisens lägesbild vid samverkansmötet 2026-11-20."),
    )
    expires_on = DayField(label=_("Gallras"), help_text=_("Högst ett år. Kopplingen tas bort av sig själv den dagen."))


class WithdrawForm(DesignSystemForm):
    reason = forms.CharField(label=_("Varför kopplingen tas bort"), max_length=300)


class NetworkEventForm(DesignSystemForm):
    kind = forms.ChoiceField(label=_("Vad har hänt"), choices=NetworkEventKind.choices, widget=forms.RadioSelect)
    occurred_on = DayField(label=_("När"))
    source = forms.CharField(
        label=_("Källa"), max_length=300, help_text=_("Till exempel: polisen, telefon 2026-12-01.")
    )


class WindowActForm(DesignSystemForm):
    note = text_field(_("Vad som gjordes"), rows=3, help_text=_("Till exempel: samtal med barnet samma dag."))


class PlanItemForm(DesignSystemForm):
    """A goal of the plan with its insats and, where the insats needs it, its decision and consent."""

    domain = forms.ChoiceField(label=_("Område"), choices=PlanDomain.choices)
    goal_child = text_field(_("Målet med barnets egna ord"), rows=2)
    goal_worker = text_field(_("Målet som socialtjänsten formulerar det"), rows=2)
    insats = forms.ChoiceField(label=_("Vad som bär insatsen"), choices=InsatsKind.choices, widget=forms.RadioSelect)
    description = forms.CharField(label=_("Vad som görs"), max_length=300)
    decision_id = forms.TypedChoiceField(label=_("Beslut"), coerce=int, required=False, empty_value=None)
    service_id = forms.TypedChoiceField(
        label=_("Insats i kommunens katalog"), coerce=int, required=False, empty_value=None
    )
    responsible = forms.CharField(
        label=_("Ansvarig person eller samverkanspart"), max_length=200, help_text=_("Till exempel: skolans kurator.")
    )
    starts_on = DayField(label=_("Från"))
    ends_on = DayField(label=_("Till"), required=False)
    follow_up_on = DayField(label=_("Följs upp senast"))
    guardian_ids = forms.TypedMultipleChoiceField(
        label=_("Vårdnadshavare som samtycker"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    child_consents = forms.BooleanField(label=_("Barnet samtycker"), required=False)
    consent_how = forms.CharField(
        label=_("Hur samtycket lämnades"),
        max_length=200,
        required=False,
        help_text=_("Till exempel: muntligt vid mötet."),
    )
    suitable_reasons = text_field(
        _("Om inte alla vårdnadshavare samtycker: varför insatsen är lämplig ändå (barn som fyllt 12 år)"),
        required=False,
        rows=3,
    )

    def __init__(
        self, *args: Any, custodians: dict[int, str], decisions: list[Any], services: list[Any], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service_id"].choices = [  # type: ignore[attr-defined]
            ("", _("Ingen insats ur katalogen")),
            *((s.pk, f"{s.name} ({s.provider})") for s in services),
        ]
        self.fields["guardian_ids"].choices = list(custodians.items())  # type: ignore[attr-defined]
        self.fields["guardian_ids"].widget.attrs["class"] = "ds-input"
        self.fields["decision_id"].choices = [  # type: ignore[attr-defined]
            ("", _("Inget beslut")),
            *((d.pk, f"{d.get_kind_display()} {d.decided_on:%Y-%m-%d}") for d in decisions),
        ]


class ConsentWithdrawForm(DesignSystemForm):
    withdrawn_on = DayField(label=_("Återkallat"))


def review_field(item_id: int) -> str:
    return f"review_{item_id}"


class FollowUpForm(DesignSystemForm):
    """A follow-up meeting: the child's view, and every running goal's status and how it has gone."""

    held_on = DayField(label=_("Mötesdatum"))
    child_view = text_field(_("Barnets syn, med barnets egna ord"), rows=3)

    def __init__(self, *args: Any, items: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"{review_field(item.pk)}_status"] = forms.ChoiceField(
                label=_("Status: %(goal)s") % {"goal": item.description},
                choices=ItemStatus.choices,
                initial=item.status,
            )
            self.fields[review_field(item.pk)] = text_field(
                _("Hur det har gått: %(goal)s") % {"goal": item.description}, rows=2, required=False
            )
            for name in (f"{review_field(item.pk)}_status", review_field(item.pk)):
                self.fields[name].widget.attrs["class"] = "ds-input"

    def reviews(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {
            item.pk: (data.get(f"{review_field(item.pk)}_status") or "", data.get(review_field(item.pk)) or "")
            for item in self.items
        }
