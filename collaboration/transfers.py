"""A case handed to another municipality (issue 16, point 7): the child moves, or is moved for their safety.

What was sent is a disclosure of secret information to another municipality, so a transfer is recorded
with its `Disclosure` in the register, in the same transaction and checked exactly as one
(`disclosures.disclosure_checked`): a provision in force on the day with every condition confirmed, or a
live consent. Without a basis nothing is saved, neither the transfer nor the disclosure. The child's live
part in the programme, if any, is named by the transfer.

A child with a live protected destination (`protection.models.Destination`): where the child went is then
itself the secret, and the receiving municipality says it. So only staff named for the destination
(`access.rules.may_see_destination`) record the transfer, and its disclosure is marked `destination`: the
register, the timeline and the correction form show it to them alone. Everyone else is refused with
words that send them to the named staff and the protection's handover (Skydd > Vistelseort).
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from access import rules
from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from cases.models import CaseStatus
from collaboration.disclosures import DisclosureInput, disclosure_checked
from collaboration.models import RecipientKind, Transfer, TransferReason
from core.errors import Problems
from programme.models import Participation
from protection.models import Destination

NOTE_LIMIT = 300
# The refusal for a case with a live protected destination, to everyone not named for it. Worded so that it
# does not say that there is one: a hint it is all the same, which docs/collaboration.md owns up to.
DESTINATION_REFUSAL = _(
    "Du kan inte lämna över ärendet. Har barnet en skyddad vistelseort lämnas ärendet över av personal som "
    "enhetschefen har utsett för vistelseorten (registrera överlämningen under Skydd > Vistelseort)."
)


@dataclass(frozen=True)
class TransferInput:
    """`municipality`: the receiving municipality and its unit; the rest as a disclosure asks it (the
    person is always the child, the recipient always another municipality). The problems are the
    disclosure's: an empty municipality is its `recipient`, the day its `disclosed_on`."""

    municipality: str
    transferred_on: date | None
    reason: str
    reason_note: str
    what: str
    channel: str
    basis: str
    conditions: frozenset[str]
    assessment: str
    consent: str = ""


def transfer_record(*, actor: Actor, case_public_id: object, data: TransferInput) -> Transfer:
    with changing_case(actor, case_public_id, view_name="collaboration.transfer", action=CaseAction.DISCLOSE) as case:
        problems = Problems()
        if case.status == CaseStatus.CLOSED:
            problems.add(NON_FIELD_ERRORS, _("Ärendet är avslutat: ett avslutat ärende lämnas inte över."), "closed")
        today = timezone.localdate()
        live = Destination.objects.filter(case=case).filter(Q(to_on__isnull=True) | Q(to_on__gte=today)).exists()
        if live and not rules.may_see_destination(actor.user, case):
            problems.add(NON_FIELD_ERRORS, DESTINATION_REFUSAL, "destination")
        if data.reason not in TransferReason.values:
            problems.add("reason", _("Välj varför ärendet lämnas över."), "required")
        note = data.reason_note.strip()
        if data.reason == TransferReason.OTHER and not note:
            problems.add("reason_note", _("Skriv vilket skälet är."), "required")
        elif len(note) > NOTE_LIMIT:
            problems.add("reason_note", _("Högst %(n)d tecken.") % {"n": NOTE_LIMIT}, "max_length")
        disclosure = disclosure_checked(
            problems,
            actor=actor,
            case=case,
            data=DisclosureInput(
                person=str(case.child.public_id),
                disclosed_on=data.transferred_on,
                recipient_kind=RecipientKind.MUNICIPALITY,
                recipient=data.municipality,
                channel=data.channel,
                what=data.what,
                basis=data.basis,
                conditions=data.conditions,
                assessment=data.assessment,
                consent=data.consent,
            ),
            destination=live,
        )
        problems.raise_any()
        assert disclosure is not None and data.transferred_on is not None  # else a problem was raised
        disclosure.save()
        return Transfer.objects.create(
            case=case,
            participation=Participation.objects.filter(case=case, ended_on__isnull=True).first(),
            disclosure=disclosure,
            municipality=disclosure.recipient,
            transferred_on=data.transferred_on,
            reason=data.reason,
            reason_note=note,
            recorded_by=actor.user,
            recorded_at=disclosure.recorded_at,
        )
