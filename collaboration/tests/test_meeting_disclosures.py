"""From a meeting item to the disclosures it led to: a disclosure may name the case's own meeting item (no
other case's, never before the meeting); the item shows what was disclosed from it, as the register would
show it to the reader; a correction keeps the item."""

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.models import ProtectedIdentityAuthorization
from collaboration.disclosures import disclosure_record
from collaboration.models import Disclosure, MeetingItem
from collaboration.tests.helpers import young
from collaboration.tests.test_meetings import _item, _meeting
from conftest import World, make_person, signed_in
from people.models import ProtectionLevel, RelationKind
from people.services import relation_create

pytestmark = pytest.mark.django_db


def _from(world: World, item: MeetingItem, user: str = "hanna", **changes: Any) -> Disclosure:
    start: dict[str, Any] = {"meeting_item": str(item.public_id), "disclosed_on": item.meeting.held_on}
    data = replace(young(world), **(start | changes))
    return disclosure_record(actor=Actor.system(world.user(user)), case_public_id=world.own_case.public_id, data=data)


def _codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [str(e.code) for e in errors] for field, errors in exc.error_dict.items()}


def test_the_form_from_an_item_starts_at_the_meeting_and_the_item_shows_what_was_disclosed(world: World) -> None:
    held = timezone.localdate() - timedelta(days=2)
    item = _item(world, _meeting(world, held_on=held))
    client = signed_in(world.user("hanna"))
    case = world.own_case.public_id
    meetings = client.get(reverse("collaboration:case_meetings", args=[case])).content.decode()
    link = f"{reverse('collaboration:disclosure_new', args=[case])}?punkt={item.public_id}"
    assert link in meetings
    form = client.get(link).content.decode()
    assert "Från punkten på mötet" in form and f'value="{held.isoformat()}"' in form
    posted = {
        "person": str(world.own_case.child.public_id),
        "disclosed_on": held.isoformat(),
        "recipient_kind": "police",
        "recipient": "Polisen Norr",
        "channel": "oral",
        "what": "Iakttagelser.",
        "basis": "18a",
        "conditions_18a": ["18a-risk", "18a-suitable", "not-committed"],
        "assessment": "Prövad.",
    }
    assert client.post(link, posted).status_code == 302
    assert Disclosure.objects.get().meeting_item == item
    meetings = client.get(reverse("collaboration:case_meetings", args=[case])).content.decode()
    assert "Utlämnat från punkten:" in meetings and "Polismyndigheten" in meetings
    register = client.get(reverse("collaboration:disclosures", args=[case])).content.decode()
    assert f"Från mötet {held.isoformat()} (Bob-råd)" in register


def test_an_item_of_another_case_or_a_broken_one_is_not_found(world: World) -> None:
    other = _item(world, _meeting(world), case=world.protected_case)
    client = signed_in(world.user("hanna"))
    url = reverse("collaboration:disclosure_new", args=[world.own_case.public_id])
    assert client.get(f"{url}?punkt={other.public_id}").status_code == 404
    assert client.get(f"{url}?punkt=inte-ett-id").status_code == 404
    with pytest.raises(ValidationError) as refused:
        _from(world, other)
    assert _codes(refused.value) == {"meeting_item": ["no_meeting_item"]}
    assert not Disclosure.objects.exists()


def test_a_disclosure_cannot_come_before_the_meeting_it_came_from(world: World) -> None:
    item = _item(world, _meeting(world, held_on=timezone.localdate() - timedelta(days=1)))
    with pytest.raises(ValidationError) as refused:
        _from(world, item, disclosed_on=timezone.localdate() - timedelta(days=3))
    assert _codes(refused.value) == {"disclosed_on": ["before_meeting"]}
    assert _from(world, item, disclosed_on=timezone.localdate()).meeting_item == item  # a later letter may follow


def test_a_correction_keeps_the_item(world: World) -> None:
    item = _item(world, _meeting(world))
    first = _from(world, item)
    client = signed_in(world.user("hanna"))
    url = reverse("collaboration:disclosure_correct", args=[world.own_case.public_id, first.public_id])
    assert "Från punkten på mötet" in client.get(url).content.decode()
    posted = {
        "person": str(world.own_case.child.public_id),
        "disclosed_on": first.disclosed_on.isoformat(),
        "recipient_kind": "security_police",
        "recipient": "Säpo",
        "channel": "oral",
        "what": "Iakttagelser.",
        "basis": "18a",
        "conditions_18a": ["18a-risk", "18a-suitable", "not-committed"],
        "assessment": "Prövad.",
    }
    assert client.post(url, posted).status_code == 302
    assert Disclosure.objects.get(corrects=first).meeting_item == item


def test_the_item_keeps_a_disclosure_about_a_relative_from_a_reader_not_named_for_them(world: World) -> None:
    hidden = make_person("Nora", "Berg", date(2009, 1, 1), 615, protection_level=ProtectionLevel.PROTECTED_REGISTRATION)
    relation_create(child=world.own_case.child, relative=hidden, kind=RelationKind.SIBLING)
    karin = world.user("karin")
    ProtectedIdentityAuthorization.objects.create(
        person=hidden, user=karin, granted_by=karin, granted_at=timezone.now()
    )
    item = _item(world, _meeting(world))
    _from(world, item, user="karin", person=str(hidden.public_id), basis="necessary", conditions={"2-necessary"})
    url = reverse("collaboration:case_meetings", args=[world.own_case.public_id])
    assert "Utlämnat från punkten:" in signed_in(karin).get(url).content.decode()
    assert "Utlämnat från punkten:" not in signed_in(world.user("olle")).get(url).content.decode()


def test_the_case_meetings_page_reads_in_the_same_queries_for_1_disclosure_per_item_as_for_10(world: World) -> None:
    items = [_item(world, _meeting(world)) for _n in range(3)]
    for item in items:
        _from(world, item)
    client = signed_in(world.user("hanna"))
    url = reverse("collaboration:case_meetings", args=[world.own_case.public_id])
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for item in items:
        for _n in range(9):
            _from(world, item, user="olle")
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert len(many) == len(few)
    assert page.count("Polismyndigheten") >= 30
