"""The meeting form and the form for one case's item from a meeting. Every field is optional here so that
the service, which decides what is allowed, answers every problem at once."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from collaboration.meetings import ItemInput, MeetingInput
from collaboration.models import MeetingItem, MeetingKind
from people.models import Person
from web.forms import DayField, DesignSystemForm, text_field


class MeetingForm(DesignSystemForm):
    kind = forms.ChoiceField(
        label=_("Sorts möte"), required=False, widget=forms.RadioSelect, choices=MeetingKind.choices
    )
    held_on = DayField(label=_("Dag"), required=False)
    title = forms.CharField(
        label=_("Rubrik"),
        required=False,
        max_length=200,
        help_text=_("I allmänna ordalag, till exempel: Bob-råd december, område Norr. Inga barns namn."),
    )
    participants = text_field(
        _("Deltagare"),
        required=False,
        rows=3,
        help_text=_(
            "Organisationer och roller, till exempel: polisen (lokalpolisområde Norr), skolan (rektor), "
            "socialtjänsten (två socialsekreterare). Aldrig barnens namn: de skrivs in i varje barns ärende."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs |= {"class": "ds-input", "autocomplete": "off"}


def meeting_input(data: dict[str, Any]) -> MeetingInput:
    return MeetingInput(
        kind=data["kind"], held_on=data["held_on"], title=data["title"], participants=data["participants"]
    )


class MeetingItemForm(DesignSystemForm):
    discussed = text_field(_("Vad som togs upp om barnet"), required=False, rows=4)
    decided = text_field(_("Vad som beslutades eller erbjöds"), required=False, rows=3)
    invited = forms.MultipleChoiceField(
        label=_("Kallade"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vid Custom under 18: barnet och vårdnadshavarna som kallades."),
    )
    came = forms.MultipleChoiceField(label=_("Kom till mötet"), required=False, widget=forms.CheckboxSelectMultiple)
    child_said = text_field(_("Vad barnet sa"), required=False, rows=3, help_text=_("Med barnets egna ord."))
    guardians_said = text_field(_("Vad vårdnadshavarna sa"), required=False, rows=3)
    follow_up_on = DayField(label=_("Uppföljning (valfritt)"), required=False)

    def __init__(self, *args: Any, persons: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        child, *relatives = persons
        choices = [
            (str(child.public_id), _("Barnet: %(name)s") % {"name": child}),
            *((str(p.public_id), str(p)) for p in relatives),
        ]
        self.fields["invited"].choices = choices  # type: ignore[attr-defined]
        self.fields["came"].choices = choices  # type: ignore[attr-defined]
        for field in self.fields.values():
            field.widget.attrs |= {"class": "ds-input", "autocomplete": "off"}


def item_input(data: dict[str, Any], *, corrects: MeetingItem | None = None) -> ItemInput:
    return ItemInput(
        discussed=data["discussed"],
        decided=data["decided"],
        invited=frozenset(data["invited"]),
        came=frozenset(data["came"]),
        child_said=data["child_said"],
        guardians_said=data["guardians_said"],
        follow_up_on=data["follow_up_on"],
        corrects=str(corrects.public_id) if corrects else "",
    )


def item_initial(original: MeetingItem) -> dict[str, Any]:
    """A correction starts from what the corrected item said."""
    attendance = list(original.attendance.all())
    return {
        "discussed": original.discussed,
        "decided": original.decided,
        "invited": [str(a.person.public_id) for a in attendance],
        "came": [str(a.person.public_id) for a in attendance if a.came],
        "child_said": original.child_said,
        "guardians_said": original.guardians_said,
        "follow_up_on": original.follow_up_on,
    }
