"""The request to move the case, and its next steps. The request's disclosure keeps the register's field
names (`recipient`, `disclosed_on`, `what`, `basis`, …) so its problems land on them."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from collaboration.forms import ToMunicipalityForm, provision_chosen
from collaboration.transfer_requests import RequestInput, Step, StepInput
from web.forms import DayField, DesignSystemForm, text_field


class TransferRequestForm(ToMunicipalityForm):
    recipient = forms.CharField(
        label=_("Kommunen som ombeds ta över ärendet, och dess enhet"),
        required=False,
        max_length=300,
        help_text=_("Till exempel: Kvarnby kommun, socialtjänsten, mottagningsgruppen."),
    )
    disclosed_on = DayField(label=_("När begäran skickades"), required=False)
    connection = text_field(
        _("Barnets anknytning till kommunen"),
        required=False,
        rows=3,
        help_text=_(
            "Varför barnet har sin starkaste anknytning där: var barnet och vårdnadshavarna bor, skola, nätverk."
        ),
    )
    wishes = text_field(_("Barnets och vårdnadshavarnas önskemål"), required=False, rows=3)
    duration = text_field(
        _("Hur länge behovet av hjälp väntas vara"),
        required=False,
        rows=2,
        help_text=_("Lagen väger in hjälpbehovets varaktighet."),
    )
    circumstances = text_field(_("Omständigheterna i övrigt (valfritt)"), required=False, rows=3)
    what = text_field(
        _("Vilka uppgifter om barnet begäran innehåller"),
        required=False,
        rows=3,
        help_text=_("Begäran är ett utlämnande till den andra kommunen och registreras i utlämnanderegistret."),
    )


def request_input(data: dict[str, Any]) -> RequestInput:
    basis, conditions, consent = provision_chosen(data)
    return RequestInput(
        municipality=data["recipient"],
        requested_on=data["disclosed_on"],
        connection=data["connection"],
        wishes=data["wishes"],
        duration=data["duration"],
        circumstances=data["circumstances"],
        what=data["what"],
        basis=basis,
        conditions=conditions,
        assessment=data["assessment"],
        consent=consent,
    )


YES_NO = [("yes", _("Ja")), ("no", _("Nej"))]


class StepForm(DesignSystemForm):
    """One step (named by its form's button, and its fields' prefix, since two may be offered at once): the
    day, and for the answer and IVO's decision whether the case moves, with a note."""

    day = DayField(label=_("Dag"), required=False)
    agreed = forms.ChoiceField(
        label=_("Flyttas ärendet över?"), required=False, widget=forms.RadioSelect, choices=YES_NO
    )
    note = text_field(_("Vad som skrevs (valfritt)"), required=False, rows=2)

    def __init__(self, *args: Any, step: Step, **kwargs: Any) -> None:
        super().__init__(*args, prefix=step.value, **kwargs)
        self.step = step
        if step == Step.ANSWER:
            self.fields["day"].label = _("När den andra kommunens svar kom")
            self.fields["agreed"].label = _("Tar kommunen över ärendet?")
            self.fields["note"].label = _("Vad kommunen skrev (valfritt)")
        elif step == Step.IVO:
            self.fields["day"].label = _("När ansökan skickades till IVO")
            del self.fields["agreed"], self.fields["note"]
        else:
            self.fields["day"].label = _("När IVO beslutade")
            self.fields["agreed"].label = _("Beslutade IVO att ärendet ska flyttas över?")
            self.fields["note"].label = _("Om beslutet (valfritt)")


def step_input(step: Step, data: dict[str, Any]) -> StepInput:
    agreed = {"yes": True, "no": False}.get(data.get("agreed") or "")
    return StepInput(step=step, day=data["day"], agreed=agreed, note=data.get("note") or "")
