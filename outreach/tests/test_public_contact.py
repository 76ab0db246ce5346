"""The safe way in: a public page with no cookie, no third-party request and no cache, whose request lands
as a signal with the intake team and its protection-assessment clock, the same answer for everyone, robots
and floods turned away without any outside service, and the on-call team told out of office hours."""

import re
import time
from datetime import datetime, timedelta

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core import signing
from django.test import Client
from django.urls import reverse

from access.models import AccessEvent
from accounts.models import Role, Team, User
from conftest import TEST_TOTP_SECRET, World, signed_in
from deadlines.models import Deadline, DeadlineKind, Notice, NoticeKind
from deadlines.rules import SWEDEN
from intake.models import Signal, SignalKind
from outreach.models import RateCount
from outreach.public_contact import PER_ADDRESS, ContactRequest, contact_send
from outreach.public_views import SALT, TRAP

pytestmark = pytest.mark.django_db
URL = "/kontakt/"
SENT = {"who": "child", "age": "15", "message": "Jag vill sluta men vet inte hur.", "safe": "text"}


@pytest.fixture
def receiver(world: World) -> User:
    user = User(username="webbkontakt", role=Role.OUTREACH, unit=world.norr, team=world.team_a, is_active=False)
    user.set_unusable_password()
    user.save()
    return user


def _token(seconds_ago: float = 30) -> str:
    return signing.dumps({"t": time.time() - seconds_ago}, salt=SALT)


def _send(client: Client, **over: str) -> tuple[int, str, object]:
    response = client.post(URL, {**SENT, "token": _token(), **over})
    return response.status_code, response.content.decode(), response


def test_the_page_is_outside_the_sign_in_and_sets_no_cookie_and_loads_nothing_from_elsewhere(receiver: User) -> None:
    assert reverse("outreach:public_contact") == URL
    response = Client().get(URL)
    body = response.content.decode()
    assert response.status_code == 200 and not response.cookies
    assert response["Cache-Control"] == "no-store" and response["Referrer-Policy"] == "no-referrer"
    assert "Content-Security-Policy" in response
    sources = [part.split('"')[1] for part in body.split(' src="')[1:]] + [
        part.split('"')[1] for part in body.split(' href="')[1:]
    ]
    elsewhere = [url for url in sources if url.startswith(("http", "//")) and "smhi.se" not in url]
    assert not elsewhere, elsewhere  # only the way out goes elsewhere, and only when pressed
    assert "Lämna sidan snabbt" in body and "csrfmiddlewaretoken" not in body


def test_a_childs_request_lands_with_the_intake_team_and_starts_the_protection_clock(
    world: World, receiver: User
) -> None:
    status, body, response = _send(Client())
    assert status == 200 and "Tack, vi har fått det du skrev" in body and not response.cookies  # type: ignore[attr-defined]
    signal = Signal.objects.get(kind=SignalKind.WEB_CONTACT)
    assert signal.case.team == world.team_a  # Norr's mottagning
    assert "Jag vill sluta men vet inte hur." in signal.content and "bara sms" in signal.content
    clock = Deadline.objects.get(case=signal.case, kind=DeadlineKind.PROTECTION_ASSESSMENT)
    assert clock.met_at is None
    row = AccessEvent.objects.get(view_name="intake.signal_register")
    assert (row.username, row.ip_address) == ("webbkontakt", None)  # the child's address is never logged


def test_every_problem_is_told_at_once_nothing_is_kept_and_the_attempt_is_logged(receiver: User) -> None:
    status, body, _ = _send(Client(), who="", age="", message=" ")
    assert status == 200
    assert all(f'href="#f-{field}"' in body for field in ("who", "age", "message"))
    _status, adult, _ = _send(Client(), age="19")
    assert "18 år eller äldre" in adult and "040-34 10 00" in adult
    _status, long, _ = _send(Client(), message="<script>alert(1)</script>" + "x" * 4000)
    assert "högst 4 000 tecken" in long and "<script>alert(1)" not in long and "&lt;script&gt;" in long
    assert not Signal.objects.exists()
    refused = AccessEvent.objects.filter(view_name="outreach.public_contact", action="refused").order_by("pk")
    assert list(refused.values_list("reason", "person_id", "ip_address")) == [
        ("who:error_who, age:error_age, message:error_message", None, None),
        ("age:error_adult", None, None),
        ("message:error_too_long", None, None),
    ]


