"""The register is complete: whatever route an item of information about the child left by (the register's
own form, from a meeting's item or not, a transfer to another municipality, a request that another
municipality take the case over, a relocation's handover to the receiving municipality), the
child's register holds it; what names a protected destination only for the staff named for it, logged as a
destination read of its own."""

from dataclasses import replace

import pytest
from django.urls import reverse

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from collaboration.disclosures import disclosure_record
from collaboration.models import RecipientKind
from collaboration.tests.helpers import young
from collaboration.tests.test_meetings import _item, _meeting
from collaboration.tests.test_transfer_requests import _data as request_data
from collaboration.tests.test_transfers import _data as transfer_data
from collaboration.transfer_requests import transfer_request_record
from collaboration.transfers import transfer_record
from conftest import World, signed_in
from protection.relocation import NECESSARY, HandoverInput, handover_record, relocation_record
from protection.tests.helpers import named, placed

pytestmark = pytest.mark.django_db


def test_every_route_out_is_in_the_register_and_the_destinations_only_for_the_named(world: World) -> None:
    hanna, case = Actor.system(world.user("hanna")), world.own_case.public_id
    said = disclosure_record(
        actor=hanna,
        case_public_id=case,
        data=replace(young(world), recipient_kind=RecipientKind.POLICE, recipient="Polisen Norr-Q7"),
    )
    named(world, "hanna")
    destination = placed(world, "hanna", municipality="Gömby-Q7")
    moved = relocation_record(
        actor=hanna, case_public_id=case, destination_id=destination.public_id, moved_on=destination.from_on
    )
    handover_record(
        actor=hanna,
        case_public_id=case,
        relocation_id=moved.public_id,
        data=HandoverInput(
            sent_on=moved.moved_on,
            what_sent="Hotbilden-Q7.",
            recipient="Gömby-Q7 socialtjänst",
            basis=NECESSARY,
            consent_from="",
        ),
    )
    transfer_record(actor=hanna, case_public_id=case, data=transfer_data(municipality="Gömby-Q7 kommun"))
    transfer_request_record(actor=hanna, case_public_id=case, data=request_data(municipality="Gömby-Q7 begäran"))
    item = _item(world, _meeting(world))
    at_the_meeting = replace(young(world), recipient="Polisen Bob-Q8", meeting_item=str(item.public_id))
    disclosure_record(actor=hanna, case_public_id=case, data=at_the_meeting)
    register = reverse("collaboration:disclosures", args=[case])

    page = signed_in(world.user("hanna")).get(register).content.decode()
    assert said.recipient in page and "Gömby-Q7 socialtjänst" in page and "Gömby-Q7 kommun" in page
    assert "Gömby-Q7 begäran" in page and "Polisen Bob-Q8" in page
    assert "Hotbilden-Q7." in page
    shown = AccessEvent.objects.filter(username="hanna", view_name="protection.destination.register")
    assert list(shown.values_list("action", flat=True)) == [AccessAction.DESTINATION]

    page = signed_in(world.user("olle")).get(register).content.decode()  # same team, not named
    assert said.recipient in page and "Gömby" not in page and "Q7." not in page
    assert "Polisen Bob-Q8" in page
    assert not AccessEvent.objects.filter(username="olle", view_name="protection.destination.register").exists()
