"""A school's absence report, typed (its period, the absence in it and the unauthorised part), and the
correction of incoming information: a new row naming the one it corrects, once, with the reason; the
corrected row stays as it was, marked "Rättad"."""

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from cases.models import CaseStatus
from collaboration.incoming import AbsenceInput, IncomingInput, incoming_record, incoming_record_correction
from collaboration.models import AbsenceUnit, IncomingChannel, IncomingInformation, RecipientKind
from collaboration.selectors import incoming_page
from conftest import World, signed_in

pytestmark = pytest.mark.django_db

COMMENT = "Skolan har ringt hem två gånger."


def _data(**changes: Any) -> IncomingInput:
    data = IncomingInput(
        source_kind=RecipientKind.SCHOOL,
        sender="Kvarnskolan, rektor E. Lind",
        received_at=timezone.now() - timedelta(hours=1),
        channel=IncomingChannel.WRITTEN,
        content=COMMENT,
    )
    return replace(data, **changes)


def _absence(**changes: Any) -> AbsenceInput:
    today = timezone.localdate()
    data = AbsenceInput(
        absence_from=today - timedelta(days=30),
        absence_to=today - timedelta(days=2),
        absence_unit=AbsenceUnit.LESSONS,
        absence_total=38,
        absence_unauthorised=30,
    )
    return replace(data, **changes)


def _report(world: World, user: str = "hanna", *, absence: AbsenceInput | None = None, **changes: Any) -> Any:
    return incoming_record(
        actor=Actor.system(world.user(user)),
        case_public_id=world.own_case.public_id,
        data=_data(**changes),
        absence=absence or _absence(),
    )


def _correct(
    world: World, original: IncomingInformation, user: str = "hanna", *, reason: str = "Fel period.", **changes: Any
) -> IncomingInformation:
    absence = changes.pop("absence", None)
    return incoming_record_correction(
        actor=Actor.system(world.user(user)),
        case_public_id=world.own_case.public_id,
        corrects=original.public_id,
        data=_data(**changes),
        absence=absence,
        reason=reason,
    )


def _codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [str(e.code) for e in errors] for field, errors in exc.error_dict.items()}


def test_an_absence_report_keeps_its_period_and_absence_and_shows_them_on_the_list_and_the_timeline(
    world: World,
) -> None:
    row = _report(world, "bo")
    kept = IncomingInformation.objects.get()
    assert (kept.absence_unit, kept.absence_total, kept.absence_unauthorised) == ("lessons", 38, 30)
    assert (kept.absence_from, kept.absence_to) == (_absence().absence_from, _absence().absence_to)
    assert kept.content == COMMENT and row.is_absence_report
    client = signed_in(world.user("olle"))
    listed = client.get(reverse("collaboration:incoming", args=[world.own_case.public_id])).content.decode()
    start, end = (d.isoformat() for d in (kept.absence_from, kept.absence_to))  # type: ignore[union-attr]
    assert "Frånvarorapport" in listed and f"{start} – {end}" in listed
    assert "38 lektioner" in listed and "30 lektioner" in listed
    timeline = client.get(reverse("casefile:case_timeline", args=[world.own_case.public_id])).content.decode()
    assert f"Frånvarorapport {start}–{end}: 38 lektioner frånvaro, varav 30 ogiltig." in timeline


def test_an_absence_report_needs_no_words_beside_its_figures_but_other_information_does(world: World) -> None:
    assert _report(world, content="").content == ""
    with pytest.raises(ValidationError) as caught:
        incoming_record(
            actor=Actor.system(world.user("hanna")),
            case_public_id=world.own_case.public_id,
            data=_data(content=""),
            absence=AbsenceInput(),
        )
    assert _codes(caught.value) == {"content": ["required"]}