def test_robots_are_thanked_and_nothing_is_kept(receiver: User) -> None:
    for trap in ({TRAP: "http://spam.example"}, {"token": _token(seconds_ago=0.5)}):
        status, body, _ = _send(Client(), **trap)
        assert status == 200 and "Tack, vi har fått det du skrev" in body
    assert not Signal.objects.exists()


def test_an_old_or_forged_page_is_asked_to_be_sent_again(receiver: User) -> None:
    for token in (_token(seconds_ago=3 * 3600), "forged", ""):
        status, body, _ = _send(Client(), token=token)
        assert status == 200 and "Skicka en gång till." in body, token
    assert not Signal.objects.exists()


def test_a_flood_from_one_address_is_stopped_logged_once_and_keeps_no_address(receiver: User) -> None:
    client = Client(REMOTE_ADDR="198.51.100.7")
    answers = [_send(client)[0] for _ in range(PER_ADDRESS + 3)]
    assert answers == [200] * PER_ADDRESS + [429] * 3
    assert Signal.objects.count() == PER_ADDRESS
    assert _send(Client(REMOTE_ADDR="198.51.100.8"))[0] == 200  # another household is not stopped
    refused = AccessEvent.objects.filter(view_name="outreach.public_contact", action="refused")
    assert list(refused.values_list("reason", "username", "ip_address")) == [("rate_limited", "webbkontakt", None)]
    stored = " ".join(RateCount.objects.values_list("bucket", flat=True))
    assert "198.51.100" not in stored  # only a keyed hash of the address, for its hour


def test_the_answer_is_the_same_whoever_writes(receiver: User) -> None:
    _s, first, _ = _send(Client(), name="Elias Berg", reach="070-000 00 00")
    _s, second, _ = _send(Client(), name="Någon Annan", reach="070-111 11 11")
    assert re.sub(r'nonce="[^"]+"', "", first) == re.sub(r'nonce="[^"]+"', "", second)


def test_out_of_office_hours_the_on_call_team_is_told_without_the_childs_name(world: World, receiver: User) -> None:
    on_call = Team.objects.create(unit=world.norr, name="Socialjouren", is_on_call=True)
    jour = User.objects.create_user(username="jour", password=None, role=Role.CASEWORKER, team=on_call)
    TOTP.activate(jour, TEST_TOTP_SECRET)
    data = ContactRequest(who="guardian", age=14, message="Min son hotas.", name="Maria", reach="070-000 00 00")
    today = datetime.now(SWEDEN).date()
    saturday = today - timedelta(days=(today.weekday() - 5) % 7 or 7)
    tuesday = saturday - timedelta(days=4)
    contact_send(
        account=receiver, data=data, received_at=datetime(tuesday.year, tuesday.month, tuesday.day, 10, tzinfo=SWEDEN)
    )
    assert not Notice.objects.filter(kind=NoticeKind.WEB_CONTACT_AFTER_HOURS).exists()
    contact_send(
        account=receiver,
        data=data,
        received_at=datetime(saturday.year, saturday.month, saturday.day, 22, tzinfo=SWEDEN),
    )
    assert list(Notice.objects.filter(kind=NoticeKind.WEB_CONTACT_AFTER_HOURS).values_list("recipient", flat=True)) == [
        jour.pk
    ]
    queue = signed_in(jour).get(reverse("deadlines:work_queue")).content.decode()
    assert "Kontaktförfrågan via webben utanför kontorstid" in queue and "nödåtkomst" in queue
    assert "Namn okänt" not in queue and "Maria" not in queue


def test_the_page_speaks_arabic_right_to_left_and_says_it_cannot_help_without_its_account(world: World) -> None:
    assert Client().get(URL).status_code == 503  # no receiving account set up: it says where to call
    User.objects.create(username="webbkontakt", role=Role.OUTREACH, unit=world.norr, team=world.team_a, is_active=False)
    body = Client().get(URL, {"sprak": "ar"}).content.decode()
    assert 'lang="ar"' in body and 'dir="rtl"' in body and "هل تريد التحدث مع أحد؟" in body


def test_one_addresss_flood_does_not_use_up_the_hour_for_everyone_else(receiver: User) -> None:
    from outreach import public_contact

    flood = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(public_contact.PER_HOUR + 5):
        public_contact.within_limits("198.51.100.7")
    assert _send(flood)[0] == 429
    assert _send(Client(REMOTE_ADDR="198.51.100.9"))[0] == 200
    assert RateCount.objects.get(bucket__startswith="all:").count == public_contact.PER_ADDRESS + 1  # not the flood
