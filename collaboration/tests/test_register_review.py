"""The reviewers' answer to "what has been disclosed about this person, to whom": the log reviewer across
the municipality, a unit manager across the unit, nobody else; the register's facts without the case's
content; every answer logged; and the same as a register extract in PDF."""

import uuid
from dataclasses import replace
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from access.actor import Actor
from access.models import AccessEvent
from collaboration import bases
from collaboration.disclosures import DisclosureInput, disclosure_record
from collaboration.models import Disclosure, RecipientKind
from collaboration.register_review import RegisterQuestion, disclosures_about
from collaboration.tests.helpers import WHAT, recorded, young
from conftest import World, signed_in
from core.identity import IdentityNumber, parse_entered_identity_number

pytestmark = pytest.mark.django_db
URL = reverse("collaboration:register_review")


def _ask(world: World, user: str, number: str, **more: str) -> str:
    response = signed_in(world.user(user)).post(URL, {"identity_number": number, **more})
    assert response.status_code == 200
    return response.content.decode()


def _number(world: World) -> IdentityNumber:
    return parse_entered_identity_number(world.own_case.child.identity_number, allow_synthetic=True)[0]


def _in_soder(world: World) -> Disclosure:
    """A disclosure about Söder's child, in Söder's case, to a school under 10 kap. 2 §."""
    data = DisclosureInput(
        person=str(world.other_team_case.child.public_id),
        disclosed_on=timezone.localdate(),
        recipient_kind=RecipientKind.SCHOOL,
        recipient="Södra skolan, rektor",
        channel="written",
        what="Söderbarnets frånvaro.",
        basis=bases.NECESSARY,
        conditions=frozenset(c.key for c in bases.BASES[bases.NECESSARY].conditions),
        assessment="Nödvändigt för utredningen.",
    )
    return disclosure_record(
        actor=Actor.system(world.user("sara")), case_public_id=world.other_team_case.public_id, data=data
    )


def test_the_log_reviewer_sees_when_to_whom_and_on_which_provision_but_not_what_was_said(world: World) -> None:
    recorded(world, on=timezone.localdate() - timedelta(days=3))
    page = _ask(world, "lars", world.own_case.child.identity_number)
    assert "1 utlämnande, äldst först" in page
    assert "Polismyndigheten" in page and "18 a §" in page and world.own_case.reference in page
    assert "Elias" in page  # whom it is about
    assert WHAT not in page and "K. Ström" not in page and "Konkreta iakttagelser" not in page  # the case's content


def test_the_log_reviewer_sees_every_unit_and_a_unit_manager_only_their_own(world: World) -> None:
    _in_soder(world)
    number = world.other_team_case.child.identity_number
    assert world.other_team_case.reference in _ask(world, "lars", number)
    page = _ask(world, "karin", number)  # Norr's manager: Söder's case is not hers to audit
    assert world.other_team_case.reference not in page
    assert "Inget utlämnande om personen finns i de ärenden du får granska." in page


@pytest.mark.parametrize("user", ["hanna", "bo", "anna", "fia"])
def test_everyone_else_is_refused_like_a_missing_page_and_the_attempt_logged(world: World, user: str) -> None:
    client = signed_in(world.user(user))
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"identity_number": world.own_case.child.identity_number}).status_code == 404
    rows = AccessEvent.objects.values_list("action", "view_name", "person_id")
    assert list(rows) == [("denied", "collaboration.register_review", None)] * 2


def test_each_answer_is_logged_by_person_and_case_and_a_question_without_answer_too(world: World) -> None:
    recorded(world)
    recorded(world, person=str(world.guardian.public_id), basis="necessary", conditions={"2-necessary"})
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    _ask(world, "lars", world.own_case.child.identity_number)
    rows = AccessEvent.objects.exclude(pk__in=before).values_list("action", "view_name", "person_id", "case_id")
    assert list(rows) == [("list", "collaboration.register_review", world.own_case.child_id, world.own_case.pk)]
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    _ask(world, "lars", world.protected_case.child.identity_number)  # known here, nothing disclosed
    after = AccessEvent.objects.exclude(pk__in=before).values_list("action", "view_name", "person_id", "case_id")
    assert list(after) == [("list", "collaboration.register_review", world.protected_case.child_id, None)]


