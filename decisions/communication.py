"""Kommunicering (25 § FL, in every matter about a person through 14 kap. 10 § SoL).

Before a decision the party is told all material of importance and given a set time to answer. A
decision of a kind that goes to a party says either that this was done (and then a communication
in the case must have been answered, or its time run out, before the decision day) or which of the
law's exceptions applies.
"""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from cases.models import Case
from core.fields import TEXT_LIMIT
from core.uuids import parse_uuid
from decisions.models import Communication, CommunicationStep, PartyKind
from delegation.models import DecisionKind

# Kinds that decide something for or against a party; opening or extending an investigation do not.
COMMUNICATED_KINDS = frozenset(
    {
        DecisionKind.SUPPORT,
        DecisionKind.LVU_IMMEDIATE_CUSTODY,
        DecisionKind.LVU_CARE_APPLICATION,
        DecisionKind.LVU_CARE_STARTED,
        DecisionKind.LVU_REVIEW,
        DecisionKind.LVU_RECONSIDER,
    }
)


@dataclass(frozen=True)
class CommunicationInput:
    party_kind: str
    party_name: str
    material: str
    sent_on: date
    reply_by: date


def _errors(data: CommunicationInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.party_kind not in PartyKind.values:
        errors["party_kind"] = _("Välj vem som fick materialet.")
    elif data.party_kind != PartyKind.CHILD and not data.party_name.strip():
        errors["party_name"] = _("Skriv namnet på parten.")
    if not data.material.strip():
        errors["material"] = _("Skriv vad som kommunicerades, till exempel utredningen.")
    if data.sent_on > timezone.localdate():
        errors["sent_on"] = _("Datumet kan inte ligga i framtiden.")
    if data.reply_by <= data.sent_on:
        errors["reply_by"] = _("Parten ska få en bestämd tid att svara, efter dagen materialet skickades.")
    return errors


def communication_record(*, actor: Actor, case_public_id: object, data: CommunicationInput) -> Communication:
    with changing_case(actor, case_public_id, view_name="decision.communication", action=CaseAction.DECIDE) as case:
        errors = _errors(data)
        if errors:
            raise ValidationError(errors)
        return Communication.objects.create(
            case=case,
            party_kind=data.party_kind,
            party_name=data.party_name.strip()[:200],
            material=data.material.strip()[:300],
            sent_on=data.sent_on,
            reply_by=data.reply_by,
            recorded_by=actor.user,
            recorded_at=timezone.now(),
        )


def communication_reply_record(
    *, actor: Actor, case_public_id: object, communication_id: UUID | str, replied_on: date, reply: str
) -> Communication:
    """The party's answer, once; an answer that says nothing is still an answer ("inget att tillägga")."""
    with changing_case(
        actor, case_public_id, view_name="decision.communication_reply", action=CaseAction.DECIDE
    ) as case:
        key = parse_uuid(communication_id)
        found = Communication.objects.select_for_update().filter(case=case, public_id=key).first() if key else None
        if found is None:
            raise ValidationError(_("Kommuniceringen finns inte i detta ärende."), code="not_in_case")
        if found.replied_on is not None:
            raise ValidationError(_("Svaret är redan registrerat."), code="already_replied")
        if not (found.sent_on <= replied_on <= timezone.localdate()):
            raise ValidationError({"replied_on": _("Datumet ska ligga mellan utskicket och i dag.")})
        if len(reply) > TEXT_LIMIT:
            raise ValidationError({"reply": _("Högst %(n)d tecken.") % {"n": TEXT_LIMIT}})
        found.replied_on = replied_on
        found.reply = reply.strip()
        found.save(update_fields=["replied_on", "reply"])
        return found


def communication_error(case: Case, kind: str, step: str, decided_on: date) -> str | None:
    """What is wrong with how a decision of `kind` on `decided_on` stands to 25 § FL (None: nothing)."""
    if kind not in COMMUNICATED_KINDS:
        return None
    if step not in CommunicationStep.values:
        return _("Ange om parterna har kommunicerats före beslutet, eller vilket undantag som gäller (25 § FL).")
    if step != CommunicationStep.COMMUNICATED:
        return None
    sent = [c for c in Communication.objects.filter(case=case, sent_on__lte=decided_on)]
    if not sent:
        return _("Ingen kommunicering är registrerad i ärendet före beslutsdagen.")
    if not any(c.answered_or_time_out(decided_on) for c in sent):
        last = max(c.reply_by for c in sent)
        return _("Parten har inte svarat och har tid att svara till och med %(day)s.") % {"day": last.isoformat()}
    return None
