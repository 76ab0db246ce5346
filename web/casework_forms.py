"""Forms for the work in a case. They parse and bound input; the services decide what is allowed."""

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import ClosureOutcome, ClosureReason
from delegation.models import DecisionKind
from intake.models import TEXT_LIMIT, PreliminaryDecision, ProtectionOutcome, ReporterType, SignalKind
from investigations.models import ChildParticipation, InvestigationOutcome
from reports.delegation import MAX_PERIOD_DAYS
from web.forms import DesignSystemForm

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def _text(
    label: "StrOrPromise", *, required: bool = True, rows: int = 5, help_text: "StrOrPromise" = ""
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=TEXT_LIMIT,
        strip=False,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


class SignalForm(DesignSystemForm):
    kind = forms.ChoiceField(label=_("Hur barnet blev känt"), choices=SignalKind.choices)
    received_at = forms.DateTimeField(
        label=_("Kom in till socialtjänsten"),
        widget=DateTimeInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("Datum och klockslag då uppgiften kom in. Alla tidsfrister räknas härifrån."),
    )
    identity_number = forms.CharField(
        label=_("Barnets personnummer eller samordningsnummer"),
        required=False,
        max_length=20,
        help_text=_("ÅÅÅÅMMDD-NNNN. Lämna tomt om det inte är känt."),
    )
    given_name = forms.CharField(label=_("Barnets förnamn"), required=False, max_length=100)
    family_name = forms.CharField(label=_("Barnets efternamn"), required=False, max_length=100)
    birth_date = forms.DateField(
        label=_("Födelsedatum"),
        required=False,
        widget=DateInput(),
        help_text=_("Behövs bara när personnumret inte är känt."),
    )
    not_a_duplicate = forms.BooleanField(
        label=_("Jag har kontrollerat: det är ett annat barn än det som redan finns"), required=False
    )
    reporter_type = forms.ChoiceField(label=_("Anmälare"), choices=ReporterType.choices)
    reporter_organisation = forms.CharField(label=_("Anmälarens organisation"), required=False, max_length=200)
    reporter_name = forms.CharField(label=_("Anmälarens namn"), required=False, max_length=200)
    reporter_contact = forms.CharField(label=_("Anmälarens telefon eller e-post"), required=False, max_length=400)
    feedback_requested = forms.BooleanField(label=_("Anmälaren vill ha återkoppling"), required=False)
    content = _text(_("Vad uppgiften gäller"), rows=8)


class ProtectionAssessmentForm(DesignSystemForm):
    outcome = forms.ChoiceField(label=_("Bedömning"), choices=ProtectionOutcome.choices, widget=forms.RadioSelect)
    reasoning = _text(_("Motivering"))
    measures = _text(_("Skyddsåtgärder som vidtas nu"), required=False, rows=3)


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
    decided_on = forms.DateField(label=_("Beslutsdatum"), widget=DateInput())
    reasons = _text(_("Skäl"))
    child_heard = forms.BooleanField(label=_("Barnet har fått komma till tals"), required=False)
    child_heard_how = _text(_("Hur barnet har hörts, eller varför inte"), rows=3)
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
    new_due_on = forms.DateField(label=_("Nytt sista datum"), widget=DateInput())
    reason = _text(_("Synnerliga skäl"), rows=3)


class InvestigationOpenForm(DesignSystemForm):
    question = forms.CharField(label=_("Vad utredningen ska gälla"), max_length=300)
    opened_on = forms.DateField(label=_("Inledd"), widget=DateInput())
    new_question_reason = _text(
        _("Om en utredning nyss avslutats: varför detta är en ny fråga"),
        required=False,
        rows=3,
        help_text=_("Lämna tomt om det är samma fråga; då gäller den tidigare utredningens tidsfrist."),
    )


class ParticipationForm(DesignSystemForm):
    participation = forms.ChoiceField(
        label=_("Barnets delaktighet"), choices=ChildParticipation.choices, widget=forms.RadioSelect
    )
    views = _text(_("Barnets åsikter, eller varför de saknas och hur barnets inställning annars klarlagts"))
    read_and_commented = forms.BooleanField(
        label=_("Barnet (15 år eller äldre) har läst utredningen och fått kommentera den"), required=False
    )


class InvestigationCompleteForm(DesignSystemForm):
    outcome = forms.ChoiceField(label=_("Utfall"), choices=InvestigationOutcome.choices)
    completed_on = forms.DateField(label=_("Avslutad"), widget=DateInput())
    summary = _text(_("Sammanfattning och bedömning"), rows=8)


class DecisionKindForm(DesignSystemForm):
    kind = forms.ChoiceField(label=_("Beslutstyp"), choices=DecisionKind.choices)


# Kinds whose clocks run from the day the decision was carried out (LVU 8 § and 13 §).
EXECUTED_KINDS = frozenset({DecisionKind.LVU_IMMEDIATE_CUSTODY, DecisionKind.LVU_CARE_STARTED})


class DecisionForm(DesignSystemForm):
    """Legal bases and delegation items are offered for the chosen kind, as in force on the day."""

    kind = forms.ChoiceField(choices=DecisionKind.choices, widget=forms.HiddenInput)
    legal_basis = forms.TypedChoiceField(label=_("Lagrum"), coerce=int, empty_value=None)
    delegation = forms.TypedChoiceField(label=_("Punkt i delegationsordningen"), coerce=int, empty_value=None)
    decided_by_name = forms.CharField(label=_("Beslutsfattare"), max_length=200)
    decided_on = forms.DateField(label=_("Beslutsdatum"), widget=DateInput())
    executed_on = forms.DateField(
        label=_("Verkställt"), required=False, widget=DateInput(), help_text=_("När beslutet verkställdes.")
    )
    reasons = _text(_("Skäl för beslutet"), rows=6)
    appeal_information = _text(
        _("Hur man överklagar"), required=False, rows=3, help_text=_("Lämna tomt för standardtexten för beslutstypen.")
    )
    investigation = forms.TypedChoiceField(label=_("Utredning"), required=False, coerce=str)
    new_due_on = forms.DateField(label=_("Nytt sista datum för utredningen"), required=False, widget=DateInput())

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


class CloseCaseForm(DesignSystemForm):
    reason = forms.ChoiceField(label=_("Skäl till avslut"), choices=[("", _("Välj")), *ClosureReason.choices])
    outcome = forms.ChoiceField(label=_("Utfall"), choices=[("", _("Välj")), *ClosureOutcome.choices])


class JournalDraftForm(DesignSystemForm):
    body = _text(_("Anteckning"), rows=10)
    event_date = forms.DateField(label=_("Händelsedatum"), required=False, widget=DateInput())
    entry = forms.UUIDField(required=False, widget=forms.HiddenInput)
    corrects = forms.UUIDField(required=False, widget=forms.HiddenInput)


def _last_month() -> tuple[date, date]:
    first_of_this = timezone.localdate().replace(day=1)
    last = first_of_this - timedelta(days=1)
    return last.replace(day=1), last


class DelegationReportForm(DesignSystemForm):
    """The period of a report of decisions under delegation: last calendar month unless chosen."""

    first_day = forms.DateField(
        label=_("Från och med"), initial=lambda: _last_month()[0], widget=DateInput(), input_formats=["%Y-%m-%d"]
    )
    last_day = forms.DateField(
        label=_("Till och med"), initial=lambda: _last_month()[1], widget=DateInput(), input_formats=["%Y-%m-%d"]
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("Perioden måste sluta samma dag eller efter att den börjar."))
        elif first and last and (last - first).days >= MAX_PERIOD_DAYS:
            self.add_error("last_day", _("En rapport kan omfatta högst ett år."))
        return data
