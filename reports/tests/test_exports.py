"""Exports as background jobs: asked for, made by the worker, downloaded once by whoever asked, expired.

karin (unit manager) exports the delegation report; lars (log reviewer) an extract of the log. Every
refusal is tried: another user, a second download, an expired file, a right lost before the worker
ran, a job that fails, a worker that died.
"""

import csv
import io
import os
from datetime import date, timedelta
from typing import Any
from unittest import mock

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core.management import call_command
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from accounts.models import Role
from conftest import TEST_TOTP_SECRET, World, grant_emergency, signed_in
from decisions.services import DecisionInput, decision_record, legal_bases_for
from delegation.models import DecisionKind, DelegationItem
from reports.exports import files
from reports.models import Export, ExportFailure, ExportStatus
from reports.tests.exporting import run_queued_exports

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
PERIOD = {"first_day": TODAY.isoformat(), "last_day": TODAY.isoformat()}


def _decide(world: World, item: DelegationItem, case: object = None) -> None:
    decision_record(
        actor=Actor.system(world.user("hanna")),
        case_public_id=(case or world.own_case).public_id,  # type: ignore[attr-defined]
        data=DecisionInput(
            kind=item.decision_kind,
            legal_basis_id=legal_bases_for(item.decision_kind, TODAY)[0].pk,
            delegation_id=item.pk,
            decided_by_name="Karin Chef",
            decided_on=TODAY,
            reasons="Skälen står i beslutet.",
            communication="not-needed",
            outcome="granted",
        ),
    )


def _ask(client: Client) -> Export:
    response = client.post(reverse("reports:delegation_export"), PERIOD)
    export = Export.objects.latest("requested_at")
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:export_detail", args=[export.public_id])
    return export


def _ready(world: World, delegation: dict) -> tuple[Client, Export]:
    _decide(world, delegation[DecisionKind.SUPPORT])
    client = signed_in(world.user("karin"))
    export = _ask(client)
    assert run_queued_exports() == ["ready"]
    export.refresh_from_db()
    return client, export


def _download(client: Client, export: Export) -> Any:
    return client.post(reverse("reports:export_download", args=[export.public_id]))


def _csv(response: object) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[attr-defined]
    return list(csv.reader(io.StringIO(body), delimiter=";"))


def _in_dir(settings: object) -> list[str]:
    directory = settings.EXPORT_DIR  # type: ignore[attr-defined]
    return sorted(path.name for path in directory.iterdir()) if directory.exists() else []


def test_asking_queues_the_job_and_the_page_polls_until_it_is_done(world: World, delegation: dict) -> None:
    _decide(world, delegation[DecisionKind.SUPPORT])
    client = signed_in(world.user("karin"))
    export = _ask(client)
    assert (export.status, export.kind, export.parameters) == (ExportStatus.QUEUED, "delegation", PERIOD)
    assert export.expires_at == export.requested_at + timedelta(hours=24)
    page = client.get(reverse("reports:export_detail", args=[export.public_id])).content.decode()
    assert 'hx-trigger="every 2s"' in page and '<label class="ds-label" for="export-progress">' in page
    assert "Exporten väntar på att starta." in page
    run_queued_exports()
    fragment = client.get(reverse("reports:export_progress", args=[export.public_id])).content.decode()
    assert "hx-trigger" not in fragment  # done: the polling stops
    assert "Filen är klar: 1 rad." in fragment and "Hämta filen" in fragment


def test_while_running_the_bar_shows_how_far_it_has_come(world: World) -> None:
    export = Export.objects.create(
        kind="delegation",
        requested_by=world.user("karin"),
        requested_at=timezone.now(),
        request_id="r",
        language="sv",
        parameters=PERIOD,
        status=ExportStatus.RUNNING,
        rows_total=50_000,
        rows_done=12_000,
        progressed_at=timezone.now(),
        expires_at=timezone.now() + timedelta(hours=24),
    )
    page = signed_in(world.user("karin")).get(reverse("reports:export_progress", args=[export.public_id]))
    text = page.content.decode()
    assert 'max="50000" value="12000"' in text and "12000 av 50000 rader" in text and "hx-trigger" in text


