"""The move to a destination outside the municipality, and its handover to the receiving municipality.

Both name the place (the handover's recipient is the receiving municipality), so only staff named for
the case's destination record them (`changing_case(..., destination=True)`). A handover rests on a
legal basis: the person's consent (with whose), or that it is necessary for the committee's work;
without either it is refused.
"""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from core.errors import Problems
from core.fields import TEXT_LIMIT
from core.legal import legal_basis_for
from core.models import LegalBasis
from core.uuids import parse_uuid
from protection.models import Destination, Handover, Relocation

CONSENT, NECESSARY = "consent", "necessary"
BASIS_KEYS = {CONSENT: "handover-consent", NECESSARY: "handover-necessary"}
RECIPIENT_LIMIT = 300
CONSENT_LIMIT = 200


@dataclass(frozen=True)
class HandoverInput:
    """`basis`: CONSENT, NECESSARY or "" (refused); `consent_from` is required with CONSENT."""

    sent_on: date
    what_sent: str
    recipient: str
    basis: str
    consent_from: str


def relocation_record(
    *, actor: Actor, case_public_id: object, destination_id: UUID | str, moved_on: date
) -> Relocation:
    with changing_case(
        actor,
        case_public_id,
        view_name="protection.destination.relocation",
        action=CaseAction.PROTECTION,
        destination=True,
    ) as case:
        key = parse_uuid(destination_id)
        destination = Destination.objects.filter(case=case, public_id=key, to_on__isnull=True).first() if key else None
        if destination is None:
            raise ValidationError(_("Vistelseorten finns inte, eller är avslutad."), code="no_destination")
        if moved_on < destination.from_on:
            raise ValidationError(
                {"moved_on": ValidationError(_("Flyttdagen kan inte vara före vistelseortens startdag."), code="early")}
            )
        return Relocation.objects.create(
            case=case, destination=destination, moved_on=moved_on, recorded_by=actor.user, recorded_at=timezone.now()
        )


def _basis(problems: Problems, data: HandoverInput) -> LegalBasis | None:
    if data.basis not in BASIS_KEYS:
        problems.add(
            "basis",
            _("En överlämning kräver lagrum eller samtycke: välj vad den vilar på."),
            "no_basis",
        )
        return None
    if data.basis == CONSENT and not data.consent_from.strip():
        problems.add("consent_from", _("Skriv vem som har samtyckt."), "no_consent")
    basis = legal_basis_for(BASIS_KEYS[data.basis], on=data.sent_on)
    if basis is None:
        problems.add(NON_FIELD_ERRORS, _("Inget lagrum för överlämningen gällde den dagen."), "no_provision")
    return basis


def handover_record(
    *, actor: Actor, case_public_id: object, relocation_id: UUID | str, data: HandoverInput
) -> Handover:
    with changing_case(
        actor,
        case_public_id,
        view_name="protection.destination.handover",
        action=CaseAction.PROTECTION,
        destination=True,
    ) as case:
        key = parse_uuid(relocation_id)
        relocation = Relocation.objects.filter(case=case, public_id=key).first() if key else None
        if relocation is None:
            raise ValidationError(_("Omflyttningen finns inte."), code="no_relocation")
        problems = Problems()
        what, recipient, consent = data.what_sent.strip(), data.recipient.strip(), data.consent_from.strip()
        if not what:
            problems.add("what_sent", _("Skriv vilka uppgifter som lämnades över."), "required")
        elif len(what) > TEXT_LIMIT:
            problems.add("what_sent", _("Högst %(n)d tecken.") % {"n": TEXT_LIMIT}, "max_length")
        if not recipient:
            who = _("Skriv vem som tog emot, till exempel mottagande kommuns socialtjänst.")
            problems.add("recipient", who, "required")
        elif len(recipient) > RECIPIENT_LIMIT:
            problems.add("recipient", _("Högst %(n)d tecken.") % {"n": RECIPIENT_LIMIT}, "max_length")
        if len(consent) > CONSENT_LIMIT:
            problems.add("consent_from", _("Högst %(n)d tecken.") % {"n": CONSENT_LIMIT}, "max_length")
        if data.sent_on > timezone.localdate():
            problems.add("sent_on", _("Datumet kan inte ligga i framtiden."), "future")
        basis = _basis(problems, data)
        problems.raise_any()
        return Handover.objects.create(
            relocation=relocation,
            sent_on=data.sent_on,
            what_sent=what,
            recipient=recipient,
            legal_basis=basis,
            consent_from=consent if data.basis == CONSENT else "",
            recorded_by=actor.user,
            recorded_at=timezone.now(),
        )
