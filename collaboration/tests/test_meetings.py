"""Meetings with partners (issue 16 point 1): the meeting names no child; each case on the agenda is its
own record in that case, written only by who may change the case and read only by who may read it, every
problem answered at once, nothing half-saved, every row kept as it was written."""

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from accounts.models import Role, Team, User
from cases.models import Case
from cases.services import case_open
from collaboration.meeting_selectors import meeting_page
from collaboration.meetings import ItemInput, MeetingInput, meeting_create, meeting_item_record
from collaboration.models import Meeting, MeetingAttendance, MeetingItem, MeetingKind
from conftest import TEST_TOTP_SECRET, World, make_person, signed_in

pytestmark = pytest.mark.django_db

DISCUSSED = "Elias har setts vid skolan med äldre i nätverket; polisen oroas."
OFFERED = "Elias erbjöds samtal med avhopparkoordinatorn och plats i fritidsverksamheten."


def _meeting(world: World, user: str = "hanna", **changes: Any) -> Meeting:
    data = MeetingInput(
        kind=MeetingKind.BOB,
        held_on=timezone.localdate(),
        title="Bob-råd december, område Norr",
        participants="Polisen (lokalpolisområde Norr), socialtjänsten (två socialsekreterare), skolan (rektor)",
    )
    return meeting_create(actor=Actor.system(world.user(user)), data=replace(data, **changes))


def _item(world: World, meeting: Meeting, user: str = "hanna", case: Case | None = None, **changes: Any) -> MeetingItem:
    data = replace(ItemInput(discussed=DISCUSSED, decided=OFFERED), **changes)
    return meeting_item_record(
        actor=Actor.system(world.user(user)),
        case_public_id=(case or world.own_case).public_id,
        meeting_id=meeting.public_id,
        data=data,
    )


def _codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [str(e.code) for e in errors] for field, errors in exc.error_dict.items()}


def _other_team_of_the_unit(world: World) -> tuple[User, Case]:
    """Nils, a case worker of Norr B, another team of the same unit, with a case of his own."""
    team_b = Team.objects.create(unit=world.norr, name="Norr B")
    nils = User.objects.create_user(username="nils", password=None, role=Role.CASEWORKER, unit=world.norr, team=team_b)
    TOTP.activate(nils, TEST_TOTP_SECRET)
    world.users["nils"] = nils
    child = make_person("Saga", "Lind", date(2010, 9, 1), 741)
    return nils, case_open(child=child, team=team_b, responsible=nils)


def test_a_case_worker_puts_a_meeting_on_the_units_list_with_no_personal_data(world: World) -> None:
    meeting = _meeting(world)
    assert (meeting.unit, meeting.kind, meeting.created_by) == (world.norr, MeetingKind.BOB, world.user("hanna"))
    assert not AccessEvent.objects.filter(action=AccessAction.WRITE).exists()  # no case, so no read of anyone
    page = signed_in(world.user("bo")).get(reverse("collaboration:meetings")).content.decode()
    assert "Bob-råd december, område Norr" in page
    assert reverse("collaboration:meeting_new") not in page  # treatment staff read the list, hold no meetings


