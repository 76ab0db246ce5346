"""The form for a new assessment, built from the instrument's own domains, items and scales.

The ratings are radio groups, but the form does not check them against the scale itself: the service
does, so a value outside the scale is refused with its message and the attempt reaches the access log
(`access.reads.changing_case`), whoever sent it.
"""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.forms import BoundField
from django.utils.translation import gettext_lazy as _

from assessments.models import ChildPart
from assessments.services import AnswerInput, AssessmentInput, rating_field, words_field
from assessments.structure import ItemView, Structure
from web.forms import DayField, DesignSystemForm, text_field


@dataclass(frozen=True)
class Question:
    rating: BoundField | None  # None: answered in words only
    words: BoundField


@dataclass(frozen=True)
class Section:
    area: str
    name: str
    questions: list[Question]


def _label(item: ItemView) -> str:
    if item.is_child:
        return item.item.text or item.key
    scale = item.item.scale.name.lower() if item.item.scale else ""
    return f"{item.domain.name}: {scale}" if scale else item.domain.name


class AssessmentForm(DesignSystemForm):
    assessed_on = DayField(label=_("Bedömningsdag"), required=False)
    child_part = forms.CharField(
        label=_("Barnets egen del"), required=False, widget=forms.RadioSelect(choices=ChildPart.choices)
    )
    child_part_note = text_field(
        _("Om barnets egen del"),
        required=False,
        rows=2,
        help_text=_("Krävs om barnet inte tillfrågades: skriv varför."),
    )
    corrects = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, structure: Structure, correcting: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.structure = structure
        for item in structure.items.values():
            if item.values:
                self.fields[rating_field(item.key)] = forms.CharField(
                    label=_label(item),
                    required=False,
                    help_text="" if item.is_child else item.item.text,
                    widget=forms.RadioSelect(choices=[(v.value, f"{v.value} · {v.label}") for v in item.values]),
                )
            words = _("barnets egna ord") if item.is_child else _("kommentar")
            label = _label(item) if not item.values else f"{_label(item)} – {words}"
            self.fields[words_field(item.key)] = text_field(label, required=False, rows=2)
            if item.values and not item.is_child:
                self.fields[words_field(item.key)].widget = forms.TextInput()
        if not structure.has_child_part:
            del self.fields["child_part"], self.fields["child_part_note"]
        if correcting:
            self.fields["correction_reason"] = text_field(_("Vad som rättas och varför"), rows=3)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "ds-input")
        self.order_fields(self._page_order())

    def _page_order(self) -> list[str]:
        """The fields in the order the page shows them, so the error summary lists them in that order too."""
        items = list(self.structure.items.values())
        answers = [
            [rating_field(i.key), words_field(i.key)] for child in (False, True) for i in items if i.is_child == child
        ]
        flat = [name for pair in answers for name in pair]
        split = 2 * len([i for i in items if not i.is_child])
        return [
            "assessed_on",
            "corrects",
            "correction_reason",
            *flat[:split],
            "child_part",
            "child_part_note",
            *flat[split:],
        ]

    def sections(self, *, child: bool) -> list[Section]:
        """The worker's questions or the child's, a section per domain, in the instrument's order."""
        sections = []
        for domain in self.structure.domains:
            items = [i for i in domain.items if i.is_child == child]
            if items:
                questions = [
                    Question(
                        rating=self[rating_field(i.key)] if i.values else None,
                        words=self[words_field(i.key)],
                    )
                    for i in items
                ]
                sections.append(Section(area=domain.domain.area, name=domain.domain.name, questions=questions))
        return sections

    def data_for_service(self, data: dict[str, Any]) -> AssessmentInput:
        answers = {
            key: AnswerInput(value=data.get(rating_field(key)) or "", words=data.get(words_field(key)) or "")
            for key in self.structure.items
        }
        return AssessmentInput(
            instrument_id=self.structure.instrument.pk,
            assessed_on=data.get("assessed_on"),
            answers=answers,
            child_part=data.get("child_part") or "",
            child_part_note=data.get("child_part_note") or "",
            corrects=data.get("corrects") or "",
            correction_reason=data.get("correction_reason") or "",
        )
