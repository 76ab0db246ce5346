"""Moving a case to another municipality as SoL (2025:400) 29 kap. 10, 11 and 12 §§ have it: the written request with
its disclosure on 12 §, the answer, the application to IVO after a refusal or a month without an answer, and
IVO's decision; each step once and in its order, every problem at once, nothing half-saved."""

from dataclasses import replace
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.models import AccessEvent
from collaboration.models import Disclosure
from collaboration.transfer_request_models import IvoApplication, TransferRequest
from collaboration.transfer_requests import (
    RequestInput,
    Stage,
    Step,
    StepInput,
    stage_of,
    transfer_request_record,
    transfer_step_record,
)
from conftest import World, signed_in
from core.calendar import add_months

pytestmark = pytest.mark.django_db


def _data(**changes: object) -> RequestInput:
    data = RequestInput(
        municipality="Kvarnby kommun, socialtjänsten",
        requested_on=timezone.localdate(),
        connection="Mamman, som har vårdnaden, och syskonen bor i Kvarnby sedan i somras.",
        wishes="Elias vill bo hos mamman; mamman vill att ärendet flyttas.",
        duration="Stödet i programmet väntas pågå minst ett år.",
        circumstances="",
        what="Utredningen och planen i avhopparprogrammet.",
        basis="29-12",
        conditions=frozenset({"29-12-needed"}),
        assessment="Behövs för att Kvarnby ska kunna ta ställning och ta över ärendet.",
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def _requested(world: World, **changes: object) -> TransferRequest:
    return transfer_request_record(
        actor=Actor.system(world.user("hanna")), case_public_id=world.own_case.public_id, data=_data(**changes)
    )


def _step(world: World, request: TransferRequest, step: Step, days_ago: int = 0, **changes: object) -> object:
    data = replace(StepInput(step=step, day=timezone.localdate() - timedelta(days=days_ago)), **changes)  # type: ignore[arg-type]
    return transfer_step_record(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        request_id=request.public_id,
        data=data,
    )


def _codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [str(e.code) for e in errors] for field, errors in exc.error_dict.items()}


def _fresh(request: TransferRequest) -> TransferRequest:
    return TransferRequest.objects.select_related("answer", "ivo_application__decision").get(pk=request.pk)


def test_a_request_rests_on_29_10_and_what_it_tells_is_a_disclosure_on_29_12(world: World) -> None:
    request = _requested(world)
    assert request.legal_basis.key == "case-transfer-request" and request.legal_basis.provision == "29 kap. 10 §"
    disclosure = request.disclosure
    assert disclosure.legal_basis.key == "disclosure-case-transfer" and disclosure.conditions == ["29-12-needed"]
    assert disclosure.recipient_kind == "municipality" and disclosure.channel == "written"
    assert disclosure.person_id == world.own_case.child_id
    assert stage_of(_fresh(request)) == Stage.AWAITING_ANSWER


