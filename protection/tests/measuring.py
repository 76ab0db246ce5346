"""What the measures' tests share: a provider, the child's second guardian, a shelter decision's input."""

from datetime import date
from typing import Any

from access.actor import Actor
from conftest import World, make_person
from decisions.tests.test_decisions import decision
from delegation.models import DecisionKind
from people.models import Person, RelationKind
from people.services import relation_create
from protection.measure_models import GuardianConsent, ShelterPlacement
from protection.measures import ShelterInput, shelter_record
from protection.provider_models import Provider


def provider(*, permit_to: date | None = None, org_number: str = "556016-0680") -> Provider:
    """A private skyddat boende with IVO's permit since the law came into force."""
    return Provider.objects.create(
        name="Tryggt Boende AB",
        org_number=org_number,
        kind="shelter",
        ivo_permit="IVO 3.5.1-1234/2024",
        ivo_permit_from=date(2024, 4, 1),
        ivo_permit_to=permit_to,
    )


def second_guardian(world: World) -> Person:
    """Elias's father, a guardian with custody too, who does not know where Elias will be."""
    father = make_person("Jonas", "Berg", date(1978, 2, 3), 654)
    relation_create(child=world.own_case.child, relative=father, kind=RelationKind.GUARDIAN_WITH_CUSTODY)
    return father


def shelter_input(world: World, at: Provider, kind: str = DecisionKind.SHELTER_IMMEDIATE, **over: Any) -> ShelterInput:
    day = over.pop("decided_on", date(2026, 11, 30))
    values: dict[str, Any] = {
        "decision": decision(kind, day),
        "guardian_id": world.guardian.pk,
        "guardian_granted_on": day,
        "other_guardian_consent": GuardianConsent.NOT_CONSENTED,
        "other_guardian_id": None,
        "provider_id": at.public_id,
    }
    values.update(over)
    return ShelterInput(**values)


def shelter(world: World, data: ShelterInput, user: str = "hanna") -> ShelterPlacement:
    return shelter_record(actor=Actor.system(world.user(user)), case_public_id=world.own_case.public_id, data=data)
