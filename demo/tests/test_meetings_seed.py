"""The seed's meetings with partners: three Bob-råd and a Custom under 18 call-in per unit with open cases,
items written into children of 12 to 20 without protected identity, disclosures to the police from some
items on 18 a § with every condition, and the call-in's follow-up ahead, all as the screens show them."""

import random
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import Case, CaseStatus
from cases.services import case_open
from collaboration.bases import BASES, YOUNG
from collaboration.models import Disclosure, Meeting, MeetingAttendance, MeetingItem, MeetingKind
from conftest import World, make_person, signed_in
from demo.meetings import seed_meetings
from people.models import ProtectionLevel

pytestmark = pytest.mark.django_db


def _five_more(world: World) -> None:
    for n in range(5):
        child = make_person("Demo", f"Barn{n}", date(timezone.localdate().year - 15, 3, 1 + n), 800 + n)
        case_open(child=child, team=world.team_a, responsible=world.user("hanna"))


def test_a_unit_with_open_cases_has_its_bob_councils_a_call_in_and_disclosures_from_items(world: World) -> None:
    _five_more(world)
    today = timezone.localdate()
    made = seed_meetings(random.Random("meetings-7"), {"handlaggare": world.user("hanna")}, today)
    items = list(MeetingItem.objects.select_related("meeting", "case__child"))
    assert made == len(items) == 3 * 4 + 1
    assert Meeting.objects.filter(kind=MeetingKind.BOB, unit=world.norr).count() == 3
    assert not Meeting.objects.filter(unit=world.team_soder.unit).exists()  # one open case there: too few
    for item in items:
        child = item.case.child
        assert item.case.status == CaseStatus.OPEN and child.protection_level == ProtectionLevel.NONE
        assert item.meeting.held_on <= today
    call_in = next(i for i in items if i.meeting.kind == MeetingKind.CUSTOM_U18)
    assert call_in.follow_up_on is not None and call_in.follow_up_on > today
    assert MeetingAttendance.objects.filter(item=call_in, person_id=call_in.case.child_id, came=True).exists()
    disclosures = list(Disclosure.objects.select_related("meeting_item__meeting", "legal_basis"))
    assert disclosures, "one item in three is disclosed from"
    for disclosure in disclosures:
        assert disclosure.legal_basis.key == BASES[YOUNG].key
        assert set(disclosure.conditions) == {c.key for c in BASES[YOUNG].conditions}
        assert disclosure.meeting_item is not None
        assert disclosure.disclosed_on == disclosure.meeting_item.meeting.held_on
    shown = signed_in(world.user("hanna")).get(reverse("collaboration:meetings")).content.decode()
    assert "Bob-råd, Norr" in shown and "Custom under 18, Norr" in shown


def test_protected_and_too_young_children_are_never_on_an_agenda(world: World) -> None:
    _five_more(world)
    little = make_person("Liten", "Demo", timezone.localdate() - timedelta(days=365 * 8), 890)
    case_open(child=little, team=world.team_a, responsible=world.user("hanna"))
    seed_meetings(random.Random("meetings-8"), {"handlaggare": world.user("hanna")}, timezone.localdate())
    on_agenda = set(MeetingItem.objects.values_list("case_id", flat=True))
    assert world.protected_case.pk not in on_agenda
    assert Case.objects.get(child=little).pk not in on_agenda
