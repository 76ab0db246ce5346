"""Every page and endpoint that shows personal data writes exactly the expected access-log rows."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from conftest import World, grant_emergency
from decisions.services import DecisionInput, decision_record, legal_bases_for
from delegation.models import DecisionKind
from reports.tests.exporting import run_queued_exports


def _client(world: World, username: str) -> Client:
    client = Client()
    client.force_login(world.user(username))
    return client


def _rows() -> list[tuple[str, str, int | None, int | None]]:
    return sorted(
        AccessEvent.objects.values_list("action", "view_name", "person_id", "case_id"),
        key=lambda row: (row[0], row[1], row[2] or 0, row[3] or 0),
    )


def test_case_page_logs_the_case_and_each_relative_shown(world: World) -> None:
    case = world.own_case
    response = _client(world, "hanna").get(reverse("casefile:case_detail", args=[case.public_id]))
    assert response.status_code == 200
    assert _rows() == [
        ("list", "case.overview.related", world.guardian.pk, case.pk),
        ("view", "case.overview", case.child_id, case.pk),
    ]
    event = AccessEvent.objects.get(action=AccessAction.VIEW)
    assert (event.username, event.role, event.emergency, event.reason) == ("hanna", "caseworker", False, "")
    assert event.request_id == response["X-Request-ID"]
    assert event.ip_address == "127.0.0.1"


def test_person_page_logs_the_person_and_relatives(world: World) -> None:
    child = world.own_case.child
    assert _client(world, "hanna").get(reverse("casefile:person_detail", args=[child.public_id])).status_code == 200
    assert _rows() == [
        ("list", "person.detail.related", world.guardian.pk, None),
        ("view", "person.detail", child.pk, None),
    ]


def test_my_work_logs_every_case_listed(world: World) -> None:
    response = _client(world, "hanna").get(reverse("casefile:my_work"))
    assert response.status_code == 200
    assert _rows() == sorted(
        [
            ("list", "case.my_work", world.own_case.child_id, world.own_case.pk),
            ("list", "case.my_work", world.protected_case.child_id, world.protected_case.pk),
        ],
        key=lambda row: (row[0], row[1], row[2] or 0, row[3] or 0),
    )


def test_search_logs_each_hit_and_an_empty_search_once(world: World) -> None:
    client = _client(world, "hanna")
    client.post(reverse("casefile:person_search"), {"q": "berg"})
    assert _rows() == [
        ("search", "person.search", world.own_case.child_id, None),
        ("search", "person.search", world.guardian.pk, None),
    ]
    client.post(reverse("casefile:person_search"), {"q": "zzzz"})
    assert AccessEvent.objects.filter(person_id__isnull=True, action="search").count() == 1


def test_search_by_identity_number_finds_exactly_one(world: World) -> None:
    child = world.own_case.child
    response = _client(world, "hanna").post(reverse("casefile:person_search"), {"q": child.identity_number})
    assert str(child.given_name) in response.content.decode()
    assert _rows() == [("search", "person.search", child.pk, None)]


def test_search_never_shows_or_logs_hits_outside_need_to_know(world: World) -> None:
    _client(world, "olle").post(reverse("casefile:person_search"), {"q": "alva"})  # the protected child
    assert _rows() == [("search", "person.search", None, None)]


def test_a_denied_case_is_logged_with_its_target(world: World) -> None:
    case = world.own_case
    assert _client(world, "sara").get(reverse("casefile:case_detail", args=[case.public_id])).status_code == 404
    assert _rows() == [("denied", "case.overview", case.child_id, case.pk)]


def test_a_missing_case_is_logged_as_denied_without_target(world: World) -> None:
    response = _client(world, "sara").get(
        reverse("casefile:case_detail", args=["00000000-0000-4000-8000-000000000000"])
    )
    assert response.status_code == 404
    assert _rows() == [("denied", "case.overview", None, None)]


def test_emergency_reads_carry_the_reason(world: World) -> None:
    grant = grant_emergency(world.user("sara"), world.own_case)
    _client(world, "sara").get(reverse("casefile:case_detail", args=[world.own_case.public_id]))
    event = AccessEvent.objects.get(action=AccessAction.VIEW)
    assert event.emergency is True
    assert event.reason == grant.reason


def test_starting_emergency_access_needs_a_reason_and_is_logged(world: World) -> None:
    client = _client(world, "sara")
    url = reverse("access:emergency_access", args=[world.own_case.public_id])
    response = client.post(url, {"reason": "kort"})
    assert response.status_code == 200
    assert "minst" in response.content.decode()
    assert not AccessEvent.objects.exists()
    response = client.post(url, {"reason": "Polisen ringer: barnet är hotat i natt, teamet nås inte."})
    assert response.status_code == 302
    assert _rows() == [("emergency", "case.emergency", world.own_case.child_id, world.own_case.pk)]


@pytest.mark.parametrize(("route", "view_name"), [("api:case_detail", "api.case"), ("api:person_detail", "api.person")])
def test_api_reads_are_logged(world: World, route: str, view_name: str) -> None:
    case = world.own_case
    target = case.public_id if route == "api:case_detail" else case.child.public_id
    response = _client(world, "hanna").get(reverse(route, args=[target]))
    assert response.status_code == 200
    assert [(r[0], r[1], r[2]) for r in _rows()] == [("api", view_name, case.child_id)]


def test_api_gives_contact_details_only_within_need_to_know(world: World) -> None:
    url = reverse("api:person_detail", args=[world.protected_case.child.public_id])
    body = _client(world, "hanna").get(url).json()
    assert (body["protected"], body["address"]) == (True, "Hemlig väg 9")
    response = _client(world, "olle").get(url)
    assert response.status_code == 404
    assert "Hemlig" not in response.content.decode()


def test_if_the_log_cannot_be_written_nothing_is_shown(world: World) -> None:
    client = _client(world, "hanna")
    client.raise_request_exception = False
    with mock.patch("access.reads.write_access_events", side_effect=DatabaseError("log unavailable")):
        response = client.get(reverse("casefile:case_detail", args=[world.own_case.public_id]))
    assert response.status_code == 500
    assert "Elias" not in response.content.decode()


def test_behind_a_trusted_proxy_the_client_address_is_logged(world: World, settings: object) -> None:
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1  # type: ignore[attr-defined]
    client = _client(world, "hanna")
    client.get(reverse("casefile:case_detail", args=[world.own_case.public_id]), HTTP_X_FORWARDED_FOR="10.1.2.3")
    assert AccessEvent.objects.get(action=AccessAction.VIEW).ip_address == "10.1.2.3"


def test_person_pages_reached_through_emergency_access_are_flagged(world: World) -> None:
    grant = grant_emergency(world.user("sara"), world.own_case)
    client = _client(world, "sara")
    for person in (world.own_case.child, world.guardian):
        assert client.get(reverse("casefile:person_detail", args=[person.public_id])).status_code == 200
    views = AccessEvent.objects.filter(action=AccessAction.VIEW)
    assert views.count() == 2
    assert set(views.values_list("emergency", "reason")) == {(True, grant.reason)}
    assert not AccessEvent.objects.filter(emergency=False).exists()


def test_own_scope_reads_are_not_flagged_as_emergency(world: World) -> None:
    grant_emergency(world.user("hanna"), world.other_team_case)
    _client(world, "hanna").get(reverse("casefile:case_detail", args=[world.own_case.public_id]))
    assert not AccessEvent.objects.filter(emergency=True).exists()


def test_emergency_access_is_refused_for_a_case_already_in_scope(world: World) -> None:
    url = reverse("access:emergency_access", args=[world.own_case.public_id])
    response = _client(world, "hanna").post(url, {"reason": "Polisen ringer: barnet är hotat i natt, teamet nås inte."})
    assert response.status_code == 200
    assert "redan behörighet" in response.content.decode()
    assert not AccessEvent.objects.exists()


def test_the_api_case_list_is_logged_as_an_api_read(world: World) -> None:
    assert _client(world, "hanna").get(reverse("api:my_cases")).status_code == 200
    assert set(AccessEvent.objects.values_list("action", "view_name")) == {("api", "api.cases")}


def _police_report(world: World, username: str, case: object) -> int:
    from django.utils import timezone

    from access.actor import Actor
    from intake.services import SignalInput, signal_register

    receipt = signal_register(
        actor=Actor.system(world.user(username)),
        data=SignalInput(
            kind="police",
            received_at=timezone.now(),
            reporter_type="mandatory",
            content="Oro.",
            identity_number=case.child.identity_number,  # type: ignore[attr-defined]
        ),
    )
    return receipt.signal_id


def test_timeline_logs_the_case_once(world: World) -> None:
    _police_report(world, "hanna", world.own_case)
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    response = _client(world, "hanna").get(reverse("casefile:case_timeline", args=[world.own_case.public_id]))
    assert response.status_code == 200
    rows = AccessEvent.objects.exclude(pk__in=before).values_list("action", "view_name", "person_id", "case_id")
    assert list(rows) == [("view", "case.timeline", world.own_case.child_id, world.own_case.pk)]


def test_journal_page_logs_the_case_once(world: World) -> None:
    response = _client(world, "hanna").get(reverse("journal:journal", args=[world.own_case.public_id]))
    assert response.status_code == 200
    assert _rows() == [("view", "journal.page", world.own_case.child_id, world.own_case.pk)]


def test_work_queue_logs_each_case_with_a_clock_shown(world: World) -> None:
    _police_report(world, "hanna", world.own_case)
    _police_report(world, "sara", world.other_team_case)
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    assert _client(world, "olle").get(reverse("deadlines:work_queue")).status_code == 200
    rows = AccessEvent.objects.exclude(pk__in=before).values_list("action", "view_name", "person_id", "case_id")
    assert list(rows) == [("list", "deadlines.work_queue", world.own_case.child_id, world.own_case.pk)]


def test_a_form_that_changes_a_case_logs_the_view_and_the_change_logs_a_write(world: World) -> None:
    signal_id = _police_report(world, "hanna", world.own_case)
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    client = _client(world, "hanna")
    url = reverse("intake:protection_assessment", args=[world.own_case.public_id, signal_id])
    assert client.get(url).status_code == 200
    response = client.post(url, {"outcome": "no-need", "reasoning": "Tryggt."})
    assert response.status_code == 302
    rows = AccessEvent.objects.exclude(pk__in=before).order_by("pk").values_list("action", "view_name")
    assert list(rows) == [
        ("view", "intake.protection_assessment.form"),
        ("write", "intake.protection_assessment"),
    ]


def test_a_refused_change_is_visible_in_the_log_with_its_reason(world: World) -> None:
    signal_id = _police_report(world, "hanna", world.own_case)
    client = _client(world, "hanna")
    url = reverse("intake:protection_assessment", args=[world.own_case.public_id, signal_id])
    assert client.post(url, {"outcome": "measures", "reasoning": "Hot.", "measures": ""}).status_code == 200
    refused = AccessEvent.objects.get(action="refused")
    assert (refused.view_name, refused.reason) == ("intake.protection_assessment", "measures:required")


def test_a_printable_document_logs_its_view_and_its_print(world: World) -> None:
    from django.utils import timezone

    from access.actor import Actor
    from documents.services import document_request
    from investigations.services import investigation_open

    hanna = Actor.system(world.user("hanna"))
    investigation = investigation_open(actor=hanna, case=world.own_case, question="Oro", opened_on=timezone.localdate())
    document = document_request(
        actor=hanna,
        case_public_id=world.own_case.public_id,
        kind="investigation",
        subject_public_id=investigation.public_id,
    )
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    client = _client(world, "olle")
    args = [world.own_case.public_id, document.public_id]
    assert client.get(reverse("documents:document", args=args)).status_code == 200
    assert client.get(reverse("documents:document_pdf", args=args))["Content-Type"] == "application/pdf"
    rows = AccessEvent.objects.exclude(pk__in=before).order_by("pk").values_list("action", "view_name", "case_id")
    assert list(rows) == [("view", "document.view", world.own_case.pk), ("print", "document.pdf", world.own_case.pk)]


def test_the_delegation_report_logs_each_case_it_lists_and_its_file_as_an_export(
    world: World, delegation: dict
) -> None:
    today = timezone.localdate()
    for holder, case in (("hanna", world.own_case), ("hanna", world.protected_case), ("sara", world.other_team_case)):
        decision_record(
            actor=Actor.system(world.user(holder)),
            case_public_id=case.public_id,
            data=DecisionInput(
                kind=DecisionKind.SUPPORT,
                legal_basis_id=legal_bases_for(DecisionKind.SUPPORT, today)[0].pk,
                delegation_id=delegation[DecisionKind.SUPPORT].pk,
                decided_by_name="Karin Chef",
                decided_on=today,
                reasons="Stöd.",
                communication="not-needed",
                outcome="granted",
            ),
        )
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    client = _client(world, "karin")
    period = {"first_day": today.isoformat(), "last_day": today.isoformat()}
    assert client.get(reverse("reports:delegation_report"), period).status_code == 200
    export = client.post(reverse("reports:delegation_export"), period)["Location"]
    assert run_queued_exports() == ["ready"]
    assert client.get(export).status_code == 200  # the export's page shows no one: no row
    assert client.get(f"{export}lage/").status_code == 200
    assert client.post(f"{export}hamta/").status_code == 200  # the rows were written with the file
    rows = AccessEvent.objects.exclude(pk__in=before).order_by("pk").values_list("action", "view_name", "case_id")
    shown = [world.own_case.pk, world.protected_case.pk]  # Söder's case is not karin's unit
    assert list(rows) == [
        *(("list", "decisions.delegation_report", pk) for pk in sorted(shown)),
        *(("export", "decisions.delegation_report", pk) for pk in sorted(shown)),
    ]


def _in_programme(world: World) -> object:
    from programme.services import RaiseInput, participation_raise

    data = RaiseInput(raised_on=timezone.localdate(), raised_how="report", raised_by="Polisen")
    return participation_raise(
        actor=Actor.system(world.user("adam")), case_public_id=world.own_case.public_id, data=data
    )


@pytest.mark.parametrize(
    ("route", "action", "view_name"),
    [
        ("programme:participation", "view", "programme.participation"),
        ("api:participation_detail", "api", "api.programme"),
        ("programme:outcomes", "view", "programme.outcomes"),
        ("programme:care_plan", "view", "programme.care_plan"),
        ("api:participation_outcomes", "api", "api.programme.outcomes"),
    ],
)
def test_the_programme_page_and_its_api_log_the_case_once(
    world: World, route: str, action: str, view_name: str
) -> None:
    participation = _in_programme(world)
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    url = reverse(route, args=[world.own_case.public_id, participation.public_id])  # type: ignore[attr-defined]
    assert _client(world, "hanna").get(url).status_code == 200
    rows = AccessEvent.objects.exclude(pk__in=before).values_list("action", "view_name", "person_id", "case_id")
    assert list(rows) == [(action, view_name, world.own_case.child_id, world.own_case.pk)]


def test_the_plan_logs_the_case_and_each_guardian_it_names(world: World) -> None:
    participation = _in_programme(world)
    case = world.own_case
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    url = reverse("programme:plan", args=[case.public_id, participation.public_id])  # type: ignore[attr-defined]
    assert _client(world, "hanna").get(url).status_code == 200
    rows = AccessEvent.objects.exclude(pk__in=before).values_list("action", "view_name", "person_id", "case_id")
    assert sorted(rows) == [
        ("list", "programme.plan.guardians", world.guardian.pk, case.pk),
        ("view", "programme.plan", case.child_id, case.pk),
    ]


def test_the_catalogue_the_needs_analysis_and_the_outcomes_show_no_person_and_log_none(world: World) -> None:
    from catalogue.tests.test_catalogue import added, unassessed

    pages = [reverse("catalogue:catalogue"), reverse("reports:needs_analysis"), reverse("reports:outcomes_report")]
    pages += [reverse("catalogue:service", args=[added(world).key])]
    pages += [reverse("programme:outcome_fields"), reverse("programme:outcome_field_new")]
    pages += [reverse("programme:outcome_field_retire", args=["own_safety"])]
    pages += [reverse("catalogue:count_new", args=[unassessed(world).key])]
    pages += [
        reverse("outreach:field"),
        reverse("outreach:child"),
        reverse("outreach:report"),
        reverse("outreach:areas"),
    ]
    client = _client(world, "karin")
    for url in pages:
        assert client.get(url).status_code == 200, url
    assert not AccessEvent.objects.exists()


def test_a_programme_form_logs_its_view_and_its_change_a_write(world: World) -> None:
    participation = _in_programme(world)
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    client = _client(world, "adam")
    url = reverse("programme:motivation_new", args=[world.own_case.public_id, participation.public_id])  # type: ignore[attr-defined]
    assert client.get(url).status_code == 200
    data = {"stage": "ambivalent", "child_words": "Jag vet inte.", "heard_on": timezone.localdate().isoformat()}
    assert client.post(url, data).status_code == 302
    rows = AccessEvent.objects.exclude(pk__in=before).order_by("pk").values_list("action", "view_name")
    assert list(rows) == [("view", "programme.motivation.form"), ("write", "programme.motivation")]


def test_an_outcome_logs_its_form_its_write_and_its_page(world: World) -> None:
    participation = _in_programme(world)
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    client = _client(world, "adam")
    args = [world.own_case.public_id, participation.public_id]  # type: ignore[attr-defined]
    url = reverse("programme:outcome_new", args=args)
    assert client.get(url).status_code == 200
    data = {"occasion": "entry", "recorded_on": timezone.localdate().isoformat(), "source": "child"}
    made = client.post(url, data | {"child_words": "Det är lugnt."})["Location"]
    assert client.get(made).status_code == 200
    rows = AccessEvent.objects.exclude(pk__in=before).order_by("pk").values_list("action", "view_name", "case_id")
    case = world.own_case.pk
    assert list(rows) == [
        ("view", "programme.outcome_record.form", case),
        ("view", "programme.outcome_record.form", case),
        ("write", "programme.outcome_record", case),
        ("view", "programme.outcome", case),
    ]


def _assessed(world: World) -> object:
    from assessments.tests.helpers import assessed

    return assessed(world)


@pytest.mark.parametrize(
    ("route", "action", "view_name", "with_assessment"),
    [
        ("assessments:assessment_list", "view", "assessments.list", False),
        ("assessments:assessment", "view", "assessments.detail", True),
        ("api:assessment_list", "api", "api.assessments", False),
    ],
)
def test_the_assessments_pages_and_their_api_log_the_case_once(
    world: World, route: str, action: str, view_name: str, with_assessment: bool
) -> None:
    made = _assessed(world)
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    args = [world.own_case.public_id, *([made.public_id] if with_assessment else [])]  # type: ignore[attr-defined]
    assert _client(world, "hanna").get(reverse(route, args=args)).status_code == 200
    rows = AccessEvent.objects.exclude(pk__in=before).values_list("action", "view_name", "person_id", "case_id")
    assert list(rows) == [(action, view_name, world.own_case.child_id, world.own_case.pk)]


def test_the_assessment_form_logs_its_view_a_refusal_and_its_write(world: World) -> None:
    from assessments.tests.helpers import RISK_ITEMS

    client = _client(world, "hanna")
    url = reverse("assessments:assessment_new", args=[world.own_case.public_id])
    assert client.get(url).status_code == 200
    posted = {f"item-{key}": "2" for key in RISK_ITEMS} | {"assessed_on": timezone.localdate().isoformat()}
    posted |= {"child_part": "declined"}
    assert client.post(url, posted | {"item-rs-skola-risk": "5"}).status_code == 200  # outside the scale
    assert client.post(url, posted).status_code == 302
    rows = AccessEvent.objects.order_by("pk").values_list("action", "view_name", "reason")
    assert list(rows) == [
        ("view", "assessments.assessment.form", ""),
        ("refused", "assessments.assessment", "item-rs-skola-risk:out_of_scale"),
        ("view", "assessments.assessment.form", ""),
        ("write", "assessments.assessment", ""),
    ]


def test_the_log_extract_logs_its_question_and_every_person_in_the_file(world: World) -> None:
    _client(world, "hanna").get(reverse("casefile:case_detail", args=[world.own_case.public_id]))
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    client = _client(world, "lars")
    today = timezone.localdate().isoformat()
    question = {"first_day": today, "last_day": today, "username": "hanna"}
    assert client.get(reverse("reports:access_log_export")).status_code == 200  # the form alone: no row
    export = client.post(reverse("reports:access_log_export"), question)["Location"]
    assert run_queued_exports() == ["ready"]
    assert client.post(f"{export}hamta/").status_code == 200
    rows = AccessEvent.objects.exclude(pk__in=before).order_by("pk").values_list("action", "view_name", "person_id")
    assert list(rows) == [
        ("search", "access_log.export", None),
        ("export", "access_log.export", world.own_case.child_id),
        ("export", "access_log.export", world.guardian.pk),
    ]


@pytest.mark.parametrize(
    ("route", "action", "view_name"),
    [("protection:page", "view", "protection.page"), ("api:case_protection", "api", "api.protection")],
)
def test_the_protection_page_and_its_api_log_the_case_and_each_threatened_relative(
    world: World, route: str, action: str, view_name: str
) -> None:
    from protection.tests.threat_helpers import guardian_relation, recorded
    from protection.threat import ThreatenedInput

    recorded(world, ThreatenedInput(relation_id=guardian_relation(world).pk, level="raised"))
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    assert _client(world, "hanna").get(reverse(route, args=[world.own_case.public_id])).status_code == 200
    rows = AccessEvent.objects.exclude(pk__in=before).values_list("action", "view_name", "person_id", "case_id")
    case = world.own_case
    assert sorted(rows) == sorted(
        [(action, view_name, case.child_id, case.pk), ("list", f"{view_name}.threatened", world.guardian.pk, case.pk)]
    )


def test_the_threat_form_logs_its_view_a_refusal_and_its_write(world: World) -> None:
    client = _client(world, "adam")
    url = reverse("protection:threat_new", args=[world.own_case.public_id])
    assert client.get(url).status_code == 200
    today = timezone.localdate()
    posted = {
        "assessed_on": today.isoformat(),
        "source": "police",
        "source_note": "Polisen.",
        "threatened_by": "Ett gäng.",
    }
    assert client.post(url, posted | {"level_child": "high"}).status_code == 200  # no review date
    review = (today + timedelta(days=30)).isoformat()
    assert client.post(url, posted | {"level_child": "high", "review_on": review}).status_code == 302
    rows = AccessEvent.objects.order_by("pk").values_list("action", "view_name", "reason")
    assert list(rows) == [
        ("view", "protection.threat.form", ""),
        ("refused", "protection.threat", "review_on:required"),
        ("view", "protection.threat.form", ""),
        ("write", "protection.threat", ""),
    ]


def test_the_destination_page_logs_a_destination_row_and_a_refusal_a_denied_one(world: World) -> None:
    from protection.tests.helpers import named, placed

    named(world, "hanna")
    placed(world, "hanna", municipality="Gävle")
    before = set(AccessEvent.objects.values_list("id", flat=True))
    url = reverse("protection:destinations", args=[world.own_case.public_id])
    assert _client(world, "hanna").get(url).status_code == 200
    assert _client(world, "olle").get(url).status_code == 404
    rows = AccessEvent.objects.exclude(id__in=before)
    assert sorted(rows.values_list("username", "action", "view_name", "person_id", "case_id", "reason")) == [
        ("hanna", "destination", "protection.destination", world.own_case.child_id, world.own_case.pk, ""),
        ("olle", "denied", "protection.destination", world.own_case.child_id, world.own_case.pk, "destination"),
    ]


def test_a_destination_form_logs_its_view_as_a_destination_row_and_the_change_a_write(world: World) -> None:
    from protection.tests.helpers import named

    named(world, "hanna")
    before = set(AccessEvent.objects.values_list("id", flat=True))
    url = reverse("protection:destination_new", args=[world.own_case.public_id])
    client = _client(world, "hanna")
    assert client.get(url).status_code == 200
    assert client.post(url, {"municipality": "Gävle", "from_on": "2026-01-01"}).status_code == 302
    rows = AccessEvent.objects.exclude(id__in=before).values_list("action", "view_name")
    assert sorted(rows) == [
        ("destination", "protection.destination.form"),
        ("destination", "protection.destination.form"),
        ("write", "protection.destination.record"),
    ]


def test_the_naming_page_and_the_conflicts_page_log_the_case(world: World) -> None:
    naming = reverse("access:destination_naming", args=[world.own_case.public_id])
    assert _client(world, "karin").get(naming).status_code == 200
    conflicts = reverse("protection:conflicts", args=[world.own_case.public_id])
    assert _client(world, "adam").get(conflicts).status_code == 200
    assert _rows() == [
        ("view", "access.destination_namings", world.own_case.child_id, world.own_case.pk),
        ("view", "protection.conflicts", world.own_case.child_id, world.own_case.pk),
    ]


def test_the_provider_register_shows_no_person_and_logs_none(world: World) -> None:
    from protection.tests.measuring import provider

    made = provider()
    pages = [reverse("protection:providers"), reverse("protection:provider_new")]
    pages += [reverse(name, args=[made.public_id]) for name in ("protection:provider", "protection:provider_edit")]
    pages += [reverse("protection:provider_follow_up", args=[made.public_id])]
    client = _client(world, "karin")
    for url in pages:
        assert client.get(url).status_code == 200, url
    assert not AccessEvent.objects.exists()


def test_the_shelter_form_logs_its_view_the_guardians_it_names_a_refusal_and_its_write(
    world: World, delegation: dict
) -> None:
    from protection.tests.measuring import provider

    case, at = world.own_case, provider()
    client = _client(world, "hanna")
    url = reverse("protection:shelter_new", args=[case.public_id])
    assert client.get(url).status_code == 200
    today = timezone.localdate().isoformat()
    data = {
        "kind": "shelter",
        "legal_basis": legal_bases_for("shelter", timezone.localdate())[0].pk,
        "delegation": delegation["shelter"].pk,
        "decided_by_name": "Hanna",
        "decided_on": today,
        "reasons": "Barnet är hotat.",
        "guardian": world.guardian.pk,
        "guardian_granted_on": today,
        "other_guardian_consent": "not-consented",  # not with a SoL insats: refused
        "provider": str(at.public_id),
    }
    assert client.post(url, data).status_code == 200
    assert client.post(url, {**data, "other_guardian_consent": "no-other"}).status_code == 302
    rows = AccessEvent.objects.order_by("pk").values_list("action", "view_name", "person_id", "case_id", "reason")
    child, guardian = case.child_id, world.guardian.pk
    assert list(rows) == [
        ("view", "protection.shelter.form", child, case.pk, ""),
        ("list", "protection.shelter.form.guardians", guardian, case.pk, ""),
        (
            "refused",
            "protection.shelter",
            child,
            case.pk,
            "other_guardian:other_missing, other_guardian_consent:consent_kind",
        ),
        ("view", "protection.shelter.form", child, case.pk, ""),
        ("list", "protection.shelter.form.guardians", guardian, case.pk, ""),
        ("write", "protection.shelter", child, case.pk, ""),
    ]


def test_the_disclosure_list_logs_the_case_and_each_relative_a_disclosure_is_about(world: World) -> None:
    from collaboration.tests.helpers import recorded

    recorded(world)
    recorded(world, person=str(world.guardian.public_id), basis="necessary", conditions={"2-necessary"})
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    url = reverse("collaboration:disclosures", args=[world.own_case.public_id])
    assert _client(world, "bo").get(url).status_code == 200
    rows = AccessEvent.objects.exclude(pk__in=before).values_list("action", "view_name", "person_id", "case_id")
    assert sorted(rows) == [
        ("list", "collaboration.disclosures.persons", world.guardian.pk, world.own_case.pk),
        ("view", "collaboration.disclosures", world.own_case.child_id, world.own_case.pk),
    ]


def test_the_disclosure_form_logs_its_view_the_relatives_it_offers_a_refusal_and_its_write(world: World) -> None:
    client = _client(world, "hanna")
    url = reverse("collaboration:disclosure_new", args=[world.own_case.public_id])
    assert client.get(url).status_code == 200
    posted = {
        "person": str(world.own_case.child.public_id),
        "disclosed_on": timezone.localdate().isoformat(),
        "recipient_kind": "police",
        "recipient": "Polisen Norr",
        "channel": "oral",
        "what": "Iakttagelser.",
        "basis": "18a",
        "conditions_18a": ["18a-risk", "18a-suitable"],
        "assessment": "Prövad.",
    }
    assert client.post(url, posted).status_code == 200
    every = {"conditions_18a": ["18a-risk", "18a-suitable", "not-committed"]}
    assert client.post(url, posted | every).status_code == 302
    rows = AccessEvent.objects.order_by("pk").values_list("action", "view_name", "person_id", "reason")
    form = ("view", "collaboration.disclosure.form", world.own_case.child_id, "")
    offered = ("list", "collaboration.disclosure.form.persons", world.guardian.pk, "")
    assert list(rows) == [
        form,
        offered,
        form,
        offered,
        ("refused", "collaboration.disclosure", world.own_case.child_id, "conditions_18a:unconfirmed"),
        form,
        offered,
        ("write", "collaboration.disclosure", world.own_case.child_id, ""),
    ]


def test_incoming_information_logs_its_form_a_refusal_its_write_and_its_list(world: World) -> None:
    client = _client(world, "bo")
    case = world.own_case
    url = reverse("collaboration:incoming_new", args=[case.public_id])
    assert client.get(url).status_code == 200
    posted = {
        "source_kind": "school",
        "sender": "Kvarnskolan",
        "received_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        "channel": "written",
    }
    assert client.post(url, posted).status_code == 200
    assert client.post(url, posted | {"content": "Frånvaro 30 procent."}).status_code == 302
    assert client.get(reverse("collaboration:incoming", args=[case.public_id])).status_code == 200
    rows = AccessEvent.objects.order_by("pk").values_list("action", "view_name", "person_id", "reason")
    form = ("view", "collaboration.incoming.form", case.child_id, "")
    assert list(rows) == [
        form,
        form,
        ("refused", "collaboration.incoming", case.child_id, "content:required"),
        form,
        ("write", "collaboration.incoming", case.child_id, ""),
        ("view", "collaboration.incoming_list", case.child_id, ""),
    ]


def test_a_correction_of_incoming_information_logs_its_form_a_refusal_and_its_write(world: World) -> None:
    from collaboration.incoming import IncomingInput, incoming_record

    case = world.own_case
    data = IncomingInput(
        source_kind="school", sender="Kvarnskolan", received_at=timezone.now(), channel="written", content="Frånvaro."
    )
    original = incoming_record(actor=Actor.system(world.user("bo")), case_public_id=case.public_id, data=data)
    before = AccessEvent.objects.latest("pk").pk  # the row's own write
    client = _client(world, "bo")
    url = reverse("collaboration:incoming_correct", args=[case.public_id, original.public_id])
    assert client.get(url).status_code == 200
    posted = {
        "source_kind": "school",
        "sender": "Kvarnskolan",
        "received_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        "channel": "written",
        "content": "Frånvaro 30 procent.",
    }
    assert client.post(url, posted).status_code == 200
    assert client.post(url, posted | {"reason": "Fel siffra."}).status_code == 302
    rows = (
        AccessEvent.objects.filter(pk__gt=before)
        .order_by("pk")
        .values_list("action", "view_name", "person_id", "reason")
    )
    form = ("view", "collaboration.incoming.correction.form", case.child_id, "")
    assert list(rows) == [
        form,
        form,
        ("refused", "collaboration.incoming.correction", case.child_id, "reason:required"),
        form,
        ("write", "collaboration.incoming.correction", case.child_id, ""),
    ]


def test_a_transfer_logs_its_form_and_one_write(world: World) -> None:
    client = _client(world, "hanna")
    case = world.own_case
    url = reverse("collaboration:transfer_new", args=[case.public_id])
    assert client.get(url).status_code == 200
    posted = {
        "recipient": "Kvarnby kommun",
        "disclosed_on": timezone.localdate().isoformat(),
        "reason": "moved",
        "channel": "written",
        "what": "Utredningen.",
        "basis": "necessary",
        "conditions_necessary": ["2-necessary"],
        "assessment": "Nödvändigt.",
    }
    assert client.post(url, posted).status_code == 302
    rows = AccessEvent.objects.order_by("pk").values_list("action", "view_name", "person_id")
    form = ("view", "collaboration.transfer.form", case.child_id)
    assert list(rows) == [form, form, ("write", "collaboration.transfer", case.child_id)]


def test_information_about_a_child_outside_a_case_logs_intakes_write_and_nothing_else(world: World) -> None:
    from intake.models import Signal

    client = _client(world, "olle")
    assert client.get(reverse("collaboration:incoming_child")).status_code == 200
    posted = {
        "what": "information",
        "source_kind": "police",
        "reporter_organisation": "Polisen Norr",
        "received_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        "channel": "oral",
        "identity_number": world.other_team_case.child.identity_number,
        "content": "Setts i nätverket.",
    }
    assert client.post(reverse("collaboration:incoming_child"), posted).status_code == 302
    signal = Signal.objects.get()
    assert _rows() == [("write", "intake.signal_register", signal.child_id, signal.case_id)]


def test_a_child_sent_from_the_field_logs_intakes_write_and_nothing_else(world: World) -> None:
    from intake.models import Signal

    client = _client(world, "fia")
    data = {"wants": "Vill ha hjälp.", "reach": "Ringer själv.", "given_name": "Kim", "age": "15"}
    assert client.get(reverse("outreach:child")).status_code == 200
    assert client.post(reverse("outreach:child"), data).status_code == 302
    signal = Signal.objects.get()
    assert _rows() == [("write", "intake.signal_register", signal.child_id, signal.case_id)]


def test_the_consent_ledger_logs_the_case_and_each_relative_a_consent_is_about(world: World) -> None:
    from collaboration.consents import partner_consent_record
    from collaboration.tests.helpers import consent_data

    holder = Actor.system(world.user("hanna"))
    partner_consent_record(actor=holder, case_public_id=world.own_case.public_id, data=consent_data(world))
    about_guardian = consent_data(world, about=world.guardian)
    partner_consent_record(actor=holder, case_public_id=world.own_case.public_id, data=about_guardian)
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    url = reverse("collaboration:consents", args=[world.own_case.public_id])
    assert _client(world, "bo").get(url).status_code == 200
    rows = AccessEvent.objects.exclude(pk__in=before).values_list("action", "view_name", "person_id", "case_id")
    assert sorted(rows) == [
        ("list", "collaboration.consents.persons", world.guardian.pk, world.own_case.pk),
        ("view", "collaboration.consents", world.own_case.child_id, world.own_case.pk),
    ]


def test_the_consent_forms_log_their_view_the_relatives_offered_a_refusal_and_the_writes(world: World) -> None:
    from collaboration.models import PartnerConsent

    client = _client(world, "hanna")
    url = reverse("collaboration:consent_new", args=[world.own_case.public_id])
    assert client.get(url).status_code == 200
    child = str(world.own_case.child.public_id)
    posted = {"person": child, "partner_kind": "school", "partner": "Kvarnskolan", "covers": "Skolgången."}
    assert client.post(url, posted).status_code == 200
    posted |= {"purpose": "Stöd.", "given_by": child, "given_on": timezone.localdate().isoformat(), "form": "oral"}
    assert client.post(url, posted).status_code == 302
    withdraw = reverse(
        "collaboration:consent_withdraw", args=[world.own_case.public_id, PartnerConsent.objects.get().public_id]
    )
    assert client.get(withdraw).status_code == 200
    assert client.post(withdraw, {"withdrawn_on": timezone.localdate().isoformat()}).status_code == 302
    rows = AccessEvent.objects.order_by("pk").values_list("action", "view_name", "person_id", "reason")
    form = ("view", "collaboration.consent.form", world.own_case.child_id, "")
    offered = ("list", "collaboration.consent.form.persons", world.guardian.pk, "")
    withdraw_form = ("view", "collaboration.consent.withdraw.form", world.own_case.child_id, "")
    assert list(rows) == [
        form,
        offered,
        form,
        offered,
        (
            "refused",
            "collaboration.consent",
            world.own_case.child_id,
            "given_by:not_of_case, purpose:required, form:required, given_on:required",
        ),
        form,
        offered,
        ("write", "collaboration.consent", world.own_case.child_id, ""),
        withdraw_form,
        withdraw_form,
        ("write", "collaboration.consent.withdraw", world.own_case.child_id, ""),
    ]


def _bob_rad(world: World) -> object:
    from collaboration.meetings import MeetingInput, meeting_create

    data = MeetingInput(kind="bob", held_on=timezone.localdate(), title="Bob-råd", participants="Polisen, skolan")
    return meeting_create(actor=Actor.system(world.user("karin")), data=data)


def test_the_meetings_list_and_form_show_no_person_and_log_none_and_a_meeting_logs_each_case_shown(
    world: World,
) -> None:
    from collaboration.meetings import ItemInput, meeting_item_record

    meeting = _bob_rad(world)
    guardian = str(world.guardian.public_id)
    meeting_item_record(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        meeting_id=meeting.public_id,  # type: ignore[attr-defined]
        data=ItemInput(discussed="Oro.", invited={guardian}, came={guardian}),
    )
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    client = _client(world, "hanna")
    assert client.get(reverse("collaboration:meetings")).status_code == 200
    assert client.get(reverse("collaboration:meeting_new")).status_code == 200
    assert not AccessEvent.objects.exclude(pk__in=before).exists()
    assert client.get(reverse("collaboration:meeting", args=[meeting.public_id])).status_code == 200  # type: ignore[attr-defined]
    assert client.get(reverse("collaboration:case_meetings", args=[world.own_case.public_id])).status_code == 200
    assert _client(world, "sara").get(reverse("collaboration:meeting", args=[meeting.public_id])).status_code == 404  # type: ignore[attr-defined]
    rows = AccessEvent.objects.exclude(pk__in=before).order_by("pk")
    assert list(rows.values_list("action", "view_name", "person_id", "case_id")) == [
        ("list", "collaboration.meeting.persons", world.guardian.pk, world.own_case.pk),
        ("view", "collaboration.meeting.items", world.own_case.child_id, world.own_case.pk),
        ("view", "collaboration.case_meetings", world.own_case.child_id, world.own_case.pk),
        ("list", "collaboration.case_meetings.persons", world.guardian.pk, world.own_case.pk),
        ("denied", "collaboration.meeting", None, None),
    ]


def test_the_meeting_item_form_logs_its_view_the_relatives_it_offers_a_refusal_and_its_write(world: World) -> None:
    meeting = _bob_rad(world)
    client = _client(world, "hanna")
    url = reverse("collaboration:meeting_item_new", args=[world.own_case.public_id, meeting.public_id])  # type: ignore[attr-defined]
    assert client.get(url).status_code == 200
    assert client.post(url, {"discussed": ""}).status_code == 200
    assert client.post(url, {"discussed": "Oro för skolgången."}).status_code == 302
    rows = AccessEvent.objects.order_by("pk").values_list("action", "view_name", "person_id", "reason")
    form = ("view", "collaboration.meeting.item.form", world.own_case.child_id, "")
    offered = ("list", "collaboration.meeting.item.form.persons", world.guardian.pk, "")
    assert list(rows) == [
        form,
        offered,
        form,
        offered,
        ("refused", "collaboration.meeting.item", world.own_case.child_id, "discussed:required"),
        form,
        offered,
        ("write", "collaboration.meeting.item", world.own_case.child_id, ""),
    ]


def test_what_was_disclosed_about_a_person_logs_each_person_and_case_shown(world: World) -> None:
    from collaboration.tests.helpers import recorded

    recorded(world)
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    client = _client(world, "lars")
    assert client.get(reverse("collaboration:register_review")).status_code == 200  # the form alone: no row
    number = world.own_case.child.identity_number
    assert client.post(reverse("collaboration:register_review"), {"identity_number": number}).status_code == 200
    rows = AccessEvent.objects.exclude(pk__in=before).values_list("action", "view_name", "person_id", "case_id")
    assert list(rows) == [("list", "collaboration.register_review", world.own_case.child_id, world.own_case.pk)]


def test_a_request_to_move_the_case_logs_its_form_its_write_its_pages_and_its_steps(world: World) -> None:
    client = _client(world, "hanna")
    case = world.own_case
    new = reverse("collaboration:transfer_request_new", args=[case.public_id])
    assert client.get(new).status_code == 200
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
    from collaboration.transfer_request_models import TransferRequest

    request = TransferRequest.objects.get()
    page = reverse("collaboration:transfer_request", args=[case.public_id, request.public_id])
    assert client.get(reverse("collaboration:transfer_requests", args=[case.public_id])).status_code == 200
    answer = {"steg": "answer", "answer-day": timezone.localdate().isoformat(), "answer-agreed": "no"}
    assert client.post(page, answer).status_code == 302
    rows = AccessEvent.objects.order_by("pk").values_list("action", "view_name", "person_id")
    child = case.child_id
    form = ("view", "collaboration.transfer_request.form", child)
    assert list(rows) == [
        form,
        form,  # the form's read comes before its change too
        ("write", "collaboration.transfer_request", child),
        ("view", "collaboration.transfer_requests", child),
        ("write", "collaboration.transfer_step", child),
    ]