def test_every_problem_of_a_request_at_once_and_nothing_saved(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        _requested(world, municipality="", connection=" ", wishes="", duration="", conditions=frozenset())
    assert _codes(refused.value) == {
        "connection": ["required"],
        "wishes": ["required"],
        "duration": ["required"],
        "recipient": ["required"],
        "conditions_29-12": ["unconfirmed"],
    }
    with pytest.raises(ValidationError) as police_only:
        _requested(world, basis="18a", conditions=frozenset({"18a-risk", "18a-suitable", "not-committed"}))
    assert _codes(police_only.value) == {"recipient_kind": ["recipient_not_allowed"]}
    assert not TransferRequest.objects.exists() and not Disclosure.objects.exists()


def test_the_other_municipality_agrees_and_the_case_is_to_be_handed_over(world: World) -> None:
    request = _requested(world, requested_on=timezone.localdate() - timedelta(days=3))
    with pytest.raises(ValidationError) as early:
        _step(world, request, Step.ANSWER, days_ago=5, agreed=True)
    assert _codes(early.value) == {"day": ["too_early"]}
    _step(world, request, Step.ANSWER, days_ago=1, agreed=True)
    assert stage_of(_fresh(request)) == Stage.AGREED
    page = signed_in(world.user("hanna")).get(
        reverse("collaboration:transfer_request", args=[world.own_case.public_id, request.public_id])
    )
    assert reverse("collaboration:transfer_new", args=[world.own_case.public_id]) in page.content.decode()
    with pytest.raises(ValidationError) as twice:
        _step(world, request, Step.ANSWER, agreed=False)
    assert _codes(twice.value) == {"__all__": ["out_of_order"]}


def test_a_refusal_goes_to_ivo_which_decides_and_each_step_comes_once_in_its_order(world: World) -> None:
    request = _requested(world, requested_on=timezone.localdate() - timedelta(days=10))
    with pytest.raises(ValidationError) as decided_first:
        _step(world, request, Step.DECISION, agreed=True)
    assert _codes(decided_first.value) == {"__all__": ["out_of_order"]}
    _step(world, request, Step.ANSWER, days_ago=8, agreed=False, note="Anknytningen är starkare hos er.")
    assert stage_of(_fresh(request)) == Stage.REFUSED
    with pytest.raises(ValidationError) as before_answer:
        _step(world, request, Step.IVO, days_ago=9)
    assert _codes(before_answer.value) == {"day": ["too_early"]}
    application = _step(world, request, Step.IVO, days_ago=2)
    assert isinstance(application, IvoApplication) and application.legal_basis.provision == "29 kap. 11 §"
    page = signed_in(world.user("hanna")).get(
        reverse("collaboration:transfer_request", args=[world.own_case.public_id, request.public_id])
    )
    due = add_months(application.applied_on, 3).isoformat()
    assert f"senast {due}" in page.content.decode()
    _step(world, request, Step.DECISION, agreed=True)
    assert stage_of(_fresh(request)) == Stage.IVO_TRANSFER
    with pytest.raises(ValidationError):
        _step(world, request, Step.DECISION, agreed=False)


def test_without_an_answer_ivo_is_open_a_month_after_the_request_and_not_before(world: World) -> None:
    late = _requested(world, requested_on=add_months(timezone.localdate(), -1) - timedelta(days=1))
    assert isinstance(_step(world, late, Step.IVO), IvoApplication)
    recent = _requested(world, requested_on=timezone.localdate() - timedelta(days=10))
    with pytest.raises(ValidationError) as too_soon:
        _step(world, recent, Step.IVO)
    assert _codes(too_soon.value) == {"__all__": ["out_of_order"]}


def test_the_screens_record_a_request_and_its_answer(world: World) -> None:
    client = signed_in(world.user("hanna"))
    case = world.own_case.public_id
    new = reverse("collaboration:transfer_request_new", args=[case])
    refused = client.post(new, {"disclosed_on": timezone.localdate().isoformat()})
    for field in ("recipient", "connection", "wishes", "duration", "what", "basis", "assessment"):
        assert f'href="#id_{field}' in refused.content.decode(), field
    posted = {
        "recipient": "Kvarnby kommun",
        "disclosed_on": timezone.localdate().isoformat(),
        "connection": "Mamman bor där.",
        "wishes": "Elias vill flytta.",
        "duration": "Ett år.",
        "what": "Utredningen.",
        "basis": "29-12",
        "conditions_29-12": ["29-12-needed"],
        "assessment": "Behövs.",
    }
    assert client.post(new, posted).status_code == 302
    request = TransferRequest.objects.get()
    url = reverse("collaboration:transfer_request", args=[case, request.public_id])
    assert "Registrera den andra kommunens svar" in client.get(url).content.decode()
    empty = client.post(url, {"steg": "answer"})
    assert 'href="#id_answer-agreed' in empty.content.decode()
    answer = {"steg": "answer", "answer-day": timezone.localdate().isoformat(), "answer-agreed": "yes"}
    assert client.post(url, answer).status_code == 302
    listing = client.get(reverse("collaboration:transfer_requests", args=[case])).content.decode()
    assert "Kommunen tar över ärendet: lämna över det." in listing


def test_a_worker_of_another_team_finds_nothing_and_treatment_staff_may_read_but_not_request(world: World) -> None:
    request = _requested(world)
    case = world.own_case.public_id
    page = reverse("collaboration:transfer_request", args=[case, request.public_id])
    sara = signed_in(world.user("sara"))
    assert sara.get(page).status_code == 404
    assert sara.get(reverse("collaboration:transfer_requests", args=[case])).status_code == 404
    assert AccessEvent.objects.filter(username="sara", action="denied").count() == 2
    bo = signed_in(world.user("bo"))
    shown = bo.get(page).content.decode()
    assert "Registrera den andra kommunens svar" not in shown and "Kvarnby kommun" in shown
    answer = {"steg": "answer", "answer-day": timezone.localdate().isoformat(), "answer-agreed": "yes"}
    assert bo.post(page, answer).status_code in (403, 404)
    assert stage_of(_fresh(request)) == Stage.AWAITING_ANSWER


def test_the_list_reads_in_the_same_queries_for_1_request_as_for_6(world: World) -> None:
    client = signed_in(world.user("hanna"))
    url = reverse("collaboration:transfer_requests", args=[world.own_case.public_id])
    first = _requested(world, requested_on=timezone.localdate() - timedelta(days=5))
    _step(world, first, Step.ANSWER, agreed=False)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for n in range(5):
        made = _requested(world, requested_on=timezone.localdate() - timedelta(days=n))
        if n % 2:
            _step(world, made, Step.ANSWER, agreed=False)
            _step(world, made, Step.IVO)
    with CaptureQueriesContext(connection) as six:
        page = client.get(url).content.decode()
    assert len(six) == len(one)
    assert page.count("Kvarnby kommun") == 6
