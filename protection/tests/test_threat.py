"""Recording a threat picture: what is refused and why, what replaces what, who is told of a change."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.models import AccessAction, AccessEvent, CaseMember
from accounts.models import Role, Team, User
from conftest import World, make_person
from deadlines.models import Notice, NoticeKind
from people.models import RelationKind
from people.services import relation_create
from protection.tests.threat_helpers import (
    days_ago,
    guardian_relation,
    picture_input,
    protected_guardian,
    recorded,
    sibling,
)
from protection.threat import ThreatenedInput, threat_record
from protection.threat_models import ThreatAssessment, ThreatenedPerson

pytestmark = pytest.mark.django_db

CHILD_HIGH = ThreatenedInput(relation_id=None, level="high")


def _codes(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return {field: [e.code or "" for e in errors] for field, errors in exc.value.error_dict.items()}


def _refused(world: World, data: object, user: str = "hanna") -> pytest.ExceptionInfo[ValidationError]:
    with pytest.raises(ValidationError) as exc:
        threat_record(actor=Actor.system(world.user(user)), case_public_id=world.own_case.public_id, data=data)  # type: ignore[arg-type]
    return exc


def test_a_picture_covers_the_child_a_guardian_and_a_sibling_and_the_next_replaces_it(world: World) -> None:
    brother = sibling(world)
    first = recorded(
        world,
        CHILD_HIGH,
        ThreatenedInput(relation_id=guardian_relation(world).pk, level="raised", note="Hot per telefon."),
        ThreatenedInput(relation_id=brother.pk, level="low"),
    )
    rows = {(r.kind, r.person_id, r.level) for r in first.threatened.all()}
    assert rows == {
        ("child", None, "high"),
        ("guardian", world.guardian.pk, "raised"),
        ("sibling", brother.relative_id, "low"),
    }
    assert first.threatened.get(kind="guardian").note == "Hot per telefon."
    second = recorded(world, ThreatenedInput(relation_id=None, level="severe"))
    assert second.replaces == first
    assert set(second.threatened.values_list("kind", "level")) == {("child", "severe")}
    assert ThreatAssessment.objects.count() == 2  # the first one stands as it was


def test_a_picture_without_a_level_is_refused_whole_and_the_attempt_is_logged(world: World) -> None:
    nobody = ThreatenedInput(relation_id=None, level="")
    exc = _refused(world, picture_input(nobody))
    assert _codes(exc) == {"__all__": ["no_level"]}
    assert "minst en hotad person" in exc.value.messages[0]
    assert not ThreatAssessment.objects.exists() and not ThreatenedPerson.objects.exists()
    refused = AccessEvent.objects.get(action=AccessAction.REFUSED)
    assert (refused.view_name, refused.reason, refused.case_id) == (
        "protection.threat",
        "__all__:no_level",
        world.own_case.pk,
    )


def test_a_picture_without_a_review_date_is_refused_with_every_problem_at_once(world: World) -> None:
    data = picture_input(ThreatenedInput(relation_id=None, level=""), review=None, threatened_by="", source="rumour")
    exc = _refused(world, data)
    assert _codes(exc) == {
        "review_on": ["required"],
        "threatened_by": ["required"],
        "source": ["source"],
        "__all__": ["no_level"],
    }
    assert "Ange när hotbilden ska ses över." in exc.value.messages
    assert not ThreatAssessment.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"review": 0}, "review_on", "review_on"),
        ({"review": 184}, "review_on", "review_on"),
        ({"assessed": -1}, "assessed_on", "future"),
        ({"threatened_by": "Kalle, 20050101-1234, och hans vänner"}, "threatened_by", "identity_number"),
        ({"threatened_by": "Gänget kring 0501011234"}, "threatened_by", "identity_number"),
        ({"threatened_by": "x" * 301}, "threatened_by", "max_length"),
        ({"source_note": " "}, "source_note", "required"),
    ],
)
def test_bad_dates_and_named_suspects_are_refused(world: World, fields: dict, field: str, code: str) -> None:
    exc = _refused(world, picture_input(CHILD_HIGH, **fields))
    assert _codes(exc) == {field: [code]}


def test_six_months_ahead_is_allowed_and_a_picture_older_than_the_current_is_not(world: World) -> None:
    recorded(world, CHILD_HIGH, assessed=5, review=183)
    exc = _refused(world, picture_input(CHILD_HIGH, assessed=10))
    assert _codes(exc) == {"assessed_on": ["older"]}


def test_a_relation_of_another_child_is_refused(world: World) -> None:
    other = make_person("Nils", "Holm", days_ago(40 * 365), 111)
    foreign = relation_create(child=world.other_team_case.child, relative=other, kind=RelationKind.SIBLING)
    exc = _refused(world, picture_input(CHILD_HIGH, ThreatenedInput(relation_id=foreign.pk, level="low")))
    assert _codes(exc) == {"__all__": ["not_relative"]}


def test_a_role_without_the_action_and_another_team_are_refused_and_logged(world: World) -> None:
    for user, error in (("bo", PermissionDenied), ("fia", PermissionDenied), ("sara", Http404)):
        with pytest.raises(error):
            recorded(world, CHILD_HIGH, user=user)
    assert not ThreatAssessment.objects.exists()
    denied = AccessEvent.objects.filter(action=AccessAction.DENIED).values_list("username", "reason")
    assert sorted(denied) == [("bo", "role:threat"), ("fia", "role:threat"), ("sara", "")]


def test_the_defector_specialist_and_the_unit_manager_may_record(world: World) -> None:
    recorded(world, CHILD_HIGH, user="adam")
    recorded(world, CHILD_HIGH, user="karin")
    assert ThreatAssessment.objects.count() == 2


def test_a_protected_relative_is_refused_to_one_not_named_and_carried_over_as_it_stood(world: World) -> None:
    father = protected_guardian(world)
    threatened = ThreatenedInput(relation_id=father.pk, level="severe", note="Adressen är röjd.")
    first = recorded(world, CHILD_HIGH, threatened)  # hanna is named for him
    exc = _refused(world, picture_input(CHILD_HIGH, threatened), user="olle")
    assert _codes(exc) == {"__all__": ["not_relative"]}
    second = recorded(world, ThreatenedInput(relation_id=None, level="raised"), user="olle")
    kept = second.threatened.get(person=father.relative)
    assert (kept.kind, kept.level, kept.note) == ("guardian", "severe", "Adressen är röjd.")
    assert second.replaces == first


@pytest.fixture
def named_specialist(world: World) -> User:
    """dina, a defector specialist of another team, named to the own case; and erik, named and withdrawn."""
    team = Team.objects.create(unit=world.norr, name="Avhopparteamet")
    users = {}
    for name, withdrawn in (("dina", None), ("erik", timezone.now())):
        users[name] = User.objects.create_user(
            username=name, password=None, role=Role.DEFECTOR_SPECIALIST, unit=world.norr, team=team
        )
        CaseMember.objects.create(
            case=world.own_case,
            user=users[name],
            reason="Avhopparspecialist i programmet.",
            named_by=world.user("karin"),
            named_at=timezone.now(),
            expires_on=timezone.localdate() + timedelta(days=30),
            withdrawn_at=withdrawn,
        )
    return users["dina"]


def _told() -> list[str]:
    told = Notice.objects.filter(kind=NoticeKind.THREAT_CHANGED).values_list("recipient__username", flat=True)
    return sorted(told)


def test_a_change_of_level_tells_the_responsible_worker_and_the_named_specialists(
    world: World, named_specialist: User
) -> None:
    recorded(world, CHILD_HIGH, user="olle")  # the first picture is news to them
    assert _told() == ["dina", "hanna"]
    Notice.objects.all().delete()
    recorded(world, CHILD_HIGH, user="olle")  # the same levels: nothing to tell
    assert _told() == []
    recorded(world, ThreatenedInput(relation_id=None, level="low"), user="olle")  # lowered
    assert _told() == ["dina", "hanna"]
    notice = Notice.objects.filter(kind=NoticeKind.THREAT_CHANGED).first()
    assert notice is not None and notice.case == world.own_case and notice.deadline is None


def test_a_newly_threatened_relative_is_a_change_and_the_recorder_is_not_told(
    world: World, named_specialist: User
) -> None:
    recorded(world, CHILD_HIGH)
    Notice.objects.all().delete()
    recorded(world, CHILD_HIGH, ThreatenedInput(relation_id=guardian_relation(world).pk, level="low"))
    assert _told() == ["dina"]  # hanna, the responsible worker, recorded it herself


def _client(world: World, name: str) -> Client:
    client = Client()
    client.force_login(world.user(name))
    return client


def test_the_form_offers_only_the_relatives_the_user_may_see(world: World) -> None:
    protected_guardian(world)
    url = reverse("protection:threat_new", args=[world.own_case.public_id])
    for name, sees_him in (("hanna", True), ("olle", False)):
        page = _client(world, name).get(url).content.decode()
        assert "Maria Berg (vårdnadshavare): nivå" in page
        assert ("Omar" in page) is sees_him, name


def test_the_form_refuses_a_picture_without_level_or_review_date_in_swedish(world: World) -> None:
    url = reverse("protection:threat_new", args=[world.own_case.public_id])
    posted = {
        "assessed_on": timezone.localdate().isoformat(),
        "source": "police",
        "source_note": "Polisens hotbedömning.",
        "threatened_by": "Ett nätverk i området.",
    }
    relation = guardian_relation(world).pk
    response = _client(world, "hanna").post(url, posted | {f"level_r{relation}": ""})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ange när hotbilden ska ses över." in page and "Ange en nivå för minst en hotad person." in page
    assert "Maria Berg (vårdnadshavare): nivå" in page  # the posted relative keeps its name when shown again
    assert not ThreatAssessment.objects.exists()
    assert AccessEvent.objects.filter(action=AccessAction.REFUSED, view_name="protection.threat").exists()
    review = (timezone.localdate() + timedelta(days=30)).isoformat()
    response = _client(world, "hanna").post(
        url, posted | {"review_on": review, "level_child": "high", f"level_r{relation}": "raised"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("protection:page", args=[world.own_case.public_id])
    assert set(ThreatenedPerson.objects.values_list("kind", "level")) == {("child", "high"), ("guardian", "raised")}