def test_a_meeting_refuses_an_identity_or_phone_number_and_answers_every_problem_at_once(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        _meeting(
            world,
            kind="",
            held_on=timezone.localdate() + timedelta(days=400),
            title="Genomgång av 20110304-1238",
            participants="Polisen, ring 070-123 45 67",
        )
    assert _codes(caught.value) == {
        "kind": ["required"],
        "held_on": ["too_far"],
        "title": ["identifying"],
        "participants": ["identifying"],
    }
    assert not Meeting.objects.exists()


def test_a_treatment_worker_may_not_hold_a_meeting_and_the_attempt_is_logged(world: World) -> None:
    with pytest.raises(Http404):
        _meeting(world, "bo")
    assert not Meeting.objects.exists()
    assert AccessEvent.objects.filter(action=AccessAction.DENIED, view_name="collaboration.meeting.new").exists()
    assert signed_in(world.user("bo")).get(reverse("collaboration:meeting_new")).status_code == 404


def test_a_custom_call_in_is_written_into_the_childs_case_with_who_came(world: World) -> None:
    meeting = _meeting(world, kind=MeetingKind.CUSTOM_U18, title="Custom under 18, Norr")
    child, guardian = world.own_case.child, world.guardian
    item = _item(
        world,
        meeting,
        invited={str(child.public_id), str(guardian.public_id)},
        came={str(child.public_id)},
        child_said="Jag vill inte vara med dem längre.",
        follow_up_on=timezone.localdate() + timedelta(days=14),
    )
    assert (item.case, item.meeting) == (world.own_case, meeting)
    assert MeetingItem.objects.get().child_said == "Jag vill inte vara med dem längre."  # through the cipher
    assert {(a.person, a.came) for a in MeetingAttendance.objects.all()} == {(child, True), (guardian, False)}
    write = AccessEvent.objects.get(action=AccessAction.WRITE, view_name="collaboration.meeting.item")
    assert (write.case_id, write.person_id) == (world.own_case.pk, child.pk)


def test_a_worker_of_another_team_cannot_write_into_a_case_they_may_not_change(world: World) -> None:
    meeting = _meeting(world)
    with pytest.raises(Http404):
        _item(world, meeting, "sara")
    nils, _case = _other_team_of_the_unit(world)
    with pytest.raises(Http404):
        meeting_item_record(
            actor=Actor.system(nils),
            case_public_id=world.own_case.public_id,
            meeting_id=meeting.public_id,
            data=ItemInput(discussed=DISCUSSED),
        )
    assert not MeetingItem.objects.exists()
    denied = AccessEvent.objects.filter(action=AccessAction.DENIED, view_name="collaboration.meeting.item")
    assert sorted(denied.values_list("username", "case_id")) == [
        ("nils", world.own_case.pk),
        ("sara", world.own_case.pk),
    ]
    url = reverse("collaboration:meeting_item_new", args=[world.own_case.public_id, meeting.public_id])
    assert signed_in(nils).get(url).status_code == 404
    assert signed_in(world.user("bo")).get(url).status_code == 403  # the own team's, but not the role's


def test_every_problem_is_answered_at_once_and_nothing_is_half_saved(world: World) -> None:
    meeting = _meeting(world, kind=MeetingKind.CUSTOM_U18)
    stranger = world.other_team_case.child
    with pytest.raises(ValidationError) as caught:
        _item(
            world,
            meeting,
            discussed=" ",
            invited={str(world.guardian.public_id), str(stranger.public_id)},
            came={str(world.own_case.child.public_id)},
            child_said="Något.",
            guardians_said="Något.",
            follow_up_on=timezone.localdate() - timedelta(days=1),
        )
    assert _codes(caught.value) == {
        "discussed": ["required"],
        "invited": ["not_of_case", "child"],
        "came": ["not_invited"],
        "guardians_said": ["absent"],
        "follow_up_on": ["before"],
    }
    assert not MeetingItem.objects.exists() and not MeetingAttendance.objects.exists()
    refused = AccessEvent.objects.get(action=AccessAction.REFUSED, view_name="collaboration.meeting.item")
    assert "invited:child" in refused.reason
    assert not AccessEvent.objects.filter(action=AccessAction.WRITE).exists()


def test_a_case_goes_only_to_its_own_units_meetings_held_by_now(world: World) -> None:
    soder = _meeting(world, "sara")
    planned = _meeting(world, held_on=timezone.localdate() + timedelta(days=7))
    for meeting, code in ((soder, "no_meeting"), (planned, "not_held")):
        with pytest.raises(ValidationError) as caught:
            _item(world, meeting)
        assert _codes(caught.value) == {"meeting": [code]}
    url = reverse("collaboration:meeting_item_new", args=[world.own_case.public_id, soder.public_id])
    assert signed_in(world.user("hanna")).get(url).status_code == 404


def test_the_meeting_page_shows_each_case_only_to_who_may_read_it_and_counts_the_rest(world: World) -> None:
    meeting = _meeting(world)
    nils, norr_b = _other_team_of_the_unit(world)
    _item(world, meeting)
    _item(world, meeting, "nils", case=norr_b, discussed="Saga har slutat komma till skolan.")
    url = reverse("collaboration:meeting", args=[meeting.public_id])
    hanna = signed_in(world.user("hanna")).get(url).content.decode()
    assert DISCUSSED in hanna and world.own_case.reference in hanna
    assert "Saga har slutat" not in hanna and norr_b.reference not in hanna
    assert "1 ärende som du inte har behörighet till" in hanna
    theirs = signed_in(nils).get(url).content.decode()
    assert "Saga har slutat" in theirs and DISCUSSED not in theirs and world.own_case.reference not in theirs
    assert "1 ärende som du inte har behörighet till" in theirs
    manager = meeting_page(Actor.system(world.user("karin")), meeting.public_id)
    assert (len(manager.rows), manager.hidden_cases) == (2, 0)
    assert signed_in(world.user("sara")).get(url).status_code == 404  # another unit's meeting


def test_each_item_shown_is_logged_as_a_read_of_its_case_and_nothing_else_is(world: World) -> None:
    meeting = _meeting(world)
    _nils, norr_b = _other_team_of_the_unit(world)
    _item(world, meeting, invited={str(world.guardian.public_id)}, came={str(world.guardian.public_id)})
    _item(world, meeting, "nils", case=norr_b)
    before = AccessEvent.objects.count()
    signed_in(world.user("olle")).get(reverse("collaboration:meeting", args=[meeting.public_id]))
    rows = list(AccessEvent.objects.order_by("id")[before:].values_list("action", "view_name", "person_id", "case_id"))
    assert sorted(rows) == [
        ("list", "collaboration.meeting.persons", world.guardian.pk, world.own_case.pk),
        ("view", "collaboration.meeting.items", world.own_case.child_id, world.own_case.pk),
    ]


def test_a_correction_is_a_new_item_and_the_corrected_one_is_kept_and_not_corrected_twice(world: World) -> None:
    meeting = _meeting(world)
    first = _item(world, meeting)
    fixed = _item(world, meeting, corrects=str(first.public_id), discussed="Rättat: vid fritidsgården.")
    assert fixed.corrects == first and MeetingItem.objects.get(pk=first.pk).discussed == DISCUSSED
    with pytest.raises(ValidationError) as caught:
        _item(world, meeting, corrects=str(first.public_id))
    assert _codes(caught.value) == {"corrects": ["corrected"]}
    page = signed_in(world.user("hanna")).get(reverse("collaboration:case_meetings", args=[world.own_case.public_id]))
    text = page.content.decode()
    assert "Rättad" in text and "Rättat: vid fritidsgården." in text
    correct = reverse(
        "collaboration:meeting_item_correct", args=[world.own_case.public_id, meeting.public_id, first.public_id]
    )
    assert correct not in text


def test_the_database_refuses_update_and_delete(world: World) -> None:
    meeting = _meeting(world)
    child = str(world.own_case.child.public_id)
    item = _item(world, meeting, invited={child}, came={child})
    for change in (
        lambda: Meeting.objects.filter(pk=meeting.pk).update(title="Annat"),
        lambda: Meeting.objects.filter(pk=meeting.pk).delete(),
        lambda: MeetingItem.objects.filter(pk=item.pk).update(follow_up_on=timezone.localdate()),
        lambda: MeetingItem.objects.filter(pk=item.pk).delete(),
        lambda: MeetingAttendance.objects.filter(item=item).update(came=False),
        lambda: MeetingAttendance.objects.filter(item=item).delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            change()


def _grown(world: World, meeting: Meeting, count: int) -> None:
    guardian = str(world.guardian.public_id)
    for _n in range(count):
        _item(world, meeting, invited={guardian}, came={guardian})


def test_the_meeting_page_reads_in_the_same_queries_for_5_items_as_for_50(
    world: World, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    meeting = _meeting(world)
    actor = Actor.system(world.user("hanna"))
    _grown(world, meeting, 5)
    with CaptureQueriesContext(connection) as five:
        assert len(meeting_page(actor, meeting.public_id).rows) == 5
    _grown(world, meeting, 45)
    with django_assert_num_queries(len(five)):
        assert len(meeting_page(actor, meeting.public_id).rows) == 50


def test_the_forms_answer_every_problem_at_once_with_links_to_the_fields(world: World) -> None:
    client = signed_in(world.user("hanna"))
    refused = client.post(reverse("collaboration:meeting_new"), {"title": "Möte om 201103041238"})
    text = refused.content.decode()
    assert refused.status_code == 200 and not Meeting.objects.exists()
    for field in ("kind_0", "held_on", "title", "participants"):
        assert f'href="#id_{field}"' in text
    meeting = _meeting(world, kind=MeetingKind.CUSTOM_U18)
    url = reverse("collaboration:meeting_item_new", args=[world.own_case.public_id, meeting.public_id])
    form = client.get(url).content.decode()
    assert reverse("collaboration:disclosure_new", args=[world.own_case.public_id]) in form
    assert "Maria Berg" in form  # the guardian, to invite
    refused = client.post(url, {"child_said": "Hej."})
    text = refused.content.decode()
    assert refused.status_code == 200 and not MeetingItem.objects.exists()
    for field in ("discussed", "invited_0", "child_said"):
        assert f'href="#id_{field}"' in text
    child = str(world.own_case.child.public_id)
    done = client.post(url, {"discussed": DISCUSSED, "invited": [child], "came": [child], "child_said": "Hej."})
    assert done.status_code == 302 and MeetingItem.objects.get().child_said == "Hej."


def test_the_case_offers_its_units_meetings_and_the_timeline_shows_the_item(world: World) -> None:
    meeting = _meeting(world)
    soder = _meeting(world, "sara", title="Bob-råd Söder")
    client = signed_in(world.user("hanna"))
    case_page = client.get(reverse("casefile:case_detail", args=[world.own_case.public_id])).content.decode()
    assert "Lägg till på ett samverkansmöte" in case_page
    page = client.get(reverse("collaboration:case_meetings", args=[world.own_case.public_id])).content.decode()
    assert reverse("collaboration:meeting_item_new", args=[world.own_case.public_id, meeting.public_id]) in page
    assert "Bob-råd Söder" not in page and str(soder.public_id) not in page
    planned = _meeting(world, held_on=timezone.localdate() + timedelta(days=7), title="Bob-råd januari")
    page = client.get(reverse("collaboration:case_meetings", args=[world.own_case.public_id])).content.decode()
    assert "Bob-råd januari" in page and str(planned.public_id) not in page  # listed, not yet to be written
    _item(world, meeting)
    timeline = client.get(reverse("casefile:case_timeline", args=[world.own_case.public_id])).content.decode()
    assert "Samverkansmöte" in timeline and DISCUSSED in timeline and "Bob-råd december" in timeline


def test_a_protected_relative_invited_is_shown_and_logged_only_for_who_is_named_for_them(world: World) -> None:
    from access.models import ProtectedIdentityAuthorization
    from people.models import ProtectionLevel, RelationKind
    from people.services import relation_create

    hidden = make_person("Nora", "Berg", date(1979, 1, 1), 615, protection_level=ProtectionLevel.PROTECTED_REGISTRATION)
    relation_create(child=world.own_case.child, relative=hidden, kind=RelationKind.GUARDIAN_WITH_CUSTODY)
    karin = world.user("karin")
    ProtectedIdentityAuthorization.objects.create(
        person=hidden, user=karin, granted_by=karin, granted_at=timezone.now()
    )
    meeting = _meeting(world, kind=MeetingKind.CUSTOM_U18)
    child = str(world.own_case.child.public_id)
    _item(world, meeting, "karin", invited={child, str(hidden.public_id)}, came={child, str(hidden.public_id)})
    with pytest.raises(ValidationError) as caught:  # olle is not named for her: she is not offered to him
        _item(world, meeting, "olle", invited={child, str(hidden.public_id)})
    assert _codes(caught.value) == {"invited": ["not_of_case"]}
    url = reverse("collaboration:meeting", args=[meeting.public_id])
    assert "Nora" not in signed_in(world.user("olle")).get(url).content.decode()
    assert not AccessEvent.objects.filter(username="olle", person_id=hidden.pk).exists()
    assert "Nora Berg: kom" in signed_in(karin).get(url).content.decode()
    seen = AccessEvent.objects.get(username="karin", person_id=hidden.pk, view_name="collaboration.meeting.persons")
    assert seen.case_id == world.own_case.pk
    case_page = signed_in(world.user("olle")).get(
        reverse("collaboration:case_meetings", args=[world.own_case.public_id])
    )
    assert "Nora" not in case_page.content.decode()


def _page_queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_case_meetings_page_and_the_units_list_read_in_the_same_queries_for_5_as_for_50(world: World) -> None:
    client = signed_in(world.user("hanna"))
    case_url = reverse("collaboration:case_meetings", args=[world.own_case.public_id])
    list_url = reverse("collaboration:meetings")
    for _n in range(5):
        _grown(world, _meeting(world), 1)
    small = (_page_queries(client, case_url), _page_queries(client, list_url))
    for _n in range(45):
        _grown(world, _meeting(world), 1)
    assert (_page_queries(client, case_url), _page_queries(client, list_url)) == small
    assert client.get(list_url).content.decode().count("Bob-råd december, område Norr") == 50


def test_the_next_meeting_starts_from_an_earlier_ones_standing_set_of_partners(world: World) -> None:
    earlier = _meeting(world, held_on=timezone.localdate() - timedelta(days=30))
    client = signed_in(world.user("hanna"))
    page = client.get(reverse("collaboration:meeting", args=[earlier.public_id])).content.decode()
    link = f"{reverse('collaboration:meeting_new')}?som={earlier.public_id}"
    assert link in page
    form = client.get(link).content.decode()
    assert (earlier.participants in form and 'value="bob" checked' in form.replace("\n", " ")) or "checked" in form
    assert f'value="{earlier.title}"' in form
    sara = signed_in(world.user("sara"))  # another unit's meeting is not there to start from
    assert sara.get(link).status_code == 404
    assert AccessEvent.objects.filter(username="sara", action=AccessAction.DENIED).exists()
