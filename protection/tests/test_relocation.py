"""Relocation and its handover: by named staff only, and a handover without a legal basis or consent refused."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from conftest import World, signed_in
from protection.models import Destination, Handover, Relocation
from protection.relocation import CONSENT, NECESSARY, HandoverInput, handover_record, relocation_record
from protection.tests.helpers import named, placed

pytestmark = pytest.mark.django_db

RECIPIENT = "Mottagande-R5Q socialtjänst"


def _moved(world: World, destination: Destination, user: str = "hanna") -> Relocation:
    return relocation_record(
        actor=Actor.system(world.user(user)),
        case_public_id=world.own_case.public_id,
        destination_id=destination.public_id,
        moved_on=destination.from_on,
    )


def _handover(
    world: World, relocation: Relocation, *, basis: str, consent_from: str = "", user: str = "hanna"
) -> Handover:
    return handover_record(
        actor=Actor.system(world.user(user)),
        case_public_id=world.own_case.public_id,
        relocation_id=relocation.public_id,
        data=HandoverInput(
            sent_on=relocation.moved_on,
            what_sent="Utredningen och hotbilden.",
            recipient=RECIPIENT,
            basis=basis,
            consent_from=consent_from,
        ),
    )


@pytest.fixture
def destination(world: World) -> Destination:
    named(world, "hanna")
    return placed(world, "hanna")


def test_a_relocation_with_its_handover_on_a_legal_basis(world: World, destination: Destination) -> None:
    relocation = _moved(world, destination)
    handover = _handover(world, relocation, basis=NECESSARY)
    assert handover.legal_basis is not None
    assert (handover.legal_basis.key, handover.consent_from, handover.recipient) == (
        "handover-necessary",
        "",
        RECIPIENT,
    )
    consented = _handover(world, relocation, basis=CONSENT, consent_from="Vårdnadshavaren Maria")
    assert consented.legal_basis is not None
    assert (consented.legal_basis.key, consented.consent_from) == ("handover-consent", "Vårdnadshavaren Maria")


def test_a_handover_without_a_legal_basis_or_consent_is_refused(world: World, destination: Destination) -> None:
    relocation = _moved(world, destination)
    with pytest.raises(ValidationError) as refused:
        _handover(world, relocation, basis="")
    assert "lagrum eller samtycke" in refused.value.error_dict["basis"][0].messages[0]
    with pytest.raises(ValidationError) as no_one:
        _handover(world, relocation, basis=CONSENT)
    assert set(no_one.value.error_dict) == {"consent_from"}
    assert not Handover.objects.exists()
    rows = AccessEvent.objects.filter(view_name="protection.destination.handover")
    assert sorted(rows.values_list("action", "reason")) == [
        (AccessAction.REFUSED, "basis:no_basis"),
        (AccessAction.REFUSED, "consent_from:no_consent"),
    ]


@pytest.mark.parametrize("user", ["olle", "karin"])
def test_only_named_staff_relocate_and_hand_over(world: World, destination: Destination, user: str) -> None:
    with pytest.raises(ValidationError):
        _moved(world, destination, user=user)
    relocation = _moved(world, destination)
    with pytest.raises(ValidationError):
        _handover(world, relocation, basis=NECESSARY, user=user)
    assert not Handover.objects.exists()
    refused = AccessEvent.objects.filter(username=user, action=AccessAction.REFUSED, reason="not_named")
    assert refused.count() == 2


def test_an_ended_destination_takes_no_relocation(world: World, destination: Destination) -> None:
    Destination.objects.filter(pk=destination.pk).update(to_on=destination.from_on)
    with pytest.raises(ValidationError):
        _moved(world, destination)


def test_the_forms_record_a_move_and_a_handover(world: World, destination: Destination) -> None:
    client = signed_in(world.user("hanna"))
    url = reverse("protection:relocation_new", args=[world.own_case.public_id, destination.public_id])
    assert client.get(url).status_code == 200
    assert client.post(url, {"moved_on": destination.from_on.isoformat()}).status_code == 302
    relocation = Relocation.objects.get()
    url = reverse("protection:handover_new", args=[world.own_case.public_id, relocation.public_id])
    form = client.get(url)
    assert form.status_code == 200 and "no-store" in form["Cache-Control"]
    data = {"sent_on": destination.from_on.isoformat(), "what_sent": "Utredningen.", "recipient": RECIPIENT}
    refused = client.post(url, data)
    assert refused.status_code == 200 and "lagrum eller samtycke" in refused.content.decode()
    assert client.post(url, {**data, "basis": NECESSARY}).status_code == 302
    page = client.get(reverse("protection:destinations", args=[world.own_case.public_id])).content.decode()
    assert RECIPIENT in page and "10 kap. 2 §" in page
    assert signed_in(world.user("olle")).get(url).status_code == 404
