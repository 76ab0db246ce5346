"""Reading the provider register. Nothing here is personal data: a provider, its permit and follow-ups."""

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.http import Http404
from django.utils import timezone

from access import rules
from access.actor import Actor
from access.reads import refuse
from core.uuids import parse_uuid
from protection.provider_models import Provider, ProviderFollowUp
from protection.providers import provider_valid_on


@dataclass(frozen=True)
class ProviderRow:
    provider: Provider
    valid_today: bool


@dataclass(frozen=True)
class Register:
    rows: list[ProviderRow]
    may_manage: bool


def register(actor: Actor) -> Register:
    if not rules.may_read_providers(actor.user):
        refuse(actor, view_name="protection.providers")
    today = timezone.localdate()
    return Register(
        rows=[ProviderRow(p, provider_valid_on(p, today)) for p in Provider.objects.all()],
        may_manage=rules.may_manage_providers(actor.user),
    )


@dataclass(frozen=True)
class ProviderPage:
    provider: Provider
    valid_today: bool
    follow_ups: list[ProviderFollowUp]
    changes: list[Any]  # the provider's history, newest first
    may_manage: bool


def provider_page(actor: Actor, public_id: UUID | str) -> ProviderPage:
    if not rules.may_read_providers(actor.user):
        refuse(actor, view_name="protection.provider")
    key = parse_uuid(public_id)
    provider = Provider.objects.filter(public_id=key).first() if key else None
    if provider is None:
        raise Http404
    return ProviderPage(
        provider=provider,
        valid_today=provider_valid_on(provider, timezone.localdate()),
        follow_ups=list(provider.follow_ups.select_related("recorded_by")),
        changes=list(provider.history.select_related("history_user").order_by("-history_date")[:20]),
        may_manage=rules.may_manage_providers(actor.user),
    )


def provider_choices() -> list[tuple[str, str]]:
    """The providers in use, for a measure's form; the service checks the chosen one's permit on the day."""
    return [(str(p.public_id), f"{p.name} ({p.org_number})") for p in Provider.objects.filter(active=True)]
