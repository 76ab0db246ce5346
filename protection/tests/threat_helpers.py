"""Building threat pictures for the tests, through the service as a user would."""

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from access.actor import Actor
from access.models import ProtectedIdentityAuthorization
from conftest import World, make_person
from people.models import Person, ProtectionLevel, Relation, RelationKind
from people.services import relation_create
from protection.threat import ThreatenedInput, ThreatInput, threat_record
from protection.threat_models import ThreatAssessment


def days_ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


def guardian_relation(world: World) -> Relation:
    return Relation.objects.get(child=world.own_case.child, relative=world.guardian)


def sibling(world: World, name: str = "Leo", serial: int = 654) -> Relation:
    brother = make_person(name, "Berg", date(2014, 2, 3), serial)
    return relation_create(child=world.own_case.child, relative=brother, kind=RelationKind.SIBLING)


def protected_guardian(world: World) -> Relation:
    """A second guardian with protected identity, named for hanna alone (olle is on the team, not named)."""
    father: Person = make_person(
        "Omar", "Gömdsson", date(1978, 9, 10), 987, protection_level=ProtectionLevel.PROTECTED_REGISTRATION
    )
    ProtectedIdentityAuthorization.objects.create(
        person=father, user=world.user("hanna"), granted_by=world.user("karin"), granted_at=timezone.now()
    )
    return relation_create(child=world.own_case.child, relative=father, kind=RelationKind.GUARDIAN_WITH_CUSTODY)


def picture_input(
    *threatened: ThreatenedInput, assessed: int = 1, review: int | None = 90, **fields: object
) -> ThreatInput:
    assessed_on = days_ago(assessed)
    data = {
        "assessed_on": assessed_on,
        "source": "police",
        "source_note": "Polisens hotbedömning vid samverkansmötet.",
        "with_police": True,
        "threatened_by": "Ett kriminellt nätverk i barnets område.",
        "review_on": assessed_on + timedelta(days=review) if review is not None else None,
        "threatened": threatened or (ThreatenedInput(relation_id=None, level="high"),),
    }
    return ThreatInput(**(data | fields))  # type: ignore[arg-type]


def recorded(world: World, *threatened: ThreatenedInput, user: str = "hanna", **fields: Any) -> ThreatAssessment:
    return threat_record(
        actor=Actor.system(world.user(user)),
        case_public_id=world.own_case.public_id,
        data=picture_input(*threatened, **fields),
    )
