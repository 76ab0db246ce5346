"""The outcome form: the occasion, the day and source, the child's own words, and one input per field in
use, built from the field definitions and asked in fieldsets by their group. The service decides."""

from typing import Any

from django import forms
from django.forms import BoundField
from django.utils.translation import gettext_lazy as _

from programme.outcome_models import COUNT_LIMIT, SCALES, SHORT_TEXT, FieldKind, OutcomeField, OutcomeSource
from programme.outcome_selectors import OccasionRow
from programme.outcomes import Value, value_field
from web.forms import DayField, DesignSystemForm, text_field

GROUPS = {
    "crime": _("Brott, hot och skydd"),
    "school": _("Skola"),
    "occupation": _("Sysselsättning"),
    "housing": _("Boende"),
    "health": _("Hälsa och ekonomi"),
    "ending": _("Avbrott"),
    "own": _("Barnets egen skattning"),
}
UNKNOWN = ("", _("Inte känt"))
YES_NO = [("yes", _("Ja")), ("no", _("Nej")), UNKNOWN]


def _input(definition: OutcomeField) -> forms.Field:
    label, help_text, kind = definition.label, definition.help, definition.kind
    common: dict[str, Any] = {"label": label, "help_text": help_text, "required": False}
    if kind == FieldKind.YES_NO:
        return forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **common)
    if kind == FieldKind.COUNT:
        return forms.IntegerField(min_value=0, max_value=COUNT_LIMIT, **common)
    if kind == FieldKind.DATE:
        return DayField(**common)
    if kind == FieldKind.CHOICE:
        return forms.ChoiceField(choices=[*definition.coded(), UNKNOWN], widget=forms.RadioSelect, **common)
    if kind in SCALES:
        return forms.TypedChoiceField(
            choices=[*((n, str(n)) for n in SCALES[kind]), UNKNOWN],
            coerce=int,
            empty_value=None,
            widget=forms.RadioSelect,
            **common,
        )
    return forms.CharField(max_length=SHORT_TEXT, **common)


class OutcomeForm(DesignSystemForm):
    occasion = forms.ChoiceField(label=_("Tillfälle"), widget=forms.RadioSelect)
    recorded_on = DayField(label=_("Uppgifterna gäller"), help_text=_("Dagen uppgifterna samlades in."))
    source = forms.ChoiceField(
        label=_("Varifrån uppgifterna främst kommer"), choices=OutcomeSource.choices, widget=forms.RadioSelect
    )
    child_words = text_field(
        _("Barnets egna ord om trygghet och mående"),
        rows=3,
        help_text=_("Så nära barnets egna ord som möjligt. Om barnet inte gick att nå: skriv varför."),
    )
    corrects = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, occasions: list[OccasionRow], fields: list[OutcomeField], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["occasion"].choices = [  # type: ignore[attr-defined]
            (row.due.occasion.value, f"{row.due.occasion.label} ({row.due.due_on:%Y-%m-%d})") for row in occasions
        ]
        self.definitions = fields
        for definition in fields:
            self.fields[value_field(definition.key)] = _input(definition)
            self.fields[value_field(definition.key)].widget.attrs["class"] = "ds-input"

    def top(self) -> list[BoundField]:
        return [self[name] for name in ("occasion", "recorded_on", "source", "child_words")]

    def groups(self) -> list[tuple[str, list[BoundField]]]:
        """The fields in use, in fieldsets by group, in the order the first of each group comes."""
        grouped: dict[str, list[BoundField]] = {}
        for definition in self.definitions:
            grouped.setdefault(definition.group, []).append(self[value_field(definition.key)])
        return [(str(GROUPS.get(group, group)), bound) for group, bound in grouped.items()]

    def values(self) -> dict[str, Value]:
        data = self.cleaned_data
        values: dict[str, Value] = {}
        for definition in self.definitions:
            value = data.get(value_field(definition.key))
            if definition.kind == FieldKind.YES_NO:
                value = {"yes": True, "no": False}.get(value or "")
            values[definition.key] = value
        return values
