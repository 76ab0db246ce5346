"""The threat picture's form. The service decides what is allowed; the review date and the levels are
left to it, so that a picture without them is refused there and the attempt is in the log."""

import re
from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from people.models import Relation
from protection.threat import GENERAL_LIMIT, ThreatenedInput
from protection.threat_models import ThreatLevel, ThreatSource
from web.forms import DayField, DesignSystemForm, text_field

NOT_THREATENED = ""
LEVELS = [(NOT_THREATENED, _("Inte hotad")), *ThreatLevel.choices]
CHILD = "child"
_POSTED = re.compile(r"^level_r(\d{1,12})$")


class ThreatForm(DesignSystemForm):
    assessed_on = DayField(label=_("Bedömd"))
    with_police = forms.BooleanField(label=_("Gjord tillsammans med polisen"), required=False)
    source = forms.ChoiceField(label=_("Källa"), choices=ThreatSource.choices, widget=forms.RadioSelect)
    source_note = forms.CharField(
        label=_("Om källan"),
        max_length=GENERAL_LIMIT,
        help_text=_("Till exempel: polisens hotbedömning vid samverkansmötet 2026-11-20."),
    )
    threatened_by = forms.CharField(
        label=_("Hotet kommer från (allmänt hållet)"),
        max_length=GENERAL_LIMIT,
        help_text=_("I allmänna termer, till exempel: ett kriminellt nätverk i barnets område. Inga namn."),
    )
    review_on = DayField(
        label=_("Ses över senast"), required=False, help_text=_("Efter bedömningsdagen och inom sex månader.")
    )

    def __init__(self, *args: Any, relation_ids: list[int], **kwargs: Any) -> None:
        """`relation_ids`: the relatives the form was posted with (none for a new form); the service
        refuses any the recorder may not see. `name_persons` labels them once the case is read."""
        super().__init__(*args, **kwargs)
        self.keys: dict[str, int | None] = {}
        self._person_fields(CHILD, None)
        for pk in relation_ids:
            self._person_fields(f"r{pk}", pk)

    def _person_fields(self, key: str, relation_id: int | None) -> None:
        self.keys[key] = relation_id
        self.fields[f"level_{key}"] = forms.ChoiceField(
            choices=LEVELS,
            initial=NOT_THREATENED,
            required=False,
            widget=forms.RadioSelect(attrs={"class": "ds-input"}),
        )
        self.fields[f"note_{key}"] = text_field("", required=False, rows=2)
        self.fields[f"note_{key}"].widget.attrs["class"] = "ds-input"

    def name_persons(self, child: str, relations: list[Relation]) -> None:
        """The child and exactly the relatives offered to this reader, by name, for showing the form."""
        offered = {f"r{relation.pk}": relation for relation in relations}
        for key in [key for key in self.keys if key != CHILD and key not in offered]:
            del self.keys[key], self.fields[f"level_{key}"], self.fields[f"note_{key}"]
        for key, relation in offered.items():
            if key not in self.keys:
                self._person_fields(key, relation.pk)
        names = {CHILD: _("Barnet, %(name)s") % {"name": child}}
        names |= {key: f"{r.relative} ({r.get_kind_display().lower()})" for key, r in offered.items()}
        for key, who in names.items():
            self._label(f"level_{key}", _("%(who)s: nivå") % {"who": who})
            self._label(f"note_{key}", _("%(who)s: om hotet") % {"who": who})

    def _label(self, name: str, label: str) -> None:
        # A posted form was validated before the case was read: its bound fields took the empty label then.
        self.fields[name].label = self[name].label = label

    def threatened(self) -> tuple[ThreatenedInput, ...]:
        return tuple(
            ThreatenedInput(
                relation_id=relation_id,
                level=self.cleaned_data.get(f"level_{key}") or NOT_THREATENED,
                note=self.cleaned_data.get(f"note_{key}") or "",
            )
            for key, relation_id in self.keys.items()
        )


def posted_relations(data: Mapping[str, object]) -> list[int]:
    """The relatives a posted form names, by its field names (`level_r<id>`)."""
    return sorted({int(found[1]) for name in data if (found := _POSTED.match(name))})
