"""The register's screens: the list on the case shows what was disclosed, to whom, and is a logged read in
the same few queries however long it is; the form answers every problem at once, linked to its field."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from access.actor import Actor
from access.models import ProtectedIdentityAuthorization
from collaboration.models import Disclosure
from collaboration.selectors import disclosure_page
from collaboration.tests.helpers import WHAT, recorded
from conftest import World, make_person, signed_in
from people.models import ProtectionLevel, RelationKind
from people.services import relation_create

pytestmark = pytest.mark.django_db


def test_the_list_shows_what_was_disclosed_to_whom_and_marks_a_correction(world: World) -> None:
    first = recorded(world)
    recorded(world, corrects=str(first.public_id), what="Rättat: vid fritidsgården.")
    page = signed_in(world.user("olle")).get(reverse("collaboration:disclosures", args=[world.own_case.public_id]))
    text = page.content.decode()
    assert WHAT in text and "Rättat: vid fritidsgården." in text
    assert "Polisen, lokalpolisområde Norr" in text and "10 kap. 18 a §" in text
    assert "Rättad" in text and "Rättar utlämnandet" in text
    assert "Uppgiften angår inte misstanke om ett begånget brott." in text  # a confirmed condition
    assert reverse("collaboration:disclosure_correct", args=[world.own_case.public_id, first.public_id]) not in text


def test_a_disclosure_about_a_protected_relative_is_only_counted_for_whoever_is_not_named(world: World) -> None:
    hidden = make_person("Nora", "Berg", timezone.localdate().replace(year=2009), 613)
    hidden.protection_level = ProtectionLevel.PROTECTED_REGISTRATION
    hidden.save()
    relation_create(child=world.own_case.child, relative=hidden, kind=RelationKind.SIBLING)
    karin = world.user("karin")
    now = timezone.now()
    ProtectedIdentityAuthorization.objects.create(person=hidden, user=karin, granted_by=karin, granted_at=now)
    recorded(world, "karin", person=str(hidden.public_id))
    for user, shown in (("olle", 0), ("karin", 1)):
        page = disclosure_page(Actor.system(world.user(user)), world.own_case.public_id)
        assert (len(page.rows), page.hidden) == (shown, 1 - shown)


def test_the_form_answers_every_problem_at_once_with_links_to_the_fields(world: World) -> None:
    url = reverse("collaboration:disclosure_new", args=[world.own_case.public_id])
    response = signed_in(world.user("hanna")).post(url, {"basis": "18a"})
    text = response.content.decode()
    assert response.status_code == 200 and not Disclosure.objects.exists()
    for field in ("what", "recipient", "assessment", "recipient_kind_0", "channel_0", "conditions_18a_0"):
        assert f'href="#id_{field}"' in text


def test_a_treatment_worker_sees_the_list_but_not_the_form(world: World) -> None:
    client = signed_in(world.user("bo"))
    page = client.get(reverse("collaboration:disclosures", args=[world.own_case.public_id]))
    assert page.status_code == 200
    assert reverse("collaboration:disclosure_new", args=[world.own_case.public_id]) not in page.content.decode()
    assert client.get(reverse("collaboration:disclosure_new", args=[world.own_case.public_id])).status_code == 403


def _grown(world: World, count: int) -> None:
    for n in range(count):
        person = world.guardian if n % 2 else world.own_case.child
        recorded(world, person=str(person.public_id), basis="necessary", conditions={"2-necessary"})


def test_the_list_reads_in_the_same_queries_for_5_rows_as_for_50(
    world: World, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    actor = Actor.system(world.user("hanna"))
    _grown(world, 5)
    with CaptureQueriesContext(connection) as five:
        assert len(disclosure_page(actor, world.own_case.public_id).rows) == 5
    _grown(world, 45)
    with django_assert_num_queries(len(five)):  # the case's read and its log, the hidden relatives, the rows
        assert len(disclosure_page(actor, world.own_case.public_id).rows) == 50


def test_a_disclosure_about_the_child_is_on_the_timeline_and_one_about_a_relative_is_not(world: World) -> None:
    recorded(world)
    recorded(
        world,
        person=str(world.guardian.public_id),
        what="Mammans arbetsplats.",
        basis="necessary",
        conditions={"2-necessary"},
    )
    url = reverse("casefile:case_timeline", args=[world.own_case.public_id])
    text = signed_in(world.user("hanna")).get(url).content.decode()
    assert "Utlämnande" in text and WHAT in text and "Polismyndigheten" in text
    assert "Mammans arbetsplats." not in text


def test_the_form_records_a_disclosure_on_a_consent_picked_from_the_ledger(world: World) -> None:
    from collaboration.consents import partner_consent_record
    from collaboration.tests.helpers import consent_data

    consent = partner_consent_record(
        actor=Actor.system(world.user("hanna")), case_public_id=world.own_case.public_id, data=consent_data(world)
    )
    client = signed_in(world.user("hanna"))
    url = reverse("collaboration:disclosure_new", args=[world.own_case.public_id])
    form = client.get(url).content.decode()
    assert 'value="consent"' in form and "Kvarnskolan, elevhälsan" in form
    posted = {
        "person": str(world.own_case.child.public_id),
        "disclosed_on": timezone.localdate().isoformat(),
        "recipient_kind": "school",
        "recipient": "Kvarnskolan, mentor",
        "channel": "oral",
        "what": "Hur skolgången går.",
        "basis": "consent",
        "assessment": "Samtycke från Elias.",
    }
    refused = client.post(url, posted)
    assert refused.status_code == 200 and 'href="#id_consent_0"' in refused.content.decode()
    assert client.post(url, posted | {"consent": str(consent.public_id)}).status_code == 302
    assert Disclosure.objects.get().consent == consent
    listed = client.get(reverse("collaboration:disclosures", args=[world.own_case.public_id])).content.decode()
    assert "12 kap. 2 §" in listed and "Samtycke från Elias Berg" in listed
