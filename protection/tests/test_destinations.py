"""The destination: entered and seen only by staff named for it; everyone else refused like a missing
record, every view a row of its own kind, and the page marked as protected."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from access.reads import read_case
from conftest import World, grant_emergency, signed_in
from protection.destinations import destination_end
from protection.models import Destination, ThreatAssessment, ThreatenedPerson
from protection.parts import destinations_part
from protection.tests.helpers import named, placed, provider

pytestmark = pytest.mark.django_db

PLACE, STREET = "Kommunen-Q7X", "Gatan-Z9K 3"


def _page(world: World) -> str:
    return reverse("protection:destinations", args=[world.own_case.public_id])


def test_named_staff_enter_a_destination_with_provider(world: World) -> None:
    named(world, "hanna")
    shelter = provider()
    made = placed(world, "hanna", municipality=f"  {PLACE} ", address=STREET, provider_id=shelter.pk)
    assert (made.municipality, made.address, made.provider, made.person) == (PLACE, STREET, shelter, None)
    assert str(made) == "Skyddad vistelseort"
    row = AccessEvent.objects.get(view_name="protection.destination.record")
    assert row.action == AccessAction.WRITE


@pytest.mark.parametrize("user", ["olle", "karin"])
def test_a_destination_entered_by_someone_not_named_is_refused_and_logged(world: World, user: str) -> None:
    named(world, "hanna")
    with pytest.raises(ValidationError) as refused:
        placed(world, user)
    assert "namngett" in refused.value.messages[0]
    assert not Destination.objects.exists()
    row = AccessEvent.objects.get(view_name="protection.destination.record")
    assert (row.action, row.reason, row.case_id) == (AccessAction.REFUSED, "not_named", world.own_case.pk)


def test_a_named_specialist_sees_the_destination_but_the_case_worker_enters_it(world: World) -> None:
    named(world, "hanna")
    named(world, "adam")
    placed(world, "hanna", municipality=PLACE)
    assert PLACE in signed_in(world.user("adam")).get(_page(world)).content.decode()
    form = reverse("protection:destination_new", args=[world.own_case.public_id])
    assert signed_in(world.user("adam")).get(form).status_code == 403
    with pytest.raises(PermissionDenied):
        placed(world, "adam")
    row = AccessEvent.objects.get(view_name="protection.destination.record", username="adam")
    assert (row.action, row.reason) == (AccessAction.DENIED, "role:protection")


def test_a_municipality_is_required_and_the_provider_must_be_active(world: World) -> None:
    named(world, "hanna")
    closed = provider()
    closed.active = False
    closed.save()
    with pytest.raises(ValidationError) as refused:
        placed(world, "hanna", municipality=" ", provider_id=closed.pk, person="not-a-uuid")
    assert set(refused.value.error_dict) == {"municipality", "provider", "person"}
    assert not Destination.objects.exists()


def test_a_threatened_relative_gets_a_destination_of_their_own(world: World) -> None:
    named(world, "hanna")
    assessment = ThreatAssessment.objects.create(
        case=world.own_case,
        assessed_on=timezone.localdate(),
        source="police",
        source_note="Polisen.",
        threatened_by="Ett nätverk i området",
        review_on=timezone.localdate() + timedelta(days=30),
        recorded_by=world.user("hanna"),
        recorded_at=timezone.now(),
    )
    ThreatenedPerson.objects.create(assessment=assessment, kind="guardian", person=world.guardian, level="high")
    made = placed(world, "hanna", person=str(world.guardian.public_id))
    assert made.person == world.guardian
    with pytest.raises(ValidationError):  # not named in the threat picture
        placed(world, "hanna", person=str(world.other_team_case.child.public_id))


def test_a_destination_ends(world: World) -> None:
    named(world, "hanna")
    made = placed(world, "hanna")
    actor = Actor.system(world.user("hanna"))
    with pytest.raises(ValidationError) as early:
        destination_end(
            actor=actor,
            case_public_id=world.own_case.public_id,
            destination_id=made.public_id,
            to_on=made.from_on - timedelta(days=1),
        )
    assert "to_on" in early.value.error_dict
    destination_end(
        actor=actor, case_public_id=world.own_case.public_id, destination_id=made.public_id, to_on=made.from_on
    )
    made.refresh_from_db()
    assert made.to_on == made.from_on
    with pytest.raises(ValidationError):
        destination_end(
            actor=actor, case_public_id=world.own_case.public_id, destination_id=made.public_id, to_on=made.from_on
        )


def test_the_page_shows_the_destination_to_named_staff_marked_and_logged(world: World) -> None:
    named(world, "hanna")
    placed(world, "hanna", municipality=PLACE, address=STREET)
    response = signed_in(world.user("hanna")).get(_page(world))
    assert response.status_code == 200
    body = response.content.decode()
    assert PLACE in body and STREET in body
    assert "Skyddade uppgifter – visa inte för obehöriga" in body
    assert "no-store" in response["Cache-Control"] and response["Pragma"] == "no-cache"
    assert "data-no-print" in body
    row = AccessEvent.objects.filter(view_name="protection.destination").get()
    assert (row.action, row.case_id) == (AccessAction.DESTINATION, world.own_case.pk)


@pytest.mark.parametrize("user", ["olle", "karin", "adam", "sara", "lars"])
def test_everyone_else_gets_a_404_and_a_denied_row(world: World, user: str) -> None:
    named(world, "hanna")
    placed(world, "hanna", municipality=PLACE, address=STREET)
    client = signed_in(world.user(user))
    for url in (_page(world), reverse("protection:destination_new", args=[world.own_case.public_id])):
        response = client.get(url)
        assert response.status_code == 404, url
        assert PLACE not in response.content.decode()
    rows = AccessEvent.objects.filter(view_name__startswith="protection.destination", username=user)
    assert {row.action for row in rows} == {AccessAction.DENIED}


def test_emergency_access_never_shows_a_destination(world: World) -> None:
    named(world, "hanna")
    placed(world, "hanna", municipality=PLACE)
    grant_emergency(world.user("sara"), world.own_case)
    response = signed_in(world.user("sara")).get(_page(world))
    assert response.status_code == 404
    row = AccessEvent.objects.get(view_name="protection.destination", username="sara")
    assert (row.action, row.reason) == (AccessAction.DENIED, "destination")


def test_a_withdrawn_naming_closes_the_page(world: World) -> None:
    from access.destination_naming import destination_naming_withdraw

    naming = named(world, "hanna")
    destination_naming_withdraw(
        actor=Actor.system(world.user("karin")), case_public_id=world.own_case.public_id, naming_id=naming.pk
    )
    assert signed_in(world.user("hanna")).get(_page(world)).status_code == 404


def test_the_form_enters_a_destination(world: World) -> None:
    named(world, "hanna")
    client = signed_in(world.user("hanna"))
    url = reverse("protection:destination_new", args=[world.own_case.public_id])
    form = client.get(url)
    assert form.status_code == 200 and 'autocomplete="off"' in form.content.decode()
    assert "no-store" in form["Cache-Control"]
    refused = client.post(url, {"person": "", "municipality": "", "from_on": "2026-01-01"})
    assert refused.status_code == 200 and "Det finns fel i formuläret" in refused.content.decode()
    done = client.post(
        url, {"person": "", "municipality": PLACE, "address": "", "provider": "", "from_on": "2026-01-01"}
    )
    assert done.status_code == 302 and done["Location"] == _page(world)
    assert Destination.objects.get().municipality == PLACE


def test_the_protection_pages_part_is_empty_to_anyone_not_named(world: World) -> None:
    named(world, "hanna")
    placed(world, "hanna")
    for user in ("olle", "karin", "adam"):
        read = read_case(Actor.system(world.user(user)), world.own_case.public_id, view_name="test")
        assert "destination_url" not in destinations_part(read), user
    read = read_case(Actor.system(world.user("karin")), world.own_case.public_id, view_name="test")
    assert destinations_part(read) == {}  # nor conflicts: restricted data is not the manager's
    read = read_case(Actor.system(world.user("hanna")), world.own_case.public_id, view_name="test")
    part = destinations_part(read)
    assert part["destination_url"] == _page(world)
    assert part["destination_warnings"] == []
    assert part["conflicts_url"] == reverse("protection:conflicts", args=[world.own_case.public_id])


def test_the_part_through_an_emergency_grant_is_empty(world: World) -> None:
    grant_emergency(world.user("sara"), world.own_case)
    read = read_case(Actor.system(world.user("sara")), world.own_case.public_id, view_name="test")
    assert read.grant is not None
    assert destinations_part(read) == {}


def test_the_page_reads_in_a_constant_number_of_queries(world: World) -> None:
    named(world, "hanna")
    client = signed_in(world.user("hanna"))
    client.get(_page(world))

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(_page(world)).status_code == 200
        return len(captured)

    first = placed(world, "hanna")
    from protection.relocation import HandoverInput, handover_record, relocation_record

    actor = Actor.system(world.user("hanna"))
    moved = relocation_record(
        actor=actor, case_public_id=world.own_case.public_id, destination_id=first.public_id, moved_on=first.from_on
    )
    basis = HandoverInput(
        sent_on=first.from_on,
        what_sent="Utredningen.",
        recipient="Mottagande kommun",
        basis="necessary",
        consent_from="",
    )
    handover_record(actor=actor, case_public_id=world.own_case.public_id, relocation_id=moved.public_id, data=basis)
    one = count()
    for _n in range(3):
        again = placed(world, "hanna")
        moved = relocation_record(
            actor=actor, case_public_id=world.own_case.public_id, destination_id=again.public_id, moved_on=again.from_on
        )
        handover_record(actor=actor, case_public_id=world.own_case.public_id, relocation_id=moved.public_id, data=basis)
    assert count() == one