def test_the_form_records_an_absence_report_in_hours(world: World) -> None:
    url = reverse("collaboration:incoming_new", args=[world.own_case.public_id])
    client = signed_in(world.user("hanna"))
    assert "Frånvarorapport från skolan" in client.get(url).content.decode()
    today = timezone.localdate()
    posted = {
        "source_kind": "school",
        "sender": "Kvarnskolan",
        "received_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        "channel": "digital",
        "absence_from": (today - timedelta(days=14)).isoformat(),
        "absence_to": today.isoformat(),
        "absence_unit": "hours",
        "absence_total": "1",
        "absence_unauthorised": "0",
    }
    assert client.post(url, posted).status_code == 302
    row = IncomingInformation.objects.get()
    assert (row.absence_unit, row.absence_total, row.absence_unauthorised, row.content) == ("hours", 1, 0, "")
    assert "1 timme frånvaro, varav 0 ogiltig" in row.absence_words()
    listed = client.get(reverse("collaboration:incoming", args=[world.own_case.public_id])).content.decode()
    assert "<dd>1 timme</dd>" in listed and "<dd>0 timmar</dd>" in listed


def test_a_broken_period_and_more_unauthorised_than_absence_are_answered_at_once_and_nothing_saved(
    world: World,
) -> None:
    today = timezone.localdate()
    with pytest.raises(ValidationError) as caught:
        _report(
            world,
            absence=_absence(
                absence_from=today + timedelta(days=1), absence_to=today + timedelta(days=3), absence_unauthorised=39
            ),
        )
    assert _codes(caught.value) == {
        "absence_from": ["future"],
        "absence_to": ["future"],
        "absence_unauthorised": ["more_than_total"],
    }
    with pytest.raises(ValidationError) as backwards:
        _report(
            world,
            source_kind=RecipientKind.POLICE,
            sender="",
            absence=_absence(absence_to=today - timedelta(days=31), absence_unit="weeks"),
        )
    assert _codes(backwards.value) == {
        "source_kind": ["absence_not_school"],
        "sender": ["required"],
        "absence_to": ["before_start"],
        "absence_unit": ["required"],
    }
    assert not IncomingInformation.objects.exists()
    refused = AccessEvent.objects.filter(action=AccessAction.REFUSED, view_name="collaboration.incoming")
    assert refused.count() == 2


def test_negative_and_missing_figures_are_refused_and_a_part_of_a_report_asks_for_the_rest(world: World) -> None:
    with pytest.raises(ValidationError) as negative:
        _report(world, absence=_absence(absence_total=-1, absence_unauthorised=-2))
    assert _codes(negative.value) == {"absence_total": ["negative"], "absence_unauthorised": ["negative"]}
    with pytest.raises(ValidationError) as partial:
        _report(world, absence=AbsenceInput(absence_total=5))
    assert _codes(partial.value) == {
        "absence_from": ["required"],
        "absence_to": ["required"],
        "absence_unit": ["required"],
        "absence_unauthorised": ["required"],
    }
    assert not IncomingInformation.objects.exists()


def test_the_form_shows_every_problem_of_a_report_linked_to_its_field(world: World) -> None:
    url = reverse("collaboration:incoming_new", args=[world.own_case.public_id])
    today = timezone.localdate()
    posted = {
        "source_kind": "school",
        "sender": "Kvarnskolan",
        "received_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        "channel": "written",
        "absence_from": today.isoformat(),
        "absence_to": (today - timedelta(days=1)).isoformat(),
        "absence_total": "-3",
        "absence_unauthorised": "2",
    }
    response = signed_in(world.user("hanna")).post(url, posted)
    text = response.content.decode()
    assert response.status_code == 200 and not IncomingInformation.objects.exists()
    for field in ("absence_to", "absence_unit_0", "absence_total"):
        assert f'href="#id_{field}"' in text
    assert "Perioden kan inte sluta innan den börjar." in text


