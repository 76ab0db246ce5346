from datetime import date
from typing import Any

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from catalogue.models import AgeBand, ServiceKind
from web.forms import DayField, DesignSystemForm


class ServiceForm(DesignSystemForm):
    key = forms.SlugField(
        label=_("Kortnamn"), max_length=40, help_text=_("Små bokstäver och bindestreck, till exempel oppenvard.")
    )
    name = forms.CharField(label=_("Namn"), max_length=120)
    kind = forms.ChoiceField(label=_("Slag av insats"), choices=ServiceKind.choices)
    description = forms.CharField(label=_("Beskrivning"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))
    provider = forms.CharField(label=_("Utförare"), max_length=200)
    by_partner = forms.BooleanField(label=_("Utförs av en samverkanspart"), required=False)
    target_group = forms.CharField(label=_("Vem insatsen är till för"), max_length=300)
    min_age = forms.IntegerField(label=_("Från ålder"), min_value=0, max_value=120, required=False)
    max_age = forms.IntegerField(label=_("Till och med ålder"), min_value=0, max_value=120, required=False)
    hours = forms.CharField(label=_("När den finns"), max_length=200, required=False)
    on_call = forms.BooleanField(label=_("Beredskap kvällar och helger"), required=False)
    without_assessment = forms.BooleanField(
        label=_("Ges utan individuell behovsprövning"),
        required=False,
        help_text=_("Räknas då bara som antal, aldrig knutet till en person (11 kap. 5 § och 14 kap. 5 § SoL)."),
    )
    committee_decision = forms.CharField(
        label=_("Nämndens beslut"), max_length=100, required=False, help_text=_("Diarienummer och datum.")
    )
    capacity = forms.IntegerField(label=_("Platser"), min_value=0, max_value=100000, required=False)
    ivo_permit = forms.CharField(label=_("IVO-tillstånd"), max_length=60, required=False)
    valid_from = DayField(label=_("Erbjuds från"))
    valid_to = DayField(label=_("Erbjuds till och med"), required=False)

    def __init__(self, *args: Any, changing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if changing:
            del self.fields["key"]


def countable_months(today: date, back: int) -> list[tuple[str, str]]:
    months = []
    index = today.year * 12 + today.month - 1
    for step in range(back + 1):
        year, month = divmod(index - step, 12)
        day = date(year, month + 1, 1)
        months.append((day.isoformat(), formats.date_format(day, "YEAR_MONTH_FORMAT")))
    return months


class CountForm(DesignSystemForm):
    month = forms.TypedChoiceField(label=_("Månad"), coerce=date.fromisoformat)
    age_band = forms.ChoiceField(label=_("Ålder"), choices=AgeBand.choices, widget=forms.RadioSelect)
    count = forms.IntegerField(label=_("Antal"), min_value=1, max_value=100000)

    def __init__(self, *args: Any, months: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = months  # type: ignore[attr-defined]


class CorrectForm(DesignSystemForm):
    count = forms.IntegerField(label=_("Rätt antal"), min_value=0, max_value=100000)
