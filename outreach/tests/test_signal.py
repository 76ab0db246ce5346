"""A child met in the field wants help: one press, and the mottagning has a signal to assess at once."""

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from access.models import AccessAction, AccessEvent
from accounts.models import User
from conftest import World, signed_in
from core.identity import synthetic_identity_number
from deadlines.models import Deadline, DeadlineKind
from deadlines.rules import protection_assessment_due
from intake.models import ReporterType, Signal, SignalKind
from outreach.tests.helpers import area, field_worker

CHILD = "/falt/barn/"


def _data(**changes: str) -> dict[str, str]:
    data = {
        "wants": "Vill komma bort från gänget, är rädd.",
        "reach": "Ringer mottagningen själv i morgon.",
        "given_name": "Kim",
        "family_name": "",
        "identity_number": "",
        "age": "15",
        "area": str(area("Norr").pk),
    }
    return data | changes


def test_the_route_is_the_childs_form() -> None:
    assert reverse("outreach:child") == CHILD


def test_the_button_registers_a_signal_with_the_protection_clock_and_the_worker_cannot_open_it(world: World) -> None:
    client = signed_in(field_worker(world))
    response = client.post(CHILD, _data())
    assert response.status_code == 302 and response["Location"] == "/falt/"
    signal = Signal.objects.get()
    assert (signal.kind, signal.reporter_type) == (SignalKind.OUTREACH, ReporterType.NOT_A_REPORT)
    assert signal.case.team == world.team_a  # the unit's mottagning, not the field team
    assert "Känd till namn: Kim." in signal.content
    assert "Vad barnet vill: Vill komma bort" in signal.content and "Område: Norr." in signal.content
    born, today = signal.child.birth_date, signal.received_at.date()
    assert signal.child.given_name == "Kim" and born is not None
    assert today.year - born.year - ((today.month, today.day) < (born.month, born.day)) == 15
    clock = Deadline.objects.get(kind=DeadlineKind.PROTECTION_ASSESSMENT)
    assert clock.case == signal.case and clock.due_on == protection_assessment_due(signal.received_at)
    # The write is logged by intake's service; the field worker is not given the case.
    assert AccessEvent.objects.filter(action=AccessAction.WRITE, view_name="intake.signal_register").count() == 1
    assert client.get(reverse("casefile:case_detail", args=[signal.case.public_id])).status_code == 404


def _sent(user: User, data: dict[str, str]) -> tuple[int, str, list[str]]:
    response = signed_in(user).post(CHILD, data)
    return response.status_code, response["Location"], [str(m) for m in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("who", ["fia", "ella"])
def test_the_answer_is_the_same_for_a_known_and_an_unknown_child(world: World, who: str) -> None:
    """fia's team holds the known child's case; ella's does not: neither learns anything from the answer."""
    user = world.user("fia") if who == "fia" else field_worker(world)
    known = _sent(user, _data(identity_number=world.own_case.child.identity_number, age=""))
    unknown = _sent(user, _data(identity_number=synthetic_identity_number(date(2011, 6, 6), 777).twelve_digits))
    assert known == unknown == (302, "/falt/", ["Skickat till mottagningen."])
    assert Signal.objects.filter(child=world.own_case.child, case=world.own_case).count() == 1
    assert Signal.objects.count() == 2


def test_every_problem_at_once_and_nothing_registered(world: World) -> None:
    response = signed_in(field_worker(world)).post(CHILD, _data(wants="", reach="", age="25"))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"wants", "reach", "age"}
    response = signed_in(field_worker(world, "nils")).post(CHILD, _data(identity_number="19900101-0017", age=""))
    assert set(response.context["form"].errors) == {"identity_number"}
    assert not Signal.objects.exists()


def test_other_roles_are_refused_and_logged(world: World) -> None:
    for name in ("hanna", "sara", "lars", "anna"):
        client = signed_in(world.user(name))
        assert client.get(CHILD).status_code == 404
        assert client.post(CHILD, _data()).status_code == 404
    assert not Signal.objects.exists()
    assert AccessEvent.objects.filter(action=AccessAction.DENIED, view_name="outreach.signal").count() == 8