def test_the_file_is_downloaded_once_by_the_one_who_asked_and_then_removed(
    world: World, delegation: dict, settings: object
) -> None:
    client, export = _ready(world, delegation)
    assert _in_dir(settings) == [export.file_name]
    assert os.stat(settings.EXPORT_DIR / export.file_name).st_mode & 0o777 == 0o600  # type: ignore[attr-defined]
    response = _download(client, export)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8" and response["Cache-Control"] == "no-store"
    assert f'filename="delegationsbeslut-{TODAY}-{TODAY}.csv"' in response["Content-Disposition"]
    rows = _csv(response)
    assert rows[0][:3] == ["Punkt i delegationsordningen", "Delegat", "Diarienummer"]
    assert rows[1][2] == world.own_case.reference
    assert _in_dir(settings) == []
    again = _download(client, export)
    assert again.status_code == 410
    assert "Filen är redan hämtad" in again.content.decode()
    assert Export.objects.get().status == ExportStatus.DOWNLOADED


def test_the_second_download_is_refused_in_english_too(world: World, delegation: dict) -> None:
    client, export = _ready(world, delegation)
    _download(client, export)
    client.cookies["django_language"] = "en"
    again = _download(client, export).content.decode()
    assert "already been downloaded" in again


@pytest.mark.parametrize("other", ["hanna", "sara", "lars", "anna"])
def test_nobody_else_sees_or_downloads_the_export(world: World, delegation: dict, other: str, settings: object) -> None:
    _client, export = _ready(world, delegation)
    client = signed_in(world.user(other))
    for route in ("reports:export_detail", "reports:export_progress"):
        assert client.get(reverse(route, args=[export.public_id])).status_code == 404
    assert _download(client, export).status_code == 404
    assert _in_dir(settings) == [export.file_name]  # still there for karin
    denied = AccessEvent.objects.filter(action=AccessAction.DENIED, username=other)
    assert set(denied.values_list("view_name", "person_id")) == {("reports.export", None)}


def test_a_second_unit_manager_cannot_take_anothers_file(world: World, delegation: dict) -> None:
    _client, export = _ready(world, delegation)
    kurt = type(world.user("karin")).objects.create_user(
        username="kurt", password=None, role=Role.UNIT_MANAGER, unit=world.norr
    )
    TOTP.activate(kurt, TEST_TOTP_SECRET)
    assert _download(signed_in(kurt), export).status_code == 404


def test_an_expired_file_is_refused_and_removed(world: World, delegation: dict, settings: object) -> None:
    client, export = _ready(world, delegation)
    Export.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = _download(client, export)
    assert response.status_code == 410
    assert "Filen har gått ut" in response.content.decode()
    assert _in_dir(settings) == []
    assert Export.objects.get().status == ExportStatus.EXPIRED


def test_a_manager_who_lost_the_right_before_the_worker_ran_gets_no_file(
    world: World, delegation: dict, settings: object
) -> None:
    _decide(world, delegation[DecisionKind.SUPPORT])
    karin = world.user("karin")
    client = signed_in(karin)
    export = _ask(client)
    karin.role = Role.CASEWORKER  # moved to other work between asking and the worker's turn
    karin.team = world.team_a
    karin.save()
    assert run_queued_exports() == ["refused"]
    export.refresh_from_db()
    assert (export.status, export.failure, export.file_name) == (ExportStatus.FAILED, ExportFailure.REFUSED, "")
    assert _in_dir(settings) == []
    assert list(AccessEvent.objects.filter(action__in=["export", "denied"]).values_list("action", "role")) == [
        ("denied", "caseworker")
    ]
    page = client.get(reverse("reports:export_detail", args=[export.public_id])).content.decode()
    assert "Du har inte längre behörighet till uppgifterna" in page and "hx-trigger" not in page
    assert _download(client, export).status_code == 404  # nor could the file be taken, had there been one


