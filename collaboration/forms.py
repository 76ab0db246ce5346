"""The disclosure form, and the consent ledger's forms. Nearly every field is optional here so that the
service, which decides what is allowed, answers every problem at once; each provision's checklist is its
own group of boxes, and a disclosure on consent names its consent."""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from collaboration import bases, consent_rules
from collaboration.consents import ConsentInput
from collaboration.disclosures import DisclosureInput
from collaboration.incoming import INFORMATION, TRANSFER, AbsenceInput, ChildInput, IncomingInput
from collaboration.models import (
    AbsenceUnit,
    Channel,
    ConsentForm,
    Disclosure,
    IncomingChannel,
    IncomingInformation,
    MeetingItem,
    PartnerConsent,
    RecipientKind,
    TransferReason,
)
from collaboration.transfers import TransferInput
from intake.forms import ChildFields
from people.models import Person
from web.forms import DayField, DesignSystemForm, MomentField, text_field


class DisclosureForm(DesignSystemForm):
    person = forms.ChoiceField(label=_("Vem uppgifterna gällde"), required=False, widget=forms.RadioSelect)
    disclosed_on = DayField(label=_("När uppgiften lämnades ut"), required=False)
    recipient_kind = forms.ChoiceField(
        label=_("Mottagare"), required=False, widget=forms.RadioSelect, choices=RecipientKind.choices
    )
    recipient = forms.CharField(
        label=_("Mottagarens namn och enhet"),
        required=False,
        max_length=300,
        help_text=_("Till exempel: Polisen, lokalpolisområde Norr, Anna Svensson."),
    )
    channel = forms.ChoiceField(label=_("Hur"), required=False, widget=forms.RadioSelect, choices=Channel.choices)
    what = text_field(
        _("Vilka uppgifter som lämnades ut"),
        required=False,
        rows=4,
        help_text=_("Exakt vad som sades eller skickades."),
    )
    basis = forms.ChoiceField(
        label=_("Lagrum"),
        required=False,
        widget=forms.RadioSelect,
        choices=[*((b.choice, b.label) for b in bases.BASES.values()), (bases.CONSENT, bases.CONSENT_LABEL)],
        help_text=_(
            "Ett utlämnande med samtycke vilar på ett samtycke i samtyckesregistret: välj det nedan. Det ska "
            "gälla personen och den sortens mottagare den dag uppgiften lämnades."
        ),
    )
    consent = forms.ChoiceField(
        label=_("Samtycket utlämnandet vilar på"),
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Bara om du har valt samtycke som lagrum."),
    )
    assessment = text_field(
        _("Sekretessprövningen"),
        required=False,
        rows=4,
        help_text=_("Din prövning: varför uppgiften fick lämnas ut trots sekretessen."),
    )

    def __init__(self, *args: Any, persons: list[Person], consents: list[PartnerConsent], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        child, *relatives = persons
        self.fields["person"].choices = [  # type: ignore[attr-defined]
            (str(child.public_id), _("Barnet: %(name)s") % {"name": child}),
            *((str(p.public_id), str(p)) for p in relatives),
        ]
        provision_fields(self, bases.BASES.values(), consents)
        styled(self)


def provision_fields(form: forms.Form, offered: Iterable[bases.Basis], consents: list[PartnerConsent]) -> None:
    """What a disclosure rests on, as every form that makes one asks it: the consents the case has, each
    offered provision's checklist, then the consent and the secrecy assessment after them."""
    form.fields["consent"].choices = [(str(c.public_id), consent_label(c)) for c in consents]  # type: ignore[attr-defined]
    if not consents:
        form.fields["consent"].help_text = _(
            "Inget samtycke är registrerat i ärendet. Registrera samtycket i samtyckesregistret först."
        )
    form.fields["basis"] = form.fields.pop("basis")  # the provision, then its checklists, wherever declared
    for basis in offered:
        form.fields[basis.field] = forms.MultipleChoiceField(
            label=_("Villkor i %(basis)s") % {"basis": basis.label},
            required=False,
            widget=forms.CheckboxSelectMultiple,
            choices=[(c.key, c.text) for c in basis.conditions],
            help_text=_("Bekräfta vart och ett, om du har valt det lagrummet."),
        )
    form.fields["consent"] = form.fields.pop("consent")
    form.fields["assessment"] = form.fields.pop("assessment")


def disclosure_input(
    data: dict[str, Any], *, corrects: Disclosure | None = None, meeting_item: MeetingItem | None = None
) -> DisclosureInput:
    """The service's input from the form: the chosen provision's confirmed conditions alone."""
    basis, conditions, consent = provision_chosen(data)
    return DisclosureInput(
        person=data["person"],
        disclosed_on=data["disclosed_on"],
        recipient_kind=data["recipient_kind"],
        recipient=data["recipient"],
        channel=data["channel"],
        what=data["what"],
        basis=basis,
        conditions=conditions,
        assessment=data["assessment"],
        corrects=str(corrects.public_id) if corrects else "",
        consent=consent,
        meeting_item=str(meeting_item.public_id) if meeting_item else "",
    )


def initial_from(original: Disclosure) -> dict[str, Any]:
    """A correction starts from what the corrected disclosure said."""
    choice = next((b.choice for b in bases.BASES.values() if b.key == original.legal_basis.key), "")
    if original.on_consent:
        choice = bases.CONSENT
    initial: dict[str, Any] = {
        "person": str(original.person.public_id),
        "disclosed_on": original.disclosed_on,
        "recipient_kind": original.recipient_kind,
        "recipient": original.recipient,
        "channel": original.channel,
        "what": original.what,
        "basis": choice,
        "assessment": original.assessment,
        "consent": str(original.consent.public_id) if original.consent else "",
    }
    if choice in bases.BASES:
        initial[bases.BASES[choice].field] = list(original.conditions)
    return initial


def consent_label(consent: PartnerConsent) -> str:
    """A consent as the disclosure form offers it: about whom, to whom, given when and by whom."""
    words = _("%(person)s till %(kind)s (%(partner)s), lämnat %(given)s av %(by)s") % {
        "person": consent.person,
        "kind": consent.get_partner_kind_display(),
        "partner": consent.partner,
        "given": consent.given_on.isoformat(),
        "by": consent.given_by,
    }
    if consent.valid_until:
        words += ", " + _("gäller till och med %(day)s") % {"day": consent.valid_until.isoformat()}
    if consent.withdrawn_on:
        words += ", " + _("återkallat %(day)s") % {"day": consent.withdrawn_on.isoformat()}
    return str(words)


class PartnerConsentForm(DesignSystemForm):
    person = forms.ChoiceField(label=_("Vem samtycket gäller"), required=False, widget=forms.RadioSelect)
    partner_kind = forms.ChoiceField(
        label=_("Samverkanspartner"), required=False, widget=forms.RadioSelect, choices=RecipientKind.choices
    )
    partner = forms.CharField(
        label=_("Partnerns namn och enhet"),
        required=False,
        max_length=300,
        help_text=_("Till exempel: Kvarnskolan, elevhälsan."),
    )
    covers = text_field(
        _("Vilka uppgifter samtycket omfattar"),
        required=False,
        rows=3,
        help_text=_("Så som den som samtyckte sa det: vilka uppgifter, och vilka inte."),
    )
    purpose = text_field(_("För vilket syfte"), required=False, rows=3)
    given_by = forms.ChoiceField(
        label=_("Vem lämnade samtycket"),
        required=False,
        widget=forms.RadioSelect,
    )
    given_on = DayField(label=_("När samtycket lämnades"), required=False)
    form = forms.ChoiceField(
        label=_("Hur samtycket lämnades"), required=False, widget=forms.RadioSelect, choices=ConsentForm.choices
    )
    form_note = forms.CharField(
        label=_("Anteckning om hur"),
        required=False,
        max_length=300,
        help_text=_("Till exempel: vid samtal på kontoret, blanketten skannad till akten."),
    )
    valid_until = DayField(
        label=_("Gäller till och med (valfritt)"),
        required=False,
        help_text=_("Lämna tomt om samtycket gäller tills det återkallas."),
    )

    def __init__(self, *args: Any, persons: list[Person], givers: list[Person], child: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [  # type: ignore[attr-defined]
            (str(p.public_id), _("Barnet: %(name)s") % {"name": p} if p.pk == child.pk else str(p)) for p in persons
        ]
        self.fields["given_by"].choices = [  # type: ignore[attr-defined]
            (str(p.public_id), _("Barnet: %(name)s") % {"name": p} if p.pk == child.pk else str(p)) for p in givers
        ]
        self.fields["given_by"].help_text = _(
            "Personen själv, eller för barnet en vårdnadshavare med vårdnad. Vems samtycke ett utlämnande kräver "
            "beror på barnets ålder den dagen: från %(own)d år barnet självt, från %(joint)d år både barnet och "
            "varje vårdnadshavare med vårdnad, yngre än så varje vårdnadshavare med vårdnad."
        ) % {"own": consent_rules.OWN_DECISION_AGE, "joint": consent_rules.JOINT_AGE}
        for field in self.fields.values():
            field.widget.attrs |= {"class": "ds-input", "autocomplete": "off"}


def consent_input(data: dict[str, Any]) -> ConsentInput:
    return ConsentInput(
        person=data["person"],
        partner_kind=data["partner_kind"],
        partner=data["partner"],
        covers=data["covers"],
        purpose=data["purpose"],
        given_by=data["given_by"],
        given_on=data["given_on"],
        form=data["form"],
        form_note=data["form_note"],
        valid_until=data["valid_until"],
    )


class WithdrawForm(DesignSystemForm):
    withdrawn_on = DayField(label=_("När samtycket återkallades"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs |= {"class": "ds-input", "autocomplete": "off"}


def styled(form: forms.Form) -> None:
    for field in form.fields.values():
        field.widget.attrs |= {"class": "ds-input", "autocomplete": "off"}


class IncomingForm(DesignSystemForm):
    """Information from a partner on the case: every field optional here, the service checks them all."""

    source_kind = forms.ChoiceField(
        label=_("Från"), required=False, widget=forms.RadioSelect, choices=RecipientKind.choices
    )
    sender = forms.CharField(
        label=_("Avsändarens namn och enhet"),
        required=False,
        max_length=300,
        help_text=_("Till exempel: Kvarnskolan, rektor Eva Lind."),
    )
    received_at = MomentField(
        label=_("När uppgifterna kom in"), required=False, help_text=_("Datum och klockslag (ÅÅÅÅ-MM-DD TT:MM).")
    )
    channel = forms.ChoiceField(
        label=_("Hur uppgifterna kom in"), required=False, widget=forms.RadioSelect, choices=IncomingChannel.choices
    )
    content = text_field(
        _("Vad uppgifterna säger"),
        required=False,
        rows=6,
        help_text=_("För en frånvarorapport från skolan: valfritt, till exempel skolans kommentar."),
    )
    absence_from = DayField(
        label=_("Frånvarorapporten gäller från"),
        required=False,
        help_text=_("Bara för en frånvarorapport från skolan: fyll i perioden och frånvaron, annars inget av dem."),
    )
    absence_to = DayField(label=_("Frånvarorapporten gäller till och med"), required=False)
    absence_unit = forms.ChoiceField(
        label=_("Frånvaron räknas i"), required=False, widget=forms.RadioSelect, choices=AbsenceUnit.choices
    )
    absence_total = forms.IntegerField(label=_("Frånvaro under perioden"), required=False)
    absence_unauthorised = forms.IntegerField(
        label=_("Varav ogiltig frånvaro"),
        required=False,
        help_text=_("Den del av frånvaron som skolan inte har godkänt. 0 om ingen."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        styled(self)

    @property
    def absence_fields(self) -> list[forms.BoundField]:
        """The absence report's fields, shown under their own heading after the rest."""
        return [self[name] for name in ABSENCE_FIELDS]

    @property
    def other_fields(self) -> list[forms.BoundField]:
        return [field for field in self.visible_fields() if field.name not in ABSENCE_FIELDS]


class IncomingCorrectionForm(IncomingForm):
    """A correction: the corrected row's fields to put right, and why."""

    reason = text_field(
        _("Varför uppgiften rättas"),
        required=False,
        rows=3,
        help_text=_("Vad som var fel, till exempel: fel period i frånvarorapporten."),
    )


def incoming_input(data: dict[str, Any]) -> IncomingInput:
    return IncomingInput(
        source_kind=data["source_kind"],
        sender=data["sender"] if "sender" in data else data["reporter_organisation"],
        received_at=data["received_at"],
        channel=data["channel"],
        content=data["content"],
    )


ABSENCE_FIELDS = ("absence_from", "absence_to", "absence_unit", "absence_total", "absence_unauthorised")


def absence_input(data: dict[str, Any]) -> AbsenceInput:
    return AbsenceInput(**{name: data[name] for name in ABSENCE_FIELDS})


def incoming_initial(original: IncomingInformation) -> dict[str, Any]:
    """A correction starts from what the corrected row said."""
    fields = ("source_kind", "sender", "received_at", "channel", "content", *ABSENCE_FIELDS)
    initial = {name: getattr(original, name) for name in fields}
    initial["received_at"] = timezone.localtime(original.received_at)
    return initial


class IncomingChildForm(ChildFields, DesignSystemForm):
    """Information from a partner about a child not known or not the user's: registered as a signal, with
    intake's fields for the child and for the one who reported."""

    field_order = [
        "what",
        "source_kind",
        "reporter_organisation",
        "reporter_name",
        "reporter_contact",
        "received_at",
        "channel",
        *ChildFields.base_fields,
        "content",
    ]

    what = forms.ChoiceField(
        label=_("Vad som kom in"),
        required=False,
        widget=forms.RadioSelect,
        choices=[
            (INFORMATION, _("Uppgifter om ett barn")),
            (TRANSFER, _("Ett ärende som en annan kommun lämnar över")),
        ],
    )
    source_kind = forms.ChoiceField(
        label=_("Från"), required=False, widget=forms.RadioSelect, choices=RecipientKind.choices
    )
    reporter_organisation = forms.CharField(
        label=_("Myndighet eller enhet"),
        required=False,
        max_length=150,
        help_text=_("Till exempel: Polisen, lokalpolisområde Norr; eller Socialtjänsten i Kvarnby kommun."),
    )
    reporter_name = forms.CharField(label=_("Avsändarens namn"), required=False, max_length=200)
    reporter_contact = forms.CharField(label=_("Avsändarens telefon eller e-post"), required=False, max_length=400)
    received_at = MomentField(
        label=_("När uppgifterna kom in"),
        required=False,
        help_text=_("Datum och klockslag (ÅÅÅÅ-MM-DD TT:MM). Den omedelbara skyddsbedömningen räknas härifrån."),
    )
    channel = forms.ChoiceField(
        label=_("Hur uppgifterna kom in"), required=False, widget=forms.RadioSelect, choices=IncomingChannel.choices
    )
    content = text_field(_("Vad uppgifterna säger"), required=False, rows=6)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        styled(self)


def child_input(data: dict[str, Any]) -> ChildInput:
    return ChildInput(
        identity_number=data["identity_number"],
        given_name=data["given_name"],
        family_name=data["family_name"],
        birth_date=data["birth_date"],
        not_a_duplicate=data.get("not_a_duplicate", False),
    )


# A transfer goes to another municipality: only the provisions that let one receive are offered.
TRANSFER_BASES = [b for b in bases.BASES.values() if bases.may_receive(b, RecipientKind.MUNICIPALITY)]


class ToMunicipalityForm(DesignSystemForm):
    """What a form whose information goes to another municipality asks of its disclosure, after its own
    fields: the provisions that let a municipality receive, the consent, the secrecy assessment. The
    disclosure's fields keep the register's names so its problems land on them."""

    basis = forms.ChoiceField(
        label=_("Lagrum"),
        required=False,
        widget=forms.RadioSelect,
        choices=[*((b.choice, b.label) for b in TRANSFER_BASES), (bases.CONSENT, bases.CONSENT_LABEL)],
        help_text=_("Det som lämnas till den andra kommunen är ett utlämnande och registreras i utlämnanderegistret."),
    )
    consent = forms.ChoiceField(
        label=_("Samtycket utlämnandet vilar på"),
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Bara om du har valt samtycke som lagrum."),
    )
    assessment = text_field(
        _("Sekretessprövningen"),
        required=False,
        rows=4,
        help_text=_("Din prövning: varför uppgifterna fick lämnas till den andra kommunen."),
    )

    def __init__(self, *args: Any, consents: list[PartnerConsent], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        provision_fields(self, TRANSFER_BASES, consents)
        styled(self)


def provision_chosen(data: dict[str, Any]) -> tuple[str, frozenset[str], str]:
    """The provision a form's disclosure rests on, its confirmed conditions alone, and its consent if any."""
    chosen = bases.BASES.get(data["basis"])
    conditions = frozenset(data.get(chosen.field, ())) if chosen else frozenset()
    return data["basis"], conditions, data["consent"] if data["basis"] == bases.CONSENT else ""


class TransferForm(ToMunicipalityForm):
    """The transfer and its disclosure in one form."""

    recipient = forms.CharField(
        label=_("Mottagande kommun och enhet"),
        required=False,
        max_length=300,
        help_text=_("Till exempel: Kvarnby kommun, socialtjänsten, mottagningsgruppen."),
    )
    disclosed_on = DayField(label=_("När ärendet lämnades över"), required=False)
    reason = forms.ChoiceField(
        label=_("Varför"), required=False, widget=forms.RadioSelect, choices=TransferReason.choices
    )
    reason_note = forms.CharField(label=_("Om skälet"), required=False, max_length=300)
    channel = forms.ChoiceField(label=_("Hur"), required=False, widget=forms.RadioSelect, choices=Channel.choices)
    what = text_field(
        _("Vad som skickades"),
        required=False,
        rows=4,
        help_text=_("Vilka handlingar och uppgifter: till exempel utredningen, beslut, planen i programmet."),
    )


def transfer_input(data: dict[str, Any]) -> TransferInput:
    basis, conditions, consent = provision_chosen(data)
    return TransferInput(
        municipality=data["recipient"],
        transferred_on=data["disclosed_on"],
        reason=data["reason"],
        reason_note=data["reason_note"],
        what=data["what"],
        channel=data["channel"],
        basis=basis,
        conditions=conditions,
        assessment=data["assessment"],
        consent=consent,
    )
