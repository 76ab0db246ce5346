"""Registering a signal is never a way in (audit, point 1).

The attack: a worker who knows a personnummer registers a signal for a person with no open case (an
adult guardian of another team's child, say). Utväg opened a case in the worker's own team and showed
the whole record; and whether the redirect went to the case or to the start page told the worker
whether the number was known. Now a signal is about a child only, goes to the team that answers for
the child, and the answer is the same whoever the child is.
"""

import statistics
import time
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.models import AccessEvent, ProtectedIdentityAuthorization
from accounts.models import Role, Team, Unit, User
from cases.models import Case
from cases.services import case_open
from conftest import World, make_person, signed_in
from core.identity import synthetic_identity_number
from deadlines.models import Notice, NoticeKind
from deadlines.selectors import work_queue
from intake.models import ReporterType, Signal, SignalKind
from intake.services import SignalInput, signal_register
from people.models import Person, ProtectionLevel, RelationKind
from people.services import relation_create

pytestmark = pytest.mark.django_db


def report(number: str = "", **overrides: object) -> SignalInput:
    values: dict[str, object] = {
        "kind": SignalKind.POLICE_NOTICE,
        "received_at": timezone.now() - timedelta(hours=1),
        "reporter_type": ReporterType.MANDATORY,
        "reporter_organisation": "Polisen",
        "content": "Oro för barnet.",
        "identity_number": number,
        "given_name": "Typat",
        "family_name": "Namn",
    }
    values.update(overrides)
    return SignalInput(**values)  # type: ignore[arg-type]


def _sibling(world: World) -> Person:
    """A child known to Utväg only as the sibling of Norr's Elias: no case of their own."""
    sibling = make_person("Leo", "Berg", date(2013, 9, 1), 654, address="Storgatan 1")
    relation_create(child=world.own_case.child, relative=sibling, kind=RelationKind.SIBLING)
    return sibling


def _number(person: Person) -> str:
    assert person.identity_number is not None
    return person.identity_number


def _sees_person(user: User, person: Person) -> tuple[int, int]:
    client = signed_in(user)
    page = client.get(reverse("casefile:person_detail", args=[person.public_id])).status_code
    api = client.get(f"/api/v1/persons/{person.public_id}").status_code
    return page, api


def test_an_adult_is_refused_and_the_attacker_still_sees_nothing(world: World) -> None:
    sara = world.user("sara")
    assert _sees_person(sara, world.guardian) == (404, 404)
    cases = Case.objects.count()
    with pytest.raises(ValidationError) as error:
        signal_register(actor=Actor.system(sara), data=report(_number(world.guardian)))
    assert [e.code for e in error.value.error_dict["identity_number"]] == ["not_a_child"]
    assert (Case.objects.count(), Signal.objects.count()) == (cases, 0)
    assert _sees_person(sara, world.guardian) == (404, 404)


def test_an_unknown_adult_gets_the_same_refusal_as_a_known_one(world: World) -> None:
    """The age comes from the number typed, so the refusal says nothing about the register."""
    messages = []
    for number in (_number(world.guardian), synthetic_identity_number(date(1980, 5, 6), 999).display):
        with pytest.raises(ValidationError) as error:
            signal_register(actor=Actor.system(world.user("sara")), data=report(number))
        messages.append(error.value.message_dict)
    assert messages[0]["identity_number"] == messages[1]["identity_number"]


def test_a_person_who_turned_18_before_the_report_came_in_is_refused(world: World) -> None:
    eighteen_yesterday = timezone.localdate().replace(year=timezone.localdate().year - 18) - timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        signal_register(actor=Actor.system(world.user("hanna")), data=report(birth_date=eighteen_yesterday))
    assert [e.code for e in error.value.error_dict["birth_date"]] == ["not_a_child"]
    seventeen = timezone.localdate().replace(year=timezone.localdate().year - 18) + timedelta(days=2)
    signal_register(actor=Actor.system(world.user("hanna")), data=report(birth_date=seventeen))


def test_a_child_known_only_as_a_relative_goes_to_the_team_that_knows_the_family(world: World) -> None:
    sibling = _sibling(world)
    sara = world.user("sara")  # Söder: not hers to see
    receipt = signal_register(actor=Actor.system(sara), data=report(_number(sibling)))
    signal = Signal.objects.select_related("case").get(pk=receipt.signal_id)
    assert signal.case.team == world.team_a and signal.case.responsible is None
    assert signal.child == sibling and signal.routed and receipt.case_public_id is None
    assert _sees_person(sara, sibling) == (404, 404)
    # The names typed did not overwrite the record.
    assert Person.objects.get(pk=sibling.pk).given_name == "Leo"
    # The reviewer can find it: a signal about a person the registrar could not see.
    row = AccessEvent.objects.get(view_name="intake.signal_register", username="sara")
    assert "inte får se" in row.reason


