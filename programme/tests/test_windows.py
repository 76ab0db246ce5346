"""Connections and motivation windows: restricted to the child's own team and named specialists, and an
event about a connected person reaches the workers of every connected child and nobody else."""

from datetime import date, timedelta
from unittest import mock

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.membership import MemberInput, case_member_name
from access.models import AccessAction, AccessEvent
from accounts.models import Role, Team, User
from conftest import TEST_TOTP_SECRET, World, grant_emergency, signed_in
from core.identity import synthetic_identity_number
from deadlines.models import Notice, NoticeKind
from programme.connections import (
    ConnectionInput,
    EventInput,
    connection_record,
    connection_withdraw,
    network_event_record,
    window_act,
)
from programme.models import Connection, MotivationWindow, Participation
from programme.tests.helpers import raised

pytestmark = pytest.mark.django_db

OLDER = synthetic_identity_number(date(1998, 4, 4), 555).display
NAMED_AS = ("Kalle", "Kopplad")


def _connect(world: World, participation: Participation, user: str, **overrides: object) -> Connection:
    values: dict[str, object] = {
        "identity_number": OLDER,
        "given_name": NAMED_AS[0],
        "family_name": NAMED_AS[1],
        "source": "police",
        "source_note": "Polisens lägesbild vid samverkansmötet.",
        "expires_on": timezone.localdate() + timedelta(days=180),
    }
    values.update(overrides)
    return connection_record(
        actor=Actor.system(world.user(user)),
        case_public_id=participation.case.public_id,
        participation_id=participation.public_id,
        data=ConnectionInput(**values),  # type: ignore[arg-type]
    )


def _detained(world: World, participation: Participation, connection: Connection, user: str = "adam") -> None:
    network_event_record(
        actor=Actor.system(world.user(user)),
        case_public_id=participation.case.public_id,
        participation_id=participation.public_id,
        connection_id=connection.pk,
        data=EventInput(kind="detained", occurred_on=timezone.localdate(), source="Polisen, telefon."),
    )


@pytest.fixture
def two_children(world: World) -> tuple[Participation, Participation, Connection, Connection]:
    """Elias (Norr A, hanna's) and Saga (Söder, sara's) both in the programme, both connected to one older man."""
    elias = raised(world, user="adam")
    saga = raised(world, user="sara", case=world.other_team_case)
    return elias, saga, _connect(world, elias, "adam"), _connect(world, saga, "sara")


def _page(user: User, participation: Participation) -> str:
    url = reverse("programme:participation", args=[participation.case.public_id, participation.public_id])
    response = signed_in(user).get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_one_person_is_one_record_however_many_children_are_connected(two_children: tuple) -> None:
    _elias, _saga, first, second = two_children
    assert first.person_id == second.person_id


def test_every_problem_of_a_connection_is_told_at_once_and_the_attempt_is_logged(world: World) -> None:
    elias = raised(world)
    with pytest.raises(ValidationError) as refused:
        _connect(
            world,
            elias,
            "hanna",
            identity_number="",
            given_name=" ",
            source="rumour",
            source_note="",
            expires_on=timezone.localdate() + timedelta(days=400),
        )
    assert set(refused.value.error_dict) == {"identity_number", "given_name", "source", "source_note", "expires_on"}
    assert not Connection.objects.exists()
    assert AccessEvent.objects.get(view_name="programme.connection").action == AccessAction.REFUSED


def test_an_event_reaches_the_workers_of_every_connected_child_and_nobody_else(
    world: World, two_children: tuple
) -> None:
    elias, saga, connection, _other = two_children
    _detained(world, elias, connection)
    assert MotivationWindow.objects.filter(participation__in=[elias, saga]).count() == 2
    told = set(Notice.objects.filter(kind=NoticeKind.MOTIVATION_WINDOW).values_list("recipient__username", "case_id"))
    assert told == {("hanna", world.own_case.pk), ("sara", world.other_team_case.pk)}
    # The recorder learns nothing of the other child, not even that there is one.
    after = _page(world.user("adam"), elias)
    assert "Saga" not in after and "Holm" not in after
    # Each worker sees the window on the child's page, with the person the child is connected to.
    assert "Möjligt motivationsfönster" in _page(world.user("sara"), saga)
    queue = signed_in(world.user("sara")).get(reverse("deadlines:work_queue")).content.decode()
    assert "Möjligt motivationsfönster" in queue and "Kopplad" not in queue