def test_a_right_lost_while_the_file_was_made_leaves_no_file(world: World, delegation: dict, settings: object) -> None:
    from reports.exports import run

    _decide(world, delegation[DecisionKind.SUPPORT])
    export = _ask(signed_in(world.user("karin")))
    real = run._write

    def deactivated_meanwhile(*args: object) -> object:
        written = real(*args)  # type: ignore[arg-type]
        type(world.user("karin")).objects.filter(username="karin").update(is_active=False)
        return written

    with mock.patch.object(run, "_write", deactivated_meanwhile):
        assert run_queued_exports() == ["refused"]
    assert Export.objects.get(pk=export.pk).status == ExportStatus.FAILED
    assert _in_dir(settings) == []
    assert not AccessEvent.objects.filter(action="export").exists()


def test_a_failing_job_shows_a_failure_not_an_endless_spinner(world: World, delegation: dict, settings: object) -> None:
    client = signed_in(world.user("karin"))
    export = _ask(client)
    with (
        mock.patch("reports.exports.kinds.delegation_file", side_effect=RuntimeError("disk")),
        pytest.raises(RuntimeError),
    ):
        run_queued_exports()
    export.refresh_from_db()
    assert (export.status, export.failure) == (ExportStatus.FAILED, ExportFailure.ERROR)
    fragment = client.get(reverse("reports:export_progress", args=[export.public_id])).content.decode()
    assert "hx-trigger" not in fragment and "Något gick fel när filen skapades" in fragment
    assert _in_dir(settings) == []


def test_if_the_log_cannot_be_written_nobody_gets_the_file(world: World, delegation: dict, settings: object) -> None:
    _decide(world, delegation[DecisionKind.SUPPORT])
    client = signed_in(world.user("karin"))
    export = _ask(client)
    with (
        mock.patch("reports.exports.run.log_result_set", side_effect=DatabaseError("log unavailable")),
        pytest.raises(DatabaseError),
    ):
        run_queued_exports()
    assert Export.objects.get(pk=export.pk).status == ExportStatus.FAILED
    assert _in_dir(settings) == []
    assert _download(client, export).status_code == 302  # back to its page, which says it failed


def test_a_worker_that_died_shows_as_stopped_and_the_sweep_marks_it(world: World, settings: object) -> None:
    long_ago = timezone.now() - timedelta(minutes=11)
    export = Export.objects.create(
        kind="delegation",
        requested_by=world.user("karin"),
        requested_at=long_ago,
        request_id="r",
        language="sv",
        parameters=PERIOD,
        status=ExportStatus.RUNNING,
        progressed_at=long_ago,
        file_name=files.new_file_name(),
        expires_at=timezone.now() + timedelta(hours=23),
    )
    partial = files.export_dir() / f"{export.file_name}{files.PARTIAL}"
    partial.write_text("half")
    fragment = signed_in(world.user("karin")).get(reverse("reports:export_progress", args=[export.public_id]))
    assert "Arbetet avbröts" in fragment.content.decode() and "hx-trigger" not in fragment.content.decode()
    call_command("expire_exports", stdout=io.StringIO())
    export.refresh_from_db()
    assert (export.status, export.failure) == (ExportStatus.FAILED, ExportFailure.ABANDONED)
    assert _in_dir(settings) == []


def test_the_sweep_removes_expired_files_and_strays_and_marks_them(
    world: World, delegation: dict, settings: object
) -> None:
    _client, export = _ready(world, delegation)
    stray = files.export_dir() / "leftover.csv.partial"
    stray.write_text("x")
    old = (timezone.now() - timedelta(hours=1)).timestamp()
    os.utime(stray, (old, old))
    out = io.StringIO()
    call_command("expire_exports", stdout=out)
    assert "0 expired, 0 abandoned, 1 stray" in out.getvalue()
    assert _in_dir(settings) == [export.file_name]
    Export.objects.filter(pk=export.pk).update(expires_at=timezone.now())
    call_command("expire_exports", stdout=out)
    assert Export.objects.get().status == ExportStatus.EXPIRED
    assert _in_dir(settings) == []


