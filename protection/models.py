"""Threat and protection (issue 15): the threat picture made with the police, protective measures as
decisions with their law, the provider register, relocation with its handover, and the destination.

Everything here is dated and recorded by someone, and append-only where it is a record of what was
known or decided (migration 0002): a new threat picture replaces the last one, it does not overwrite it.
A destination (where the child or a threatened relative is now) is seen only by the staff named for it
(`access.rules.may_see_destination`); every view of one is an access-log row of its own kind.
"""

from protection.destination_models import Destination
from protection.measure_models import (
    GuardianConsent,
    PolicePlacement,
    ProtectedRegistration,
    RegistrationOutcome,
    SecretWhereabouts,
    ShelterPlacement,
)
from protection.provider_models import Provider, ProviderFollowUp, ProviderKind
from protection.relocation_models import Conflict, Handover, PlacementWarning, Relocation
from protection.threat_models import ThreatAssessment, ThreatenedKind, ThreatenedPerson, ThreatLevel, ThreatSource

__all__ = [
    "Conflict",
    "Destination",
    "GuardianConsent",
    "Handover",
    "PlacementWarning",
    "PolicePlacement",
    "ProtectedRegistration",
    "Provider",
    "ProviderFollowUp",
    "ProviderKind",
    "RegistrationOutcome",
    "Relocation",
    "SecretWhereabouts",
    "ShelterPlacement",
    "ThreatAssessment",
    "ThreatLevel",
    "ThreatSource",
    "ThreatenedKind",
    "ThreatenedPerson",
]