def test_connections_are_the_own_teams_and_the_named_specialists_alone(world: World, two_children: tuple) -> None:
    elias, _saga, _connection, _other = two_children
    assert "Kopplad" in _page(world.user("bo"), elias)  # treatment staff of the child's own team
    assert "Kopplad" not in _page(world.user("karin"), elias)  # the unit manager, by place alone
    grant_emergency(world.user("sara"), world.own_case)
    assert "Kopplad" not in _page(world.user("sara"), elias)
    case_page = signed_in(world.user("karin")).get(reverse("casefile:case_detail", args=[world.own_case.public_id]))
    assert "Kopplad" not in case_page.content.decode()
    with pytest.raises(PermissionDenied):
        _connect(world, elias, "karin", identity_number=synthetic_identity_number(date(1999, 1, 1), 12).display)
    row = AccessEvent.objects.filter(view_name="programme.connection").latest("id")
    assert (row.action, row.reason) == (AccessAction.DENIED, "restricted")


def test_a_defector_specialist_of_another_team_sees_them_once_named_to_the_case(
    world: World, two_children: tuple
) -> None:
    elias, _saga, _connection, _other = two_children
    team = Team.objects.create(unit=world.norr, name="Avhopparteamet")
    dina = User.objects.create_user(
        username="dina", password=None, role=Role.DEFECTOR_SPECIALIST, unit=world.norr, team=team
    )
    TOTP.activate(dina, TEST_TOTP_SECRET)
    url = reverse("programme:participation", args=[world.own_case.public_id, elias.public_id])
    assert signed_in(dina).get(url).status_code == 404
    case_member_name(
        actor=Actor.system(world.user("karin")),
        case_public_id=world.own_case.public_id,
        data=MemberInput(
            user_id=dina.pk, reason="Avhopparspecialist.", expires_on=timezone.localdate() + timedelta(days=30)
        ),
    )
    assert "Kopplad" in _page(dina, elias)
    assert AccessEvent.objects.filter(
        view_name="programme.connections", username="dina", action=AccessAction.LIST
    ).exists()


def test_a_window_shows_until_acted_on_or_lapsed(world: World, two_children: tuple) -> None:
    elias, saga, connection, _other = two_children
    _detained(world, elias, connection)
    window = MotivationWindow.objects.get(participation=elias)
    window_act(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        participation_id=elias.public_id,
        window_id=window.pk,
        note="Samtal med Elias samma dag; han vill prata igen.",
    )
    assert "Möjligt motivationsfönster:" not in _page(world.user("hanna"), elias)
    lapsed = MotivationWindow.objects.get(participation=saga)
    assert "Möjligt motivationsfönster:" in _page(world.user("sara"), saga)
    # A window lapses by its day passing (its days are guarded against change), so the day is moved.
    with mock.patch("django.utils.timezone.localdate", return_value=lapsed.lapses_on + timedelta(days=1)):
        assert "Möjligt motivationsfönster:" not in _page(world.user("sara"), saga)
        assert "gick ut utan åtgärd" in _page(world.user("sara"), saga)


def test_withdrawn_and_expired_connections_open_no_window(world: World, two_children: tuple) -> None:
    elias, saga, connection, other = two_children
    connection_withdraw(
        actor=Actor.system(world.user("sara")),
        case_public_id=world.other_team_case.public_id,
        participation_id=saga.public_id,
        connection_id=other.pk,
        reason="Fel person enligt polisen.",
    )
    _detained(world, elias, connection)
    assert set(MotivationWindow.objects.values_list("participation_id", flat=True)) == {elias.pk}
    with pytest.raises(ValidationError, match="Kopplingen finns inte"):
        _detained(world, elias, other)  # another child's connection, through this child's page


def test_a_protected_connected_childs_notice_goes_to_the_named_worker_alone(world: World) -> None:
    alva = raised(world, user="hanna", case=world.protected_case)
    elias = raised(world, user="adam")
    _connect(world, alva, "hanna")
    connection = _connect(world, elias, "adam")
    _detained(world, elias, connection)
    told = set(Notice.objects.filter(kind=NoticeKind.MOTIVATION_WINDOW).values_list("recipient__username", flat=True))
    assert told == {"hanna"}
    assert Notice.objects.filter(kind=NoticeKind.MOTIVATION_WINDOW, recipient__username="olle").count() == 0


def test_an_event_costs_the_same_queries_however_many_children_are_connected(world: World) -> None:
    from django.db import connection as db
    from django.test.utils import CaptureQueriesContext

    from cases.services import case_open
    from conftest import make_person

    def children(n: int, offset: int) -> list[Participation]:
        made = []
        for i in range(n):
            child = make_person("Barn", f"Nummer{offset + i}", date(2010, 1, 1), 900 + offset + i)
            case = case_open(child=child, team=world.team_a, responsible=world.user("hanna"))
            made.append(raised(world, user="adam", case=case))
        return made

    def timed(participations: list[Participation], number: str) -> int:
        links = [_connect(world, p, "adam", identity_number=number) for p in participations]
        with CaptureQueriesContext(db) as queries:
            _detained(world, participations[0], links[0])
        assert MotivationWindow.objects.filter(connection__in=links).count() == len(participations)
        return len(queries)

    second = synthetic_identity_number(date(1997, 5, 5), 556).display
    assert timed(children(1, 0), OLDER) == timed(children(6, 10), second)