def test_a_task_that_runs_twice_makes_one_file(world: World, delegation: dict, settings: object) -> None:
    from reports.tasks import run_export

    _client, export = _ready(world, delegation)
    assert run_export.call(export.pk) == "skipped"
    assert _in_dir(settings) == [export.file_name]


def test_the_file_is_formula_safe(world: World) -> None:
    item = DelegationItem.objects.create(
        code="=1+1", decision_kind=DecisionKind.SUPPORT, delegate="@Enhetschef", valid_from=date(2020, 1, 1)
    )
    _decide(world, item)
    client = signed_in(world.user("karin"))
    export = _ask(client)
    run_queued_exports()
    rows = _csv(_download(client, export))
    assert rows[1] == [
        "'=1+1",
        "'@Enhetschef",
        world.own_case.reference,
        "Insats efter ansökan eller behovsprövning",
        str(TODAY),
        "hanna",
        "Nej",
    ]


@pytest.mark.parametrize("value", ["=cmd", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "ok", ""])
def test_every_formula_start_is_defused(value: str) -> None:
    assert files.safe_cell(value) == (value if value in {"ok", ""} else f"'{value}")


def test_the_file_follows_the_requesters_language(world: World, delegation: dict) -> None:
    _decide(world, delegation[DecisionKind.SUPPORT])
    client = signed_in(world.user("karin"))
    client.cookies["django_language"] = "en"
    export = _ask(client)
    run_queued_exports()
    assert _csv(_download(client, export))[0][0] == "Item in the delegation order"


def test_the_export_is_logged_naming_every_case_in_the_file_under_the_asking_request(
    world: World, delegation: dict
) -> None:
    for case in (world.own_case, world.protected_case, world.other_team_case):
        _decide(world, delegation[DecisionKind.SUPPORT], case) if case != world.other_team_case else None
    client = signed_in(world.user("karin"))
    response = client.post(reverse("reports:delegation_export"), PERIOD)
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    run_queued_exports()
    rows = AccessEvent.objects.exclude(pk__in=before)
    assert sorted(rows.values_list("action", "view_name", "person_id", "case_id")) == sorted(
        ("export", "decisions.delegation_report", case.child_id, case.pk)
        for case in (world.own_case, world.protected_case)
    )
    assert set(rows.values_list("username", "request_id", "ip_address")) == {
        ("karin", response.wsgi_request.request_id, "127.0.0.1")  # type: ignore[attr-defined]
    }


def test_the_delegation_export_is_the_unit_managers_alone(world: World) -> None:
    for user in ("hanna", "lars", "anna"):
        assert signed_in(world.user(user)).post(reverse("reports:delegation_export"), PERIOD).status_code == 404
    assert not Export.objects.exists()
    assert AccessEvent.objects.filter(action="denied", view_name="decisions.delegation_report").count() == 3


def test_a_bad_period_goes_back_to_the_report_form(world: World) -> None:
    response = signed_in(world.user("karin")).post(reverse("reports:delegation_export"), {"first_day": "2026-03-01"})
    assert response["Location"] == reverse("reports:delegation_report") + "?first_day=2026-03-01&last_day="
    assert not Export.objects.exists()


def test_the_list_shows_ones_own_exports_only(world: World, delegation: dict) -> None:
    _client, export = _ready(world, delegation)
    assert str(export.public_id) in signed_in(world.user("karin")).get(reverse("reports:export_list")).content.decode()
    assert (
        str(export.public_id) not in signed_in(world.user("lars")).get(reverse("reports:export_list")).content.decode()
    )
    assert signed_in(world.user("hanna")).get(reverse("reports:export_list")).status_code == 404