def test_the_database_holds_a_report_whole_from_a_school_and_its_figures_in_order(world: World) -> None:
    row = _report(world)
    base = {f.attname: getattr(row, f.attname) for f in IncomingInformation._meta.concrete_fields}
    del base["id"], base["public_id"]
    for broken in (
        {"absence_unauthorised": 39},  # more than the whole absence
        {"absence_to": row.absence_from - timedelta(days=1)},  # type: ignore[operator]
        {"source_kind": RecipientKind.POLICE},  # a report from a school alone
        {"absence_unit": ""},  # a report whole or not at all
        {"absence_total": -1},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            IncomingInformation.objects.create(**(base | broken))


def test_a_correction_is_a_new_row_and_the_list_shows_both_the_old_marked_corrected(world: World) -> None:
    first = _report(world)
    fixed = _correct(world, first, "bo", absence=_absence(absence_unauthorised=3), reason="Skolan skrev fel siffra.")
    assert fixed.corrects == first and fixed.correction_reason == "Skolan skrev fel siffra."
    assert IncomingInformation.objects.count() == 2
    assert IncomingInformation.objects.get(pk=first.pk).absence_unauthorised == 30  # as it was recorded
    write = AccessEvent.objects.get(action=AccessAction.WRITE, view_name="collaboration.incoming.correction")
    assert (write.case_id, write.person_id) == (world.own_case.pk, world.own_case.child_id)
    page = incoming_page(Actor.system(world.user("hanna")), world.own_case.public_id)
    assert [(r.information, r.corrects, r.corrected) for r in page.rows] == [(fixed, first, False), (first, None, True)]
    client = signed_in(world.user("hanna"))
    listed = client.get(reverse("collaboration:incoming", args=[world.own_case.public_id])).content.decode()
    assert "Rättad" in listed and "Rättar uppgifterna som kom in" in listed
    assert "Skäl till rättelsen: Skolan skrev fel siffra." in listed
    assert reverse("collaboration:incoming_correct", args=[world.own_case.public_id, fixed.public_id]) in listed
    assert reverse("collaboration:incoming_correct", args=[world.own_case.public_id, first.public_id]) not in listed
    timeline = client.get(reverse("casefile:case_timeline", args=[world.own_case.public_id])).content.decode()
    assert "Rättade inkommande uppgifter" in timeline and "Skäl till rättelsen: Skolan skrev fel siffra." in timeline


def test_the_correction_form_starts_from_the_row_and_records_it(world: World) -> None:
    first = _report(world)
    url = reverse("collaboration:incoming_correct", args=[world.own_case.public_id, first.public_id])
    client = signed_in(world.user("hanna"))
    shown = client.get(url).content.decode()
    assert "Rätta inkommande uppgifter" in shown and 'value="Kvarnskolan, rektor E. Lind"' in shown
    assert 'value="38"' in shown
    posted = {
        "source_kind": "school",
        "sender": "Kvarnskolan, rektor E. Lind",
        "received_at": timezone.localtime(first.received_at).strftime("%Y-%m-%d %H:%M"),
        "channel": "written",
        "content": COMMENT,
        "absence_from": first.absence_from.isoformat(),  # type: ignore[union-attr]
        "absence_to": first.absence_to.isoformat(),  # type: ignore[union-attr]
        "absence_unit": "lessons",
        "absence_total": "36",
        "absence_unauthorised": "30",
        "reason": "Två lektioner var studiebesök.",
    }
    assert client.post(url, posted).status_code == 302
    fixed = IncomingInformation.objects.get(corrects=first)
    assert (fixed.absence_total, fixed.correction_reason) == (36, "Två lektioner var studiebesök.")


def test_a_row_is_corrected_once_and_a_later_mistake_corrects_the_correction(world: World) -> None:
    first = _report(world)
    fixed = _correct(world, first)
    with pytest.raises(ValidationError) as caught:
        _correct(world, first)
    assert _codes(caught.value) == {"corrects": ["corrected"]}
    again = _correct(world, fixed, reason="Fel avsändare.", sender="Kvarnskolan, mentor")
    assert again.corrects == fixed and IncomingInformation.objects.count() == 3


def test_the_database_refuses_a_second_correction_of_a_row(world: World) -> None:
    first = _report(world)
    fixed = _correct(world, first)
    twice = {f.attname: getattr(fixed, f.attname) for f in IncomingInformation._meta.concrete_fields}
    del twice["id"], twice["public_id"]
    with pytest.raises(IntegrityError), transaction.atomic():
        IncomingInformation.objects.create(**twice)


def test_a_correction_without_a_reason_is_refused_with_every_other_problem_and_nothing_saved(world: World) -> None:
    first = _report(world)
    with pytest.raises(ValidationError) as caught:
        _correct(
            world,
            first,
            reason="  ",
            sender="",
            received_at=timezone.now() + timedelta(hours=2),
            absence=_absence(absence_unauthorised=40),
        )
    assert _codes(caught.value) == {
        "received_at": ["future"],
        "sender": ["required"],
        "absence_unauthorised": ["more_than_total"],
        "reason": ["required"],
    }
    assert IncomingInformation.objects.count() == 1
    refused = AccessEvent.objects.get(action=AccessAction.REFUSED, view_name="collaboration.incoming.correction")
    assert refused.case_id == world.own_case.pk


def test_another_teams_worker_gets_404_for_a_correction_and_the_attempt_is_logged(world: World) -> None:
    first = _report(world)
    with pytest.raises(Http404):
        _correct(world, first, "sara")
    assert IncomingInformation.objects.count() == 1
    denied = AccessEvent.objects.get(action=AccessAction.DENIED, view_name="collaboration.incoming.correction")
    assert (denied.username, denied.case_id) == ("sara", world.own_case.pk)
    url = reverse("collaboration:incoming_correct", args=[world.own_case.public_id, first.public_id])
    assert signed_in(world.user("sara")).get(url).status_code == 404
    assert AccessEvent.objects.filter(
        action=AccessAction.DENIED, view_name="collaboration.incoming.correction.form", username="sara"
    ).exists()


def test_a_row_of_another_case_is_not_there_to_correct(world: World) -> None:
    theirs = incoming_record(
        actor=Actor.system(world.user("sara")),
        case_public_id=world.other_team_case.public_id,
        data=_data(),
        absence=_absence(),
    )
    with pytest.raises(ValidationError) as caught:
        _correct(world, theirs)
    assert _codes(caught.value) == {"corrects": ["no_incoming"]}
    url = reverse("collaboration:incoming_correct", args=[world.own_case.public_id, theirs.public_id])
    assert signed_in(world.user("hanna")).get(url).status_code == 404


def test_a_closed_cases_information_may_still_be_put_right(world: World) -> None:
    first = _report(world)
    type(world.own_case).objects.filter(pk=world.own_case.pk).update(
        status=CaseStatus.CLOSED, closure_reason="moved", closure_outcome="other"
    )
    assert _correct(world, first).corrects == first


def test_the_database_refuses_changing_a_report_or_a_correction(world: World) -> None:
    first = _report(world)
    fixed = _correct(world, first)
    for change in (
        lambda: IncomingInformation.objects.filter(pk=first.pk).update(absence_total=1),
        lambda: IncomingInformation.objects.filter(pk=first.pk).update(absence_unauthorised=0),
        lambda: IncomingInformation.objects.filter(pk=first.pk).update(absence_to=first.absence_from),
        lambda: IncomingInformation.objects.filter(pk=first.pk).update(absence_unit=AbsenceUnit.HOURS),
        lambda: IncomingInformation.objects.filter(pk=fixed.pk).update(corrects=None),
        lambda: IncomingInformation.objects.filter(pk=fixed.pk).update(correction_reason="Annat."),
        lambda: IncomingInformation.objects.filter(pk=fixed.pk).delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            change()


def test_the_list_reads_in_the_same_queries_for_reports_and_corrections_however_many(
    world: World, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    actor = Actor.system(world.user("hanna"))
    for _n in range(3):
        _correct(world, _report(world))
    with CaptureQueriesContext(connection) as few:
        assert len(incoming_page(actor, world.own_case.public_id).rows) == 6
    for _n in range(20):
        _correct(world, _report(world))
    with django_assert_num_queries(len(few)):
        assert len(incoming_page(actor, world.own_case.public_id).rows) == 46