def test_a_new_child_registered_outside_the_mottagning_goes_to_the_mottagning(world: World) -> None:
    """A field worker's report goes to the unit's intake team, not to the field team."""
    field_team = Team.objects.create(unit=world.norr, name="Fältgruppen Norr")
    fia = world.user("fia")
    fia.team = field_team
    fia.save()
    receipt = signal_register(actor=Actor.system(fia), data=report(birth_date=date(2011, 2, 3)))
    signal = Signal.objects.select_related("case").get(pk=receipt.signal_id)
    assert signal.case.team == world.team_a and signal.case.responsible is None and signal.routed
    assert Notice.objects.filter(kind=NoticeKind.ROUTED, recipient__username__in=["hanna", "olle"]).count() == 2


def test_a_unit_without_a_mottagning_cannot_register_and_says_why_before_looking_anything_up(world: World) -> None:
    unit = Unit.objects.create(name="Väster")
    team = Team.objects.create(unit=unit, name="Väster A")
    ville = User.objects.create_user(username="ville", role=Role.CASEWORKER, unit=unit, team=team)
    codes = []
    for number in ("", _number(world.other_team_case.child)):
        with pytest.raises(ValidationError) as error:
            signal_register(actor=Actor.system(ville), data=report(number, birth_date=date(2011, 2, 3)))
        codes.append(error.value.code)
    assert codes == ["no_intake_team", "no_intake_team"]


def test_a_protected_childs_signal_goes_to_the_named_staff_only(world: World) -> None:
    olle = Actor.system(world.user("olle"))  # Norr A, not named for Alva
    receipt = signal_register(actor=olle, data=report(_number(world.protected_case.child)))
    signal = Signal.objects.get(pk=receipt.signal_id)
    assert signal.case == world.protected_case and signal.routed and receipt.case_public_id is None
    told = set(Notice.objects.filter(kind=NoticeKind.ROUTED).values_list("recipient__username", flat=True))
    assert told == {"hanna"}  # named, in the team; olle and bo may not open the case


def test_a_protected_child_without_a_case_goes_to_the_team_of_their_named_staff(world: World) -> None:
    alma = make_person("Alma", "Ström", date(2012, 4, 4), 111, protection_level=ProtectionLevel.CONFIDENTIALITY_MARK)
    ProtectedIdentityAuthorization.objects.create(
        person=alma, user=world.user("sara"), granted_by=world.user("karin"), granted_at=timezone.now()
    )
    receipt = signal_register(actor=Actor.system(world.user("olle")), data=report(_number(alma)))
    signal = Signal.objects.select_related("case").get(pk=receipt.signal_id)
    assert signal.case.team == world.team_soder and receipt.case_public_id is None
    assert not Notice.objects.filter(kind=NoticeKind.PROTECTED_UNNAMED).exists()


def test_a_protected_child_nobody_is_named_for_reaches_the_unit_manager_without_a_name(world: World) -> None:
    ebba = make_person("Ebba", "Sten", date(2012, 4, 4), 222, protection_level=ProtectionLevel.PROTECTED_REGISTRATION)
    signal_register(actor=Actor.system(world.user("olle")), data=report(_number(ebba)))
    case = Case.objects.get(child=ebba)
    assert case.team == world.team_a and case.responsible is None
    notice = Notice.objects.get(kind=NoticeKind.PROTECTED_UNNAMED)
    assert notice.recipient == world.user("karin") and notice.case == case
    queue = work_queue(Actor.system(world.user("karin")))
    assert [n.pk for n in queue.notices if n.kind == NoticeKind.PROTECTED_UNNAMED] == [notice.pk]
    page = signed_in(world.user("karin")).get(reverse("deadlines:work_queue")).content.decode()
    assert case.reference in page and "Ebba" not in page and "Sten" not in page


def test_a_child_the_user_can_already_see_gets_the_way_to_its_case(world: World) -> None:
    receipt = signal_register(actor=Actor.system(world.user("olle")), data=report(_number(world.own_case.child)))
    assert receipt.case_public_id == str(world.own_case.public_id)


def test_the_likely_duplicate_warning_is_a_logged_read(world: World) -> None:
    hanna = Actor.system(world.user("hanna"))
    elias = world.own_case.child
    data = report(given_name=elias.given_name, family_name=elias.family_name, birth_date=elias.birth_date)
    with pytest.raises(ValidationError) as error:
        signal_register(actor=hanna, data=data)
    assert "Elias Berg" in error.value.message_dict["not_a_duplicate"][0]
    row = AccessEvent.objects.get(view_name="intake.likely_duplicate")
    assert (row.username, row.action, row.person_id) == ("hanna", "search", elias.pk)
    assert Signal.objects.count() == 0


