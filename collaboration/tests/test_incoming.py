"""Incoming information from partners: on a case the user may change it is information on the case, with
its source, on the case's list and the child's timeline; about a child not known or not the user's it is
a signal through intake, with the partner as its reporter, the protection assessment's clock, and the
same receipt whoever the child is."""

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from cases.models import CaseStatus
from collaboration.incoming import TRANSFER, ChildInput, IncomingInput, incoming_record, incoming_signal
from collaboration.models import IncomingChannel, IncomingInformation, RecipientKind
from collaboration.selectors import incoming_page
from conftest import World, signed_in
from deadlines.models import Deadline, DeadlineKind
from intake.models import ReporterType, Signal, SignalKind

pytestmark = pytest.mark.django_db

ABSENCE = "Frånvaro vecka 40–44: 38 procent, varav 30 procentenheter ogiltig."


def _data(**changes: Any) -> IncomingInput:
    data = IncomingInput(
        source_kind=RecipientKind.SCHOOL,
        sender="Kvarnskolan, rektor E. Lind",
        received_at=timezone.now() - timedelta(hours=1),
        channel=IncomingChannel.WRITTEN,
        content=ABSENCE,
    )
    return replace(data, **changes)


def _on_case(world: World, user: str = "hanna", **changes: Any) -> IncomingInformation:
    return incoming_record(
        actor=Actor.system(world.user(user)), case_public_id=world.own_case.public_id, data=_data(**changes)
    )


def _codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [str(e.code) for e in errors] for field, errors in exc.error_dict.items()}


def test_information_on_the_case_is_kept_with_its_source_and_shown_on_the_list_and_the_timeline(
    world: World,
) -> None:
    row = _on_case(world, "bo")  # treatment staff write in the journal, so they may record it
    assert (row.source_kind, row.sender, row.recorded_by) == ("school", "Kvarnskolan, rektor E. Lind", world.user("bo"))
    assert IncomingInformation.objects.get().content == ABSENCE  # read back through the cipher
    write = AccessEvent.objects.get(action=AccessAction.WRITE, view_name="collaboration.incoming")
    assert (write.case_id, write.person_id) == (world.own_case.pk, world.own_case.child_id)
    client = signed_in(world.user("olle"))
    listed = client.get(reverse("collaboration:incoming", args=[world.own_case.public_id])).content.decode()
    assert ABSENCE in listed and "Skola: Kvarnskolan, rektor E. Lind" in listed
    timeline = client.get(reverse("casefile:case_timeline", args=[world.own_case.public_id])).content.decode()
    assert "Inkommande uppgifter" in timeline and ABSENCE in timeline


def test_another_teams_worker_gets_404_and_the_attempt_is_logged(world: World) -> None:
    with pytest.raises(Http404):
        _on_case(world, "sara")
    assert not IncomingInformation.objects.exists()
    denied = AccessEvent.objects.get(action=AccessAction.DENIED, view_name="collaboration.incoming")
    assert (denied.username, denied.case_id) == ("sara", world.own_case.pk)
    client = signed_in(world.user("sara"))
    assert client.get(reverse("collaboration:incoming_new", args=[world.own_case.public_id])).status_code == 404