def _log_export(client: Client, **question: str) -> Export:
    data = {**PERIOD, "identity_number": "", "case_reference": "", "username": "", "action": "", **question}
    response = client.post(reverse("reports:access_log_export"), data)
    assert response.status_code == 302, response.content.decode()
    return Export.objects.latest("requested_at")


def test_the_log_extract_holds_the_rows_the_log_page_shows_and_is_logged_per_person(world: World) -> None:
    grant = grant_emergency(world.user("sara"), world.own_case)
    grant.reason = "=HYPERLINK(x)"
    grant.save()
    signed_in(world.user("sara")).get(reverse("casefile:case_detail", args=[world.own_case.public_id]))
    client = signed_in(world.user("lars"))
    export = _log_export(client, username="sara")
    assert list(AccessEvent.objects.filter(username="lars").values_list("action", "view_name", "person_id")) == [
        ("search", "access_log.export", None)  # the question, as every question to the log
    ]
    assert run_queued_exports() == ["ready"]
    rows = _csv(_download(client, export))
    assert rows[0][:4] == ["Tid", "Användare", "Roll", "Händelse"]
    person_names = {row[5] for row in rows[1:]}
    assert "Elias Berg" in person_names and "Maria Berg" in person_names
    assert {row[8] for row in rows[1:]} == {"'=HYPERLINK(x)"}
    exported = AccessEvent.objects.filter(username="lars", action="export")
    assert set(exported.values_list("view_name", "person_id", "case_id")) == {
        ("access_log.export", world.own_case.child_id, None),
        ("access_log.export", world.guardian.pk, None),
    }


def test_the_log_extract_flags_every_row_where_a_destination_was_shown_or_refused(world: World) -> None:
    from protection.tests.helpers import named, placed

    named(world, "hanna")
    placed(world, "hanna")
    page = reverse("protection:destinations", args=[world.own_case.public_id])
    signed_in(world.user("hanna")).get(page)
    signed_in(world.user("olle")).get(page)  # refused: not named
    signed_in(world.user("hanna")).get(reverse("casefile:case_detail", args=[world.own_case.public_id]))
    client = signed_in(world.user("lars"))
    export = _log_export(client)
    run_queued_exports()
    rows = _csv(_download(client, export))
    assert rows[0][-1] == "Skyddad vistelseort"
    flags = {(row[1], row[3], row[4]): row[-1] for row in rows[1:]}
    assert flags[("hanna", "Visning av skyddad vistelseort", "Skyddad vistelseort visad")] == "Ja"
    assert flags[("olle", "Nekad", "Skyddad vistelseort visad")] == "Ja"  # the attempt is what to look at
    assert flags[("karin", "Ändring", "Personal namngiven för skyddad vistelseort")] == "Ja"
    assert flags[("hanna", "Visning", "Ärendets sida")] == ""


def test_a_unit_managers_extract_holds_their_unit_only(world: World) -> None:
    signed_in(world.user("sara")).get(reverse("casefile:case_detail", args=[world.other_team_case.public_id]))
    signed_in(world.user("hanna")).get(reverse("casefile:case_detail", args=[world.own_case.public_id]))
    client = signed_in(world.user("karin"))
    export = _log_export(client)
    run_queued_exports()
    users = {row[1] for row in _csv(_download(client, export))[1:]}
    assert "hanna" in users and "sara" not in users


def test_the_log_extract_form_shows_errors_and_the_log_page_offers_it(world: World) -> None:
    client = signed_in(world.user("lars"))
    page = client.post(reverse("reports:access_log_export"), {"first_day": "2026-03-31", "last_day": "2026-03-01"})
    assert page.status_code == 200 and "Periodens slut kan inte vara före dess början." in page.content.decode()
    assert not Export.objects.exists()
    assert (
        f'formaction="{reverse("reports:access_log_export")}"'
        in client.get(reverse("access:access_log")).content.decode()
    )
    assert signed_in(world.user("hanna")).get(reverse("reports:access_log_export")).status_code == 404
