"""The committee's outcomes report: the unit's children in figures, small figures hidden, never a child."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from access.actor import Actor
from cases.services import case_open
from conftest import World, make_person, signed_in
from programme.models import EndReason, Participation
from programme.outcome_models import OutcomeField
from programme.services import EndInput, participation_end
from programme.tests.helpers import days_ago, raised
from programme.tests.outcome_helpers import VALUES, recorded
from reports.outcomes import Figure, OutcomesReport, outcomes_report

pytestmark = pytest.mark.django_db


def _children(world: World, n: int, *, first: int = 0) -> list[Participation]:
    made = []
    for i in range(first, first + n):
        child = make_person("Barn", f"Nummer{i}", date(2010, 1, 1 + i % 28), 700 + i)
        case = case_open(child=child, team=world.team_a, responsible=world.user("hanna"))
        made.append(raised(world, user="hanna", case=case, days=40))
    return made


def _report(world: World) -> OutcomesReport:
    return outcomes_report(Actor.system(world.user("karin")))


def _line(report: OutcomesReport, key: str) -> dict[str, Figure]:
    (block,) = report.occasions
    (line,) = [line for line in block.lines if line.field.key == key]
    return {"besvarad": line.answered, **dict(line.parts)}


def test_the_report_counts_the_units_outcomes_and_no_other_units(world: World) -> None:
    for participation in _children(world, 6):
        recorded(world, participation)
    recorded(world, raised(world, user="sara", case=world.other_team_case, days=40), user="sara")
    report = _report(world)
    assert (report.started.value, report.running.value) == (6, 6)
    (block,) = report.occasions
    assert block.occasion == "Vid start" and block.records.value == 6
    assert _line(report, "protective_measures")["ja"].value == 6
    attendance = _line(report, "school_attendance")
    mostly = dict(OutcomeField.objects.get(key="school_attendance").coded())["mostly"]
    assert attendance["besvarad"].value == 6
    assert {what: f.value for what, f in attendance.items() if f.value} == {"besvarad": 6, mostly: 6}
    threats = _line(report, "threat_incidents")
    assert (threats["minst en"].value, threats["totalt"].value) == (6, 6)
    # Dates and free text are no figures: they never reach the committee.
    assert {line.field.key for line in block.lines}.isdisjoint({"relocated_on", "occupation_note"})


def test_a_figure_under_five_and_a_part_whose_rest_is_under_five_are_hidden(world: World) -> None:
    children = _children(world, 7)
    for i, participation in enumerate(children):
        recorded(world, participation, values={**VALUES, "protective_measures": i < 5, "threat_incidents": int(i < 2)})
    participation_end(
        actor=Actor.system(world.user("hanna")),
        case_public_id=children[0].case.public_id,
        participation_id=children[0].public_id,
        data=EndInput(ended_on=days_ago(1), end_reason=EndReason.MOVED),
    )
    report = _report(world)
    measures = _line(report, "protective_measures")
    assert measures["ja"].value == 5 and measures["ja"].hidden  # 2 said no: the 5 would tell on them
    threats = _line(report, "threat_incidents")
    assert threats["minst en"].hidden and threats["totalt"].hidden  # two children, and what they did
    assert not measures["besvarad"].hidden
    ended = dict(report.ended)
    assert ended["Flyttat"].value == 1 and ended["Flyttat"].hidden
    assert not ended["Genomfört"].hidden  # nought hides no one
    page = signed_in(world.user("karin")).get(reverse("reports:outcomes_report")).content.decode()
    assert "döljs (under 5)" in page and "Barn" not in page and "Nummer" not in page


def test_a_corrected_record_counts_only_in_its_correction(world: World) -> None:
    children = _children(world, 5)
    for participation in children:
        recorded(world, participation, values={**VALUES, "protective_measures": False})
    first = children[0].outcomes.get()
    recorded(world, children[0], corrects=first.public_id, values={**VALUES, "protective_measures": True})
    (block,) = _report(world).occasions
    assert block.records.value == 5


def test_only_the_unit_manager_reads_the_report(world: World) -> None:
    for user in ("hanna", "adam", "sara", "lars", "anna"):
        assert signed_in(world.user(user)).get(reverse("reports:outcomes_report")).status_code == 404, user
    assert signed_in(world.user("karin")).get(reverse("reports:outcomes_report")).status_code == 200


def test_the_report_reads_in_the_same_number_of_queries_however_many_children(world: World) -> None:
    client = signed_in(world.user("karin"))
    for participation in _children(world, 2):
        recorded(world, participation)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("reports:outcomes_report")).status_code == 200
    for participation in _children(world, 12, first=2):
        recorded(world, participation)
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("reports:outcomes_report")).status_code == 200
    assert len(many) == len(few)


def _born(world: World, n: int, birth: date, first: int) -> None:
    for i in range(first, first + n):
        child = make_person("Barn", f"Nummer{i}", birth, 700 + i)
        case = case_open(child=child, team=world.team_a, responsible=world.user("hanna"))
        raised(world, user="hanna", case=case, days=40)


def test_the_report_narrows_to_an_age_at_entry_and_a_period_of_entry(world: World) -> None:
    from reports.outcomes import Narrowing

    _children(world, 6)  # born in January 2010: 16 when they entered 40 days ago
    _born(world, 5, date(2014, 1, 1), first=20)  # 12 at entry
    karin = Actor.system(world.user("karin"))
    started = {band: outcomes_report(karin, Narrowing(age_band=band)).started.value for band in ("", "15-17", "12-14")}
    assert started == {"": 11, "15-17": 6, "12-14": 5}
    assert outcomes_report(karin, Narrowing(age_band="under-12")).started.value == 0
    assert outcomes_report(karin, Narrowing(entered_from=days_ago(30))).started.value == 0
    assert outcomes_report(karin, Narrowing(entered_from=days_ago(50), entered_to=days_ago(40))).started.value == 11


def test_the_narrowing_form_says_what_is_wrong_and_still_shows_the_whole(world: World) -> None:
    _children(world, 6)
    client = signed_in(world.user("karin"))
    url = reverse("reports:outcomes_report")
    narrowed = client.get(url, {"age_band": "12-14"}).content.decode()
    assert "Ett urval" in narrowed
    wrong = client.get(url, {"entered_from": "2026-11-30", "entered_to": "2026-11-01"}).content.decode()
    assert 'href="#id_entered_to"' in wrong and "Ett urval" not in wrong
