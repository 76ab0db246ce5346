from datetime import date, timedelta

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from access.models import AccessEvent, ProtectedIdentityAuthorization
from accounts.models import Role, User
from cases.models import Case, CaseReferenceCounter
from cases.services import case_open
from conftest import World, make_person, signed_in
from people.models import Person, ProtectionLevel, RelationKind
from people.services import relation_create


def _client(world: World, username: str = "hanna") -> Client:
    return signed_in(world.user(username))


def test_markup_in_personal_data_is_shown_as_text(world: World) -> None:
    child = make_person("<b>Bold</b>", "<script>x()</script>", date(2011, 1, 1), 77)
    case = case_open(child=child, team=world.team_a, summary="<img src=x onerror=alert(1)>")
    body = _client(world).get(reverse("casefile:case_detail", args=[case.public_id])).content.decode()
    assert "<script>x()</script>" not in body
    assert "&lt;script&gt;x()&lt;/script&gt;" in body
    assert "<img src=x" not in body


def test_an_over_long_search_gets_a_clear_message(world: World) -> None:
    response = _client(world).post(reverse("casefile:person_search"), {"q": "a" * 101})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()


def test_a_too_short_search_gets_a_message_in_swedish_and_english(world: World) -> None:
    client = _client(world)
    assert "minst två bokstäver" in client.post(reverse("casefile:person_search"), {"q": "a"}).content.decode()
    client.cookies["django_language"] = "en"
    english = client.post(reverse("casefile:person_search"), {"q": "a"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "at least two letters" in english


def test_an_account_without_second_factor_is_sent_to_enrol(db: None) -> None:
    user = User.objects.create_user(username="new", password=None, role=Role.LOG_REVIEWER)
    client = Client()
    client.force_login(user)
    response = client.get(reverse("casefile:my_work"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    assert client.get(reverse("api:my_cases")).status_code == 401


def test_security_headers_are_set(world: World) -> None:
    response = _client(world).get(reverse("casefile:my_work"))
    assert "script-src 'self' 'nonce-" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def _add_family_cases(world: World, count: int, start: int) -> None:
    for index in range(start, start + count):
        child = make_person("Barn", f"Nummer{index}", date(2011, 1, 1 + index % 28), 100 + index)
        guardian = make_person("Förälder", f"Nummer{index}", date(1980, 1, 1 + index % 28), 100 + index)
        relation_create(child=child, relative=guardian, kind=RelationKind.GUARDIAN_WITH_CUSTODY)
        case_open(child=child, team=world.team_a, responsible=world.user("hanna"))


def _queries(client: Client, url: str, method: str = "get", data: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("route", "method"), [("casefile:my_work", "get"), ("api:my_cases", "get"), ("casefile:person_search", "post")]
)
def test_list_pages_use_a_constant_number_of_queries(world: World, route: str, method: str) -> None:
    client = _client(world)
    data = {"q": "nummer"} if method == "post" else None
    _add_family_cases(world, 3, 0)
    small = _queries(client, reverse(route), method, data)
    _add_family_cases(world, 20, 3)
    assert _queries(client, reverse(route), method, data) == small


def test_case_page_uses_a_constant_number_of_queries(world: World) -> None:
    client = _client(world)
    url = reverse("casefile:case_detail", args=[world.own_case.public_id])
    small = _queries(client, url)
    for index in range(6):
        relative = make_person("Syskon", f"Berg{index}", date(2009, 1, 1 + index), 300 + index)
        relation_create(child=world.own_case.child, relative=relative, kind=RelationKind.SIBLING)
    assert _queries(client, url) == small


def test_the_needs_and_risk_analysis_is_shown_for_every_role(world: World) -> None:
    body = _client(world, "anna").get(reverse("access:needs_risk_analysis")).content.decode()
    for role in Role:
        assert str(role.label) in body


def test_case_references_continue_after_the_seeded_ones_without_collision(world: World) -> None:
    year = world.own_case.opened_at.year
    CaseReferenceCounter.objects.filter(year=year).update(last_number=41)
    case = case_open(child=make_person("Ny", "Person", date(2012, 2, 2), 555), team=world.team_a)
    assert case.reference == f"BoU-{year}-000042"


def test_the_absolute_session_limit_signs_out_pages_and_api(world: World, settings: object) -> None:
    settings.SESSION_ABSOLUTE_AGE = timedelta(0)  # type: ignore[attr-defined]
    client = Client()
    client.force_login(world.user("hanna"))
    assert client.get(reverse("casefile:my_work")).status_code == 200  # stamps the sign-in time
    assert client.get(reverse("api:my_cases")).status_code == 401
    client.force_login(world.user("hanna"))
    client.get(reverse("casefile:my_work"))
    response = client.get(reverse("casefile:my_work"))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")


def _session_row(client: Client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def test_activity_renews_the_idle_limit_at_most_once_a_minute(world: World) -> None:
    client = Client()
    client.force_login(world.user("hanna"))
    client.get(reverse("casefile:my_work"))
    first_expiry = _session_row(client).expire_date
    client.get(reverse("casefile:my_work"))
    assert _session_row(client).expire_date == first_expiry  # no session write on every page
    session = client.session
    session["utvag_seen_at"] = (timezone.now() - timedelta(minutes=2)).isoformat()
    session.save()
    saved_expiry = _session_row(client).expire_date
    client.get(reverse("casefile:my_work"))
    assert _session_row(client).expire_date > saved_expiry


def test_an_idle_session_ends(world: World) -> None:
    client = _client(world)
    client.get(reverse("casefile:my_work"))
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    response = client.get(reverse("casefile:my_work"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_an_error_from_the_search_itself_is_tied_to_the_field(world: World) -> None:
    body = _client(world).post(reverse("casefile:person_search"), {"q": "20110304-1234"}).content.decode()
    assert 'aria-invalid="true"' in body
    assert 'aria-describedby="id_q_helptext id_q_error"' in body
    assert 'id="id_q_error"' in body
    assert 'id="id_q_helptext"' in body


def test_the_person_page_shows_who_changed_what_but_not_old_values(world: World) -> None:
    child = Person.objects.get(pk=world.own_case.child.pk)
    child.address = "Nygatan 2"
    child._history_user = world.user("karin")  # type: ignore[attr-defined]
    child.save()
    body = _client(world).get(reverse("casefile:person_detail", args=[child.public_id])).content.decode()
    assert "Ändringshistorik" in body
    assert "karin" in body
    assert "adress" in body
    assert "Storgatan 1" not in body  # the earlier address is never shown


def test_the_case_history_does_not_add_queries_as_it_grows(world: World) -> None:
    client = _client(world)
    url = reverse("casefile:case_detail", args=[world.own_case.public_id])
    small = _queries(client, url)
    for index in range(8):
        case = Case.objects.get(pk=world.own_case.pk)
        case.summary = f"Version {index}"
        case.responsible = world.user("olle" if index % 2 else "hanna")
        case.save()
    assert _queries(client, url) == small


def test_a_record_without_history_still_shows(world: World) -> None:
    """Seeded (bulk-created) records have no history rows."""
    Case.history.filter(id=world.own_case.pk).delete()
    body = _client(world).get(reverse("casefile:case_detail", args=[world.own_case.public_id])).content.decode()
    assert "Ingen ändringshistorik är registrerad." in body


def test_swedish_is_first_whatever_the_browser_asks_for(world: World) -> None:
    client = _client(world)
    body = client.get(reverse("casefile:my_work"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="sv"' in body
    assert "Mitt arbete" in body


def test_the_language_button_switches_to_english(world: World) -> None:
    client = _client(world)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(reverse("casefile:my_work")).content.decode()
    assert '<html lang="en"' in body
    assert "My work" in body


def test_a_protected_relative_is_counted_on_the_case_page_but_never_shown_or_logged(world: World) -> None:
    father = make_person(
        "Göran",
        "Skyddsson",
        date(1979, 2, 3),
        654,
        address="Gömd gata 3",
        protection_level=ProtectionLevel.CONFIDENTIALITY_MARK,
    )
    relation_create(child=world.own_case.child, relative=father, kind=RelationKind.GUARDIAN_WITH_CUSTODY)
    url = reverse("casefile:case_detail", args=[world.own_case.public_id])
    page = _client(world).get(url).content.decode()
    assert "1 anhörig har skyddade personuppgifter och visas inte." in page
    assert "Skyddsson" not in page and "Gömd gata" not in page
    assert not AccessEvent.objects.filter(person_id=father.pk).exists()
    assert world.guardian.family_name in page  # the unprotected guardian is still shown

    ProtectedIdentityAuthorization.objects.create(
        person=father, user=world.user("hanna"), granted_by=world.user("karin"), granted_at=timezone.now()
    )
    page = _client(world).get(url).content.decode()
    assert "Skyddsson" in page and "visas inte" not in page
    assert AccessEvent.objects.filter(person_id=father.pk, view_name="case.overview.related").count() == 1
