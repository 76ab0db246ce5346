"""Conflicts and the placement warning: restricted data recorded by the child's own team or a named
specialist; a destination where a child of the other side already is warns both cases' named staff,
names no one and no place, and costs a bounded number of queries."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from conftest import World, signed_in
from core.identity import synthetic_identity_number
from deadlines.models import Notice, NoticeKind
from programme.connections import ConnectionInput, connection_record
from programme.models import Connection, Participation
from programme.tests.helpers import raised
from protection.conflicts import ConflictInput, conflict_record, conflict_withdraw, place_key, warning_acknowledge
from protection.models import Conflict, PlacementWarning
from protection.parts import destinations_part
from protection.tests.helpers import named, placed, provider, soder_manager

pytestmark = pytest.mark.django_db

RIVAL_A = synthetic_identity_number(date(1998, 4, 4), 555).display
RIVAL_B = synthetic_identity_number(date(1997, 5, 5), 666).display


def connect(world: World, participation: Participation, user: str, number: str, name: str) -> Connection:
    return connection_record(
        actor=Actor.system(world.user(user)),
        case_public_id=participation.case.public_id,
        participation_id=participation.public_id,
        data=ConnectionInput(
            identity_number=number,
            given_name=name,
            family_name="Rival",
            source="police",
            source_note="Polisens lägesbild.",
            expires_on=timezone.localdate() + timedelta(days=180),
        ),
    )


def _conflict(world: World, first: Connection, user: str = "adam", **overrides: object) -> Conflict:
    values: dict[str, object] = {
        "first": first.pk,
        "second": None,
        "identity_number": RIVAL_B,
        "given_name": "Bert",
        "family_name": "Rival",
        "source_note": "Polisens lägesbild 2026-11-20.",
        "expires_on": timezone.localdate() + timedelta(days=180),
    }
    values.update(overrides)
    return conflict_record(
        actor=Actor.system(world.user(user)),
        case_public_id=world.own_case.public_id,
        data=ConflictInput(**values),  # type: ignore[arg-type]
    )


@pytest.fixture
def rivals(world: World) -> tuple[Connection, Connection]:
    """Elias (Norr, hanna's) connected to Anton; Saga (Söder, sara's) to Bert; Anton and Bert in conflict.
    hanna is named for Elias's destination, sara for Saga's."""
    elias = raised(world, user="adam")
    saga = raised(world, user="sara", case=world.other_team_case)
    anton = connect(world, elias, "adam", RIVAL_A, "Anton")
    bert = connect(world, saga, "sara", RIVAL_B, "Bert")
    _conflict(world, anton)
    named(world, "hanna")
    soder_manager(world)
    named(world, "sara", world.other_team_case, by="sigrid")
    return anton, bert


def test_a_conflict_is_recorded_with_its_basis_and_expiry(world: World, rivals: tuple[Connection, Connection]) -> None:
    anton, bert = rivals
    conflict = Conflict.objects.get()
    assert (conflict.first, conflict.second, conflict.recorded_in) == (anton.person, bert.person, world.own_case)
    assert conflict.legal_basis.key == "programme-connection"
    with pytest.raises(ValidationError) as twice:
        _conflict(world, anton)
    assert set(twice.value.error_dict) == {"second"}


def test_a_conflict_needs_a_source_and_an_expiry_within_a_year(world: World) -> None:
    anton = connect(world, raised(world, user="adam"), "adam", RIVAL_A, "Anton")
    with pytest.raises(ValidationError) as refused:
        _conflict(world, anton, source_note=" ", expires_on=timezone.localdate() + timedelta(days=400))
    assert set(refused.value.error_dict) == {"source_note", "expires_on"}
    with pytest.raises(ValidationError) as no_side:
        _conflict(world, anton, identity_number="")
    assert set(no_side.value.error_dict) == {"second"}
    assert not Conflict.objects.exists()


def test_the_unit_manager_is_refused_restricted_data(world: World) -> None:
    anton = connect(world, raised(world, user="adam"), "adam", RIVAL_A, "Anton")
    with pytest.raises(PermissionDenied):
        _conflict(world, anton, user="karin")
    row = AccessEvent.objects.get(view_name="protection.conflict")
    assert (row.action, row.reason) == (AccessAction.DENIED, "restricted")
    url = reverse("protection:conflicts", args=[world.own_case.public_id])
    assert signed_in(world.user("karin")).get(url).status_code == 403
    assert signed_in(world.user("sara")).get(url).status_code == 404
    assert signed_in(world.user("adam")).get(url).status_code == 200


def test_a_conflict_is_withdrawn(world: World, rivals: tuple[Connection, Connection]) -> None:
    conflict = Conflict.objects.get()
    conflict_withdraw(
        actor=Actor.system(world.user("adam")), case_public_id=world.own_case.public_id, conflict_id=conflict.pk
    )
    conflict.refresh_from_db()
    assert conflict.withdrawn_by == world.user("adam")
    placed(world, "sara", world.other_team_case, municipality="Gävle")
    placed(world, "hanna", municipality="Gävle")
    assert not PlacementWarning.objects.exists()


def test_the_same_municipality_warns_both_cases_named_staff_only(
    world: World, rivals: tuple[Connection, Connection]
) -> None:
    theirs = placed(world, "sara", world.other_team_case, municipality="Gävle")
    assert not PlacementWarning.objects.exists()  # nobody of the other side was placed yet
    mine = placed(world, "hanna", municipality="  gävle KOMMUN ")
    warnings = {w.case_id: w for w in PlacementWarning.objects.all()}
    assert set(warnings) == {world.own_case.pk, world.other_team_case.pk}
    assert (warnings[world.own_case.pk].destination, warnings[world.other_team_case.pk].destination) == (mine, theirs)
    assert all(w.same_municipality and not w.same_provider for w in warnings.values())
    told = Notice.objects.filter(kind=NoticeKind.PLACEMENT_CONFLICT)
    assert sorted(told.values_list("recipient__username", "case_id")) == sorted(
        [("hanna", world.own_case.pk), ("sara", world.other_team_case.pk)]
    )


def test_the_same_provider_warns_in_another_municipality(world: World, rivals: tuple[Connection, Connection]) -> None:
    shelter = provider()
    placed(world, "sara", world.other_team_case, municipality="Sandviken", provider_id=shelter.pk)
    placed(world, "hanna", municipality="Gävle", provider_id=shelter.pk)
    warning = PlacementWarning.objects.get(case=world.own_case)
    assert (warning.same_municipality, warning.same_provider) == (False, True)


def test_another_place_or_an_ended_destination_warns_nobody(
    world: World, rivals: tuple[Connection, Connection]
) -> None:
    ended = placed(
        world, "sara", world.other_team_case, municipality="Gävle", from_on=timezone.localdate() - timedelta(days=9)
    )
    type(ended).objects.filter(pk=ended.pk).update(to_on=timezone.localdate() - timedelta(days=2))
    placed(world, "sara", world.other_team_case, municipality="Sandviken")
    placed(world, "hanna", municipality="Gävle")
    assert not PlacementWarning.objects.exists()


def test_the_warning_names_neither_child_nor_place_and_shows_to_named_staff_only(
    world: World, rivals: tuple[Connection, Connection]
) -> None:
    placed(world, "sara", world.other_team_case, municipality="Gävle-K4W")
    placed(world, "hanna", municipality="Gävle-K4W")
    page = reverse("protection:destinations", args=[world.own_case.public_id])
    body = signed_in(world.user("hanna")).get(page).content.decode()
    assert "finns i samma kommun" in body
    assert "Saga" not in body and "Holm" not in body
    assert body.count("Gävle-K4W") >= 1  # her own destination, shown to her
    for user in ("olle", "adam", "karin"):
        assert signed_in(world.user(user)).get(page).status_code == 404
    from access.reads import read_case

    read = read_case(Actor.system(world.user("hanna")), world.own_case.public_id, view_name="test")
    assert len(destinations_part(read)["destination_warnings"]) == 1  # type: ignore[arg-type]
    read = read_case(Actor.system(world.user("adam")), world.own_case.public_id, view_name="test")
    assert set(destinations_part(read)) == {"conflicts_url"}


def test_a_warning_is_acknowledged_with_a_note(world: World, rivals: tuple[Connection, Connection]) -> None:
    placed(world, "sara", world.other_team_case, municipality="Gävle")
    placed(world, "hanna", municipality="Gävle")
    warning = PlacementWarning.objects.get(case=world.own_case)
    actor = Actor.system(world.user("hanna"))
    with pytest.raises(ValidationError) as empty:
        warning_acknowledge(actor=actor, case_public_id=world.own_case.public_id, warning_id=warning.pk, note=" ")
    assert set(empty.value.error_dict) == {"note"}
    with pytest.raises(ValidationError):
        warning_acknowledge(
            actor=Actor.system(world.user("olle")),
            case_public_id=world.own_case.public_id,
            warning_id=warning.pk,
            note="x",
        )
    url = reverse("protection:warning_acknowledge", args=[world.own_case.public_id, warning.pk])
    client = signed_in(world.user("hanna"))
    assert client.get(url).status_code == 200
    assert client.post(url, {"note": "Samråd med polisen: annan ort väljs."}).status_code == 302
    warning.refresh_from_db()
    assert (warning.acknowledged_by, warning.acknowledged_note) == (
        world.user("hanna"),
        "Samråd med polisen: annan ort väljs.",
    )
    assert client.get(url).status_code == 404  # acted on: no form again


def test_place_key() -> None:
    assert place_key(" Gävle  kommun") == place_key("GÄVLE") == "gävle"
    assert place_key("Kommun") == "kommun"


def test_the_check_costs_the_same_however_many_children_are_connected(
    world: World, rivals: tuple[Connection, Connection]
) -> None:
    made = []

    def cost(municipality: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            made.append(placed(world, "hanna", municipality=municipality))
        return len(captured)

    placed(world, "sara", world.other_team_case, municipality="Gävle")
    one = cost("Gävle")
    # More children of the other side, each with a destination somewhere.
    from cases.services import case_open
    from conftest import make_person

    for serial in range(3):
        child = make_person("Barn", f"Nummer{serial}", date(2011, 1, 1), 900 + serial)
        case = case_open(child=child, team=world.team_soder, responsible=world.user("sara"))
        connect(world, raised(world, user="sara", case=case), "sara", RIVAL_B, "Bert")
        named(world, "sara", case, by="sigrid")
        placed(world, "sara", case, municipality="Gävle")
    assert cost("Gävle") == one
    # The last one warned its own case once, and each of the four children of the other side.
    latest = PlacementWarning.objects.filter(raised_at=PlacementWarning.objects.get(destination=made[-1]).raised_at)
    assert latest.exclude(case=world.own_case).count() == 4
