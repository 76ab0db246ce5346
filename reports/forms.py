"""The period of a report."""

from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from access.forms import LogQuestionForm
from reports.delegation import MAX_PERIOD_DAYS
from web.forms import DayField, DesignSystemForm


def _last_month() -> tuple[date, date]:
    first_of_this = timezone.localdate().replace(day=1)
    last = first_of_this - timedelta(days=1)
    return last.replace(day=1), last


class DelegationReportForm(DesignSystemForm):
    """The period of a report of decisions under delegation: last calendar month unless chosen."""

    first_day = DayField(label=_("Från och med"), initial=lambda: _last_month()[0])
    last_day = DayField(label=_("Till och med"), initial=lambda: _last_month()[1])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("Perioden måste sluta samma dag eller efter att den börjar."))
        elif first and last and (last - first).days >= MAX_PERIOD_DAYS:
            self.add_error("last_day", _("En rapport kan omfatta högst ett år."))
        return data


class LogExtractForm(LogQuestionForm):
    """A log question for a file: the same question as the log page's, without the sample's number."""

    seed = None  # type: ignore[assignment]  # Django's way of leaving out a parent form's field


class OutcomesNarrowingForm(DesignSystemForm):
    """Which children the outcomes report counts: all, or those who entered in a period, of an age at entry."""

    entered_from = DayField(label=_("Start från och med"), required=False)
    entered_to = DayField(label=_("Start till och med"), required=False)
    age_band = forms.ChoiceField(
        label=_("Ålder vid start"),
        required=False,
        choices=[
            ("", _("Alla åldrar")),
            ("under-12", _("Under 12 år")),
            ("12-14", _("12–14 år")),
            ("15-17", _("15–17 år")),
            ("18-21", _("18–21 år")),
        ],
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("entered_from"), data.get("entered_to")
        if first and last and last < first:
            self.add_error("entered_to", _("Perioden måste sluta samma dag eller efter att den börjar."))
        return data
