"""The unit manager's figures for the committee: by month, area and age band, small counts hidden."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from access.models import AccessAction, AccessEvent
from accounts.models import Unit
from conftest import World, signed_in
from outreach.models import OutreachContact
from outreach.selectors import Cell, _total
from outreach.tests.helpers import area, field_worker, logged

REPORT = "/falt/rapport/"


def test_the_route_is_the_report() -> None:
    assert reverse("outreach:report") == REPORT


def test_small_counts_are_shown_as_fewer_than_five_and_a_total_that_would_tell_is_withheld(world: World) -> None:
    ella = field_worker(world)
    logged(ella, where="Centrum", age_15_17=3)
    logged(ella, where="Centrum", age_15_17=4, age_12_14=6)
    logged(ella, where="Norr", age_15_17=2, age_12_14=5)
    response = signed_in(world.user("karin")).get(REPORT)
    assert response.status_code == 200
    (month,) = response.context["report"].months
    rows = {row.area: [c.value for c in row.cells] for row in month.rows}
    assert rows == {"Centrum": [0, 6, 7, 0], "Norr": [0, 5, 2, 0]}
    html = response.content.decode()
    assert "färre än 5" in html  # Norr's two 15-17-year-olds
    assert ">2<" not in html
    # 12-14: 6 + 5 shown, so is the total; 15-17: 7 + a hidden 2, so the total 9 is not shown.
    assert [(c.value, c.hidden) for c in month.totals] == [(0, False), (11, False), (9, True), (0, False)]
    assert "visas inte" in html
    assert not AccessEvent.objects.exists()


def test_two_hidden_cells_do_not_hide_their_total() -> None:
    assert not _total([Cell(2), Cell(3), Cell(10)]).hidden
    assert _total([Cell(2), Cell(10)]).hidden


def test_only_the_managers_own_unit_is_counted(world: World) -> None:
    soder = Unit.objects.get(name="Söder")
    OutreachContact.objects.create(
        day=timezone.localdate(),
        part_of_day="evening",
        area=area(),
        place="square",
        company="group",
        age_15_17=40,
        unit=soder,
        recorded_by=world.user("sara"),
        recorded_at=timezone.now(),
    )
    assert signed_in(world.user("karin")).get(REPORT).context["report"].months == []


def test_no_one_but_the_unit_manager_sees_the_figures(world: World) -> None:
    for name in ("fia", "hanna", "lars", "anna"):
        assert signed_in(world.user(name)).get(REPORT).status_code == 404
    assert AccessEvent.objects.filter(action=AccessAction.DENIED, view_name="outreach.report").count() == 4


def _contacts(world: World, n: int) -> None:
    today = timezone.localdate()
    for i in range(n):
        OutreachContact.objects.create(
            day=today - timedelta(days=30 * (i % 11)),
            part_of_day="evening",
            area=area(["Centrum", "Norr", "Söder", "Öster", "Väster"][i % 5]),
            place="square",
            company="group",
            age_15_17=1 + i % 7,
            unit=world.norr,
            recorded_by=world.user("fia"),
            recorded_at=timezone.now(),
        )


def _queries(world: World) -> int:
    client = signed_in(world.user("karin"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(REPORT).status_code == 200
    return len(queries)


def test_the_report_asks_as_much_for_fifty_contacts_as_for_five(world: World) -> None:
    _contacts(world, 5)
    few = _queries(world)
    _contacts(world, 45)
    assert _queries(world) == few