def test_every_problem_at_once_and_nothing_saved(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        _on_case(
            world,
            source_kind="",
            sender=" ",
            channel="fax",
            content="",
            received_at=timezone.now() + timedelta(hours=2),
        )
    assert _codes(caught.value) == {
        "source_kind": ["required"],
        "channel": ["required"],
        "received_at": ["future"],
        "sender": ["required"],
        "content": ["required"],
    }
    assert not IncomingInformation.objects.exists()
    assert AccessEvent.objects.filter(action=AccessAction.REFUSED, view_name="collaboration.incoming").exists()


def test_a_closed_case_takes_no_information_it_is_a_signal_then(world: World) -> None:
    type(world.own_case).objects.filter(pk=world.own_case.pk).update(
        status=CaseStatus.CLOSED, closure_reason="moved", closure_outcome="other"
    )
    with pytest.raises(ValidationError) as caught:
        _on_case(world)
    assert _codes(caught.value) == {"case": ["closed"]}


def test_the_form_shows_every_problem_linked_to_its_field(world: World) -> None:
    url = reverse("collaboration:incoming_new", args=[world.own_case.public_id])
    response = signed_in(world.user("hanna")).post(url, {"received_at": ""})
    text = response.content.decode()
    assert response.status_code == 200 and not IncomingInformation.objects.exists()
    for field in ("source_kind_0", "sender", "received_at", "channel_0", "content"):
        assert f'href="#id_{field}"' in text


def test_the_database_refuses_update_and_delete(world: World) -> None:
    row = _on_case(world)
    for change in (
        lambda: IncomingInformation.objects.filter(pk=row.pk).update(source_kind=RecipientKind.POLICE),
        lambda: IncomingInformation.objects.filter(pk=row.pk).delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            change()


def test_the_list_reads_in_the_same_queries_for_5_rows_as_for_50(
    world: World, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    actor = Actor.system(world.user("hanna"))
    for _n in range(5):
        _on_case(world)
    with CaptureQueriesContext(connection) as five:
        assert len(incoming_page(actor, world.own_case.public_id).rows) == 5
    for _n in range(45):
        _on_case(world)
    with django_assert_num_queries(len(five)):
        assert len(incoming_page(actor, world.own_case.public_id).rows) == 50


def _police(**changes: Any) -> IncomingInput:
    return _data(source_kind=RecipientKind.POLICE, sender="Polisen, lokalpolisområde Norr", **changes)


def test_a_police_notice_about_an_unknown_child_is_a_signal_with_the_protection_clock(world: World) -> None:
    receipt = incoming_signal(
        actor=Actor.system(world.user("hanna")),
        data=_police(content="Omhändertagen i centrum kl. 22."),
        child=ChildInput(given_name="Nils", family_name="Ny", birth_date=timezone.localdate().replace(year=2012)),
        sender_name="K. Ström",
    )
    signal = Signal.objects.get(pk=receipt.signal_id)
    assert signal.kind == SignalKind.POLICE_NOTICE and signal.reporter_type == ReporterType.MANDATORY
    assert signal.reporter_organisation == "Polismyndigheten: Polisen, lokalpolisområde Norr"
    assert signal.reporter_name == "K. Ström" and "Omhändertagen i centrum" in signal.content
    assert Deadline.objects.filter(source=f"signal:{signal.pk}", kind=DeadlineKind.PROTECTION_ASSESSMENT).exists()
    assert not IncomingInformation.objects.exists()


def test_a_transfer_received_from_another_municipality_is_a_signal_of_its_own_kind(world: World) -> None:
    receipt = incoming_signal(
        actor=Actor.system(world.user("hanna")),
        data=_data(source_kind=RecipientKind.MUNICIPALITY, sender="Kvarnby kommun, socialtjänsten"),
        child=ChildInput(identity_number=world.own_case.child.identity_number or ""),
        what=TRANSFER,
    )
    signal = Signal.objects.get(pk=receipt.signal_id)
    assert signal.kind == SignalKind.OTHER_MUNICIPALITY and signal.case == world.own_case


def test_the_receipt_is_the_same_for_a_child_known_elsewhere_and_a_child_new_to_utvag(world: World) -> None:
    olle = Actor.system(world.user("olle"))
    known = incoming_signal(
        actor=olle, data=_police(), child=ChildInput(identity_number=world.other_team_case.child.identity_number or "")
    )
    new = incoming_signal(
        actor=olle,
        data=_police(),
        child=ChildInput(given_name="Nils", family_name="Ny", birth_date=timezone.localdate().replace(year=2012)),
    )
    assert set(vars(known)) == set(vars(new))
    assert known.case_public_id is None
    assert Signal.objects.get(pk=known.signal_id).case == world.other_team_case


def test_our_problems_and_intakes_come_at_once_and_no_signal_is_kept(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        incoming_signal(
            actor=Actor.system(world.user("hanna")),
            data=_data(channel="", sender="", content=""),
            child=ChildInput(),
        )
    assert _codes(caught.value) == {
        "channel": ["required"],
        "reporter_organisation": ["required"],
        "birth_date": ["birth_unknown"],
        "content": ["required"],
    }
    with pytest.raises(ValidationError) as only_ours:
        incoming_signal(
            actor=Actor.system(world.user("hanna")),
            data=_data(channel=""),
            child=ChildInput(identity_number=world.own_case.child.identity_number or ""),
        )
    assert _codes(only_ours.value) == {"channel": ["required"]}
    assert not Signal.objects.exists() and not Deadline.objects.exists()


def test_the_form_outside_a_case_is_intakes_rule_and_answers_with_intakes_receipt(world: World) -> None:
    url = reverse("collaboration:incoming_child")
    assert signed_in(world.user("lars")).get(url).status_code == 404
    client = signed_in(world.user("olle"))
    assert client.get(url).status_code == 200
    posted = {
        "what": "information",
        "source_kind": "police",
        "reporter_organisation": "Polisen Norr",
        "received_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        "channel": "digital",
        "identity_number": world.other_team_case.child.identity_number,
        "content": "Setts med äldre i nätverket.",
    }
    response = client.post(url, posted, follow=True)
    assert response.redirect_chain[-1][0] == reverse("casefile:my_work")
    assert "Den har gått till det team som ska handlägga den." in response.content.decode()
    assert "Saga" not in response.content.decode()


def test_a_likely_duplicate_is_asked_about_as_intake_asks_it(world: World) -> None:
    client = signed_in(world.user("hanna"))
    child = world.own_case.child
    posted = {
        "what": "information",
        "source_kind": "school",
        "reporter_organisation": "Kvarnskolan",
        "received_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        "channel": "written",
        "given_name": child.given_name,
        "family_name": child.family_name,
        "birth_date": child.birth_date.isoformat() if child.birth_date else "",
        "content": ABSENCE,
    }
    asked = client.post(reverse("collaboration:incoming_child"), posted)
    assert asked.status_code == 200 and 'name="not_a_duplicate"' in asked.content.decode()
    assert not Signal.objects.exists()
    confirmed = client.post(reverse("collaboration:incoming_child"), posted | {"not_a_duplicate": "on"})
    assert confirmed.status_code == 302 and Signal.objects.get().kind == SignalKind.REPORT_OF_CONCERN