def test_a_protected_person_is_named_only_to_a_reviewer_named_for_them(world: World) -> None:
    hanna = Actor.system(world.user("hanna"))
    protected = world.protected_case
    disclosure_record(
        actor=hanna,
        case_public_id=protected.public_id,
        data=replace(young(world), person=str(protected.child.public_id)),
    )
    lars = _ask(world, "lars", protected.child.identity_number)
    assert "Skyddad person" in lars and protected.child.given_name not in lars
    karin = _ask(world, "karin", protected.child.identity_number)  # named for the child
    assert protected.child.given_name in karin


def test_a_correction_is_shown_beside_the_row_it_corrects_and_a_destination_row_never(world: World) -> None:
    original = recorded(world, on=timezone.localdate() - timedelta(days=2))
    recorded(world, corrects=str(original.public_id), recipient_kind=RecipientKind.SECURITY_POLICE)
    secret = recorded(world, recipient_kind=RecipientKind.MUNICIPALITY, basis="necessary", conditions={"2-necessary"})
    Disclosure.objects.create(  # a transfer's row while a protected destination lives: only for the named
        **{f.attname: getattr(secret, f.attname) for f in Disclosure._meta.concrete_fields if f.name not in ("id",)}
        | {"public_id": uuid.uuid4(), "destination": True}
    )
    answer = disclosures_about(Actor.system(world.user("lars")), RegisterQuestion(number=_number(world)))
    assert [(row.disclosure.recipient_kind, row.corrected) for row in answer.rows] == [
        (RecipientKind.POLICE, True),
        (RecipientKind.SECURITY_POLICE, False),
        (RecipientKind.MUNICIPALITY, False),
    ]
    assert answer.recipients == ["Polismyndigheten", "Säkerhetspolisen", "Annan kommun"]


def test_the_period_narrows_the_answer(world: World) -> None:
    today = timezone.localdate()
    recorded(world, on=today - timedelta(days=40))
    recorded(world, on=today - timedelta(days=3))
    page = _ask(world, "lars", world.own_case.child.identity_number, first_day=(today - timedelta(days=10)).isoformat())
    assert "1 utlämnande, äldst först" in page
    assert (today - timedelta(days=40)).isoformat() not in page


def test_bad_input_is_every_problem_at_once_and_nothing_is_read_or_logged(world: World) -> None:
    recorded(world)
    before = AccessEvent.objects.count()
    today = timezone.localdate()
    page = _ask(
        world,
        "lars",
        "19000101-0000",
        first_day=(today + timedelta(days=1)).isoformat(),
        last_day=today.isoformat(),
    )
    assert 'href="#id_identity_number"' in page and 'href="#id_first_day"' in page and 'href="#id_last_day"' in page
    assert "äldst först" not in page
    assert AccessEvent.objects.count() == before


def test_the_register_extract_is_a_pdf_and_logged_as_a_print(world: World) -> None:
    recorded(world)
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    response = signed_in(world.user("karin")).post(
        URL, {"identity_number": world.own_case.child.identity_number, "registerutdrag": "1"}
    )
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert response["Cache-Control"] == "no-store"
    rows = AccessEvent.objects.exclude(pk__in=before).values_list("action", "view_name", "person_id")
    assert list(rows) == [("print", "collaboration.register_review.pdf", world.own_case.child_id)]


def test_the_answer_reads_in_the_same_queries_for_2_disclosures_as_for_12(
    world: World, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    actor = Actor.system(world.user("lars"))
    question = RegisterQuestion(number=_number(world))
    for _n in range(2):
        recorded(world)
    with CaptureQueriesContext(connection) as two:
        assert len(disclosures_about(actor, question).rows) == 2
    for n in range(10):
        recorded(world, user="olle" if n % 2 else "hanna", recipient_kind=RecipientKind.SECURITY_POLICE)
    with django_assert_num_queries(len(two)):
        assert len(disclosures_about(actor, question).rows) == 12
