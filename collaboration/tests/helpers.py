"""Disclosures and consents as a worker records them, for the register's and the ledger's tests."""

from dataclasses import replace
from datetime import date
from typing import Any

from django.utils import timezone

from access.actor import Actor
from collaboration import bases
from collaboration.consents import ConsentInput
from collaboration.disclosures import DisclosureInput, disclosure_record
from collaboration.models import Channel, ConsentForm, Disclosure, RecipientKind
from conftest import World
from people.models import Person

COVERS = "Att Elias går i programmet och hur skolgången går."
WHAT = "Elias har setts med äldre personer i nätverket Q7Z vid skolan."
ALL_18A = frozenset(c.key for c in bases.BASES[bases.YOUNG].conditions)


def young(world: World, **changes: Any) -> DisclosureInput:
    """An 18 a § disclosure to the police about the child of the own case, every condition confirmed."""
    data = DisclosureInput(
        person=str(world.own_case.child.public_id),
        disclosed_on=timezone.localdate(),
        recipient_kind=RecipientKind.POLICE,
        recipient="Polisen, lokalpolisområde Norr, K. Ström",
        channel=Channel.ORAL,
        what=WHAT,
        basis=bases.YOUNG,
        conditions=ALL_18A,
        assessment="Konkreta iakttagelser från skolan; inget pågående insatsarbete hindrar.",
    )
    return replace(data, **changes)


def recorded(world: World, user: str = "hanna", *, on: date | None = None, **changes: Any) -> Disclosure:
    if on is not None:
        changes["disclosed_on"] = on
    return disclosure_record(
        actor=Actor.system(world.user(user)), case_public_id=world.own_case.public_id, data=young(world, **changes)
    )


def consent_data(
    world: World, *, about: Person | None = None, by: Person | None = None, **changes: Any
) -> ConsentInput:
    """The child's own consent that the school may be told how things go, given today in writing."""
    child = world.own_case.child
    data = ConsentInput(
        person=str((about or child).public_id),
        partner_kind=RecipientKind.SCHOOL,
        partner="Kvarnskolan, elevhälsan",
        covers=COVERS,
        purpose="Att skolan kan stödja Elias i planen.",
        given_by=str((by or about or child).public_id),
        given_on=timezone.localdate(),
        form=ConsentForm.WRITTEN,
        form_note="Blankett, skannad.",
    )
    return replace(data, **changes)