def test_every_check_of_the_form_is_reported_at_once(world: World) -> None:
    data = report(
        "20110505-1234",  # wrong check digit
        reporter_type=ReporterType.ANONYMOUS,
        reporter_name="Eva",
        content=" ",
        received_at=timezone.now() + timedelta(days=2),
    )
    with pytest.raises(ValidationError) as error:
        signal_register(actor=Actor.system(world.user("hanna")), data=data)
    assert set(error.value.message_dict) == {"identity_number", "reporter_name", "content", "received_at"}


# The four kinds of number a worker in Söder (sara) can type, none of them hers to see.
def _four_numbers(world: World) -> dict[str, str]:
    return {
        "unknown": _fresh_unknown(0),
        "known": _number(_sibling(world)),
        "protected": _number(world.protected_case.child),
        "other team": _number(world.own_case.child),  # Norr's Elias
    }


def _fresh_unknown(serial: int) -> str:
    """A synthetic number nobody in Utväg has yet (synthetic: no real person can have it)."""
    return synthetic_identity_number(date(2012, 3, 3), 500 + serial).display


def _form(number: str) -> dict[str, str]:
    return {
        "kind": "police",
        "received_at": (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "identity_number": number,
        "given_name": "Typat",
        "family_name": "Namn",
        "reporter_type": "mandatory",
        "reporter_organisation": "Polisen",
        "content": "Oro för barnet.",
    }


def _post(client: Client, number: str) -> tuple[int, str, str]:
    """What the user gets back: the status, where it sends them, and what it says there."""
    response = client.post(reverse("intake:signal_new"), _form(number))
    landing = client.get(response["Location"]).content.decode()
    message = landing.split('role="status"><p>', 1)[1].split("</p>", 1)[0]
    return response.status_code, response["Location"], message


def test_the_answer_is_the_same_whether_the_number_was_unknown_known_protected_or_another_teams(
    world: World,
) -> None:
    numbers = _four_numbers(world)
    client = signed_in(world.user("sara"))
    answers = {name: _post(client, number) for name, number in numbers.items()}
    assert len(set(answers.values())) == 1, answers
    status, location, message = answers["unknown"]
    assert status == 302 and location == reverse("casefile:my_work") and "har gått till det team" in message


def test_the_answer_takes_the_same_time_for_the_four_kinds_of_number(world: World) -> None:
    """Interleaved rounds, lower quartiles compared: a difference a user could time would show here.

    Each round registers a fresh signal (a new number for the unknown child), so the work measured is
    the real work of each path, including opening a case for the child new to Utväg. The lower quartile,
    not the median: on a shared machine other work only ever adds time, so the quick rounds show each
    path's own cost and a busy neighbour does not fail the test.
    """
    numbers = _four_numbers(world)
    client = signed_in(world.user("sara"))
    timings: dict[str, list[float]] = {name: [] for name in numbers}
    for round_ in range(16):
        for name, number in numbers.items():
            typed = _fresh_unknown(round_) if name == "unknown" else number
            start = time.perf_counter()
            client.post(reverse("intake:signal_new"), _form(typed))
            timings[name].append(time.perf_counter() - start)
    quartiles = {name: statistics.quantiles(values[2:], n=4)[0] for name, values in timings.items()}
    assert max(quartiles.values()) < 1.5 * min(quartiles.values()), quartiles


def test_a_protected_child_named_only_for_another_team_of_the_unit_still_reaches_the_manager(world: World) -> None:
    """Named staff in another team cannot open the receiving team's case, so they do not count as named."""
    other_team = Team.objects.create(unit=world.norr, name="Norr B")
    ville = User.objects.create_user(username="ville", role=Role.CASEWORKER, unit=world.norr, team=other_team)
    ebba = make_person("Ebba", "Sten", date(2012, 4, 4), 222, protection_level=ProtectionLevel.PROTECTED_REGISTRATION)
    ProtectedIdentityAuthorization.objects.create(
        person=ebba, user=ville, granted_by=world.user("karin"), granted_at=timezone.now()
    )
    case_open(child=ebba, team=world.team_a)
    signal_register(actor=Actor.system(world.user("olle")), data=report(_number(ebba)))
    assert Notice.objects.filter(kind=NoticeKind.PROTECTED_UNNAMED, recipient=world.user("karin")).exists()
