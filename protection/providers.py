"""Keeping the provider register: who they are, their IVO permit, their contract, and their follow-ups.

The register names no child, so it is read outside any case (`access.rules.may_read_providers`) and
logs no person; the unit manager keeps it (`may_manage_providers`). A change is kept in the provider's
history (simple-history); a follow-up is a record of its own and is never changed.
"""

import re
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from access import rules
from access.actor import Actor
from access.reads import refuse
from core.errors import Problems
from core.identity import luhn_check_digit
from core.uuids import parse_uuid
from protection.provider_models import FollowUpKind, Provider, ProviderFollowUp, ProviderKind

FINDINGS_LIMIT = 4000


@dataclass(frozen=True)
class ProviderInput:
    name: str
    org_number: str
    kind: str
    own_operation: bool = False
    ivo_permit: str = ""
    ivo_permit_from: date | None = None
    ivo_permit_to: date | None = None
    contract_from: date | None = None
    contract_to: date | None = None
    active: bool = True


@dataclass(frozen=True)
class FollowUpInput:
    kind: str
    done_on: date
    findings: str


def org_number_normal(raw: str) -> str | None:
    """A Swedish organisationsnummer as NNNNNN-NNNN, or None: ten digits, the last a Luhn check digit."""
    digits = re.sub(r"[\s-]", "", raw or "")
    if not re.fullmatch(r"\d{10}", digits) or luhn_check_digit(digits[:9]) != int(digits[9]):
        return None
    return f"{digits[:6]}-{digits[6:]}"


def provider_valid_on(provider: Provider, day: date) -> bool:
    """Whether a measure starting on `day` may name the provider: in use, its IVO permit valid on the day
    (or the municipality's own operation, reported to IVO instead), and a contract covering the day if
    it has one."""
    permitted = provider.own_operation or (
        provider.ivo_permit_from is not None
        and provider.ivo_permit_from <= day
        and (provider.ivo_permit_to is None or day <= provider.ivo_permit_to)
    )
    contracted = provider.contract_from is None or (
        provider.contract_from <= day and (provider.contract_to is None or day <= provider.contract_to)
    )
    return provider.active and permitted and contracted


def _check_periods(problems: Problems, data: ProviderInput) -> None:
    if not data.own_operation and not data.ivo_permit.strip():
        problems.add(
            "ivo_permit", _("Ange IVO:s tillståndsnummer, eller att det är kommunens egen verksamhet."), "permit"
        )
    if not data.own_operation and data.ivo_permit_from is None:
        problems.add("ivo_permit_from", _("Ange från vilken dag IVO:s tillstånd gäller."), "permit_from")
    if data.ivo_permit_to is not None and (data.ivo_permit_from is None or data.ivo_permit_to < data.ivo_permit_from):
        problems.add("ivo_permit_to", _("Tillståndet kan inte sluta före den dag det börjar gälla."), "permit_period")
    if data.contract_to is not None and (data.contract_from is None or data.contract_to < data.contract_from):
        problems.add("contract_to", _("Avtalet kan inte sluta före den dag det börjar."), "contract_period")


def _checked(data: ProviderInput, *, changing: Provider | None) -> dict[str, object]:
    problems = Problems()
    name = data.name.strip()
    if not name or len(name) > 200:
        problems.add("name", _("Skriv utförarens namn, högst 200 tecken."), "name")
    org_number = org_number_normal(data.org_number)
    if org_number is None:
        problems.add(
            "org_number",
            _("Organisationsnumret ska ha tio siffror, NNNNNN-NNNN, med rätt kontrollsiffra."),
            "org_number",
        )
    elif Provider.objects.filter(org_number=org_number).exclude(pk=changing.pk if changing else 0).exists():
        problems.add("org_number", _("Det finns redan en utförare med det organisationsnumret."), "org_number_taken")
    if data.kind not in ProviderKind.values:
        problems.add("kind", _("Välj slag av verksamhet."), "kind")
    if len(data.ivo_permit.strip()) > 40:
        problems.add("ivo_permit", _("Högst %(n)d tecken.") % {"n": 40}, "permit_length")
    _check_periods(problems, data)
    problems.raise_any()
    return {
        "name": name,
        "org_number": org_number,
        "kind": data.kind,
        "own_operation": data.own_operation,
        "ivo_permit": data.ivo_permit.strip(),
        "ivo_permit_from": data.ivo_permit_from,
        "ivo_permit_to": data.ivo_permit_to,
        "contract_from": data.contract_from,
        "contract_to": data.contract_to,
        "active": data.active,
    }


def _managing(actor: Actor) -> None:
    # Outside the change's transaction: the refusal's DENIED row must stay when the change is refused.
    if not rules.may_manage_providers(actor.user):
        refuse(actor, view_name="protection.provider_change")


def _provider(public_id: UUID | str, *, for_update: bool = False) -> Provider:
    key = parse_uuid(public_id)
    providers = Provider.objects.select_for_update() if for_update else Provider.objects.all()
    found = providers.filter(public_id=key).first() if key else None
    if found is None:
        raise Http404
    return found


def provider_add(*, actor: Actor, data: ProviderInput) -> Provider:
    _managing(actor)
    with transaction.atomic():
        return Provider.objects.create(**_checked(data, changing=None))


def provider_change(*, actor: Actor, public_id: UUID | str, data: ProviderInput) -> Provider:
    """The change is kept in the provider's history: who changed what, and when."""
    _managing(actor)
    with transaction.atomic():
        provider = _provider(public_id, for_update=True)
        for name, value in _checked(data, changing=provider).items():
            setattr(provider, name, value)
        provider.save()
        return provider


def follow_up_add(*, actor: Actor, public_id: UUID | str, data: FollowUpInput) -> ProviderFollowUp:
    _managing(actor)
    return _follow_up(_provider(public_id), actor, data)


@transaction.atomic
def _follow_up(provider: Provider, actor: Actor, data: FollowUpInput) -> ProviderFollowUp:
    problems = Problems()
    if data.kind not in FollowUpKind.values:
        problems.add("kind", _("Välj slag av uppföljning."), "kind")
    if data.done_on > timezone.localdate():
        problems.add("done_on", _("Datumet kan inte ligga i framtiden."), "future")
    findings = data.findings.strip()
    if not findings or len(findings) > FINDINGS_LIMIT:
        problems.add(
            "findings", _("Skriv vad uppföljningen visade, högst %(n)d tecken.") % {"n": FINDINGS_LIMIT}, "findings"
        )
    problems.raise_any()
    return ProviderFollowUp.objects.create(
        provider=provider,
        kind=data.kind,
        done_on=data.done_on,
        findings=findings,
        recorded_by=actor.user,
        recorded_at=timezone.now(),
    )
