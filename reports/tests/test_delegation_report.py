"""The report of decisions under delegation: the unit manager's unit, every item, förhandsbedömningar too."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from access.actor import Actor
from access.models import AccessEvent
from accounts.models import Role, User
from cases.models import Case
from cases.services import case_open
from conftest import World, grant_emergency, make_person
from core.legal import legal_basis_for
from decisions.models import Decision
from delegation.models import DecisionKind, DelegationItem
from intake.models import PreliminaryAssessment, ReporterType, Signal, SignalKind
from reports.delegation import DelegationReport, delegation_report

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _decide(case: Case, item: DelegationItem, signer: User, on: date = TODAY) -> Decision:
    """A signed decision, made directly: the report reads what the services have recorded."""
    basis = legal_basis_for("lvu-review", on=on)
    assert basis is not None
    return Decision.objects.create(
        case=case,
        kind=item.decision_kind,
        legal_basis=basis,
        delegation=item,
        decided_by_name="Karin Chef",
        decided_on=on,
        reasons="Hemliga skäl.",
        appeal_information="Kan överklagas.",
        signed_by=signer,
        signed_at=timezone.now(),
    )


def _assess(case: Case, item: DelegationItem | None, signer: User, on: date = TODAY) -> PreliminaryAssessment:
    now = timezone.now() - timedelta(days=(TODAY - on).days + 1)
    signal = Signal.objects.create(
        case=case,
        child_id=case.child_id,
        kind=SignalKind.REPORT_OF_CONCERN,
        received_at=now,
        reporter_type=ReporterType.MANDATORY,
        content="Oro.",
        registered_by=signer,
        registered_at=now,
    )
    basis = legal_basis_for("preliminary-assessment", on=on)
    assert basis is not None
    return PreliminaryAssessment.objects.create(
        signal=signal,
        decision="open" if item is None or item.decision_kind == DecisionKind.OPEN_INVESTIGATION else "not-open",
        reasons="Hemliga skäl.",
        child_heard=True,
        child_heard_how="Samtal.",
        legal_basis=basis,
        decided_on=on,
        decided_by=signer,
        delegation=item,
        recorded_at=timezone.now(),
    )


def _report(world: World, user: str = "karin", first: date = TODAY, last: date = TODAY) -> DelegationReport:
    return delegation_report(Actor.system(world.user(user)), first_day=first, last_day=last)


def test_each_item_counts_its_decisions_and_förhandsbedömningar_in_the_unit(world: World, delegation: dict) -> None:
    hanna = world.user("hanna")
    _decide(world.own_case, delegation[DecisionKind.SUPPORT], hanna)
    _decide(world.protected_case, delegation[DecisionKind.SUPPORT], hanna)  # karin is named for this child
    _assess(world.own_case, delegation[DecisionKind.OPEN_INVESTIGATION], hanna)
    _assess(world.own_case, delegation[DecisionKind.NOT_OPEN_INVESTIGATION], hanna)
    _decide(world.other_team_case, delegation[DecisionKind.SUPPORT], world.user("sara"))  # Söder: not karin's
    report = _report(world)
    counts = {item.code: item.count for item in report.items}
    assert counts[delegation[DecisionKind.SUPPORT].code] == 2
    assert counts[delegation[DecisionKind.OPEN_INVESTIGATION].code] == 1
    assert counts[delegation[DecisionKind.NOT_OPEN_INVESTIGATION].code] == 1
    assert counts[delegation[DecisionKind.LVU_REVIEW].code] == 0  # every item in force is listed
    assert report.total == 4 and report.hidden == 0
    opened = next(i for i in report.items if i.code == delegation[DecisionKind.OPEN_INVESTIGATION].code)
    [row] = opened.decisions
    assert (row.case_reference, row.kind, row.preliminary) == (world.own_case.reference, "Inleda utredning", True)
    assert row.signed_by == "hanna" and row.item_code == opened.code


def test_the_period_includes_both_its_days_and_nothing_outside(world: World, delegation: dict) -> None:
    item, hanna = delegation[DecisionKind.SUPPORT], world.user("hanna")
    first, last = date(2026, 3, 1), date(2026, 3, 31)
    for day in (first - timedelta(days=1), first, last, last + timedelta(days=1)):
        _decide(world.own_case, item, hanna, on=day)
    [support] = [item for item in _report(world, first=first, last=last).items if item.count]
    assert [d.decided_on for d in support.decisions] == [first, last]


def test_förhandsbedömningar_signed_before_they_named_an_item_are_reported_apart(
    world: World, delegation: dict
) -> None:
    _assess(world.own_case, None, world.user("hanna"))
    report = _report(world)
    assert [(d.item_code, d.preliminary) for d in report.without_item] == [("", True)]
    assert report.total == 1


def test_a_manager_not_named_for_a_protected_child_gets_only_the_number_of_its_decisions(
    world: World, delegation: dict
) -> None:
    User.objects.create_user(username="kurt", password=None, role=Role.UNIT_MANAGER, unit=world.norr)
    _decide(world.protected_case, delegation[DecisionKind.SUPPORT], world.user("hanna"))
    _assess(world.protected_case, delegation[DecisionKind.OPEN_INVESTIGATION], world.user("hanna"))
    kurt = User.objects.get(username="kurt")
    report = delegation_report(Actor.system(kurt), first_day=TODAY, last_day=TODAY)
    assert report.total == 0 and report.hidden == 2
    assert not AccessEvent.objects.filter(case_id=world.protected_case.pk).exists()


def test_emergency_access_does_not_widen_the_report(world: World, delegation: dict) -> None:
    _decide(world.other_team_case, delegation[DecisionKind.SUPPORT], world.user("sara"))
    grant_emergency(world.user("karin"), world.other_team_case)
    assert _report(world).total == 0


@pytest.mark.parametrize("user", ["hanna", "olle", "sara", "lars", "anna"])
def test_only_unit_managers_get_the_report(world: World, user: str) -> None:
    with pytest.raises(Http404):
        _report(world, user)


def test_the_report_holds_no_child_and_no_reasons(world: World, delegation: dict) -> None:
    _decide(world.own_case, delegation[DecisionKind.SUPPORT], world.user("hanna"))
    _assess(world.own_case, delegation[DecisionKind.OPEN_INVESTIGATION], world.user("hanna"))
    text = repr(_report(world))
    assert world.own_case.reference in text
    for secret in ("Elias", "Berg", "Hemliga skäl", "Samtal"):
        assert secret not in text


def _cases_with_decisions(world: World, count: int, start: int, delegation: dict) -> None:
    hanna = world.user("hanna")
    for index in range(start, start + count):
        child = make_person("Barn", f"Nummer{index}", date(2011, 1, 1 + index % 28), 400 + index)
        case = case_open(child=child, team=world.team_a, responsible=hanna)
        _decide(case, delegation[DecisionKind.SUPPORT], hanna)
        _assess(case, delegation[DecisionKind.NOT_OPEN_INVESTIGATION], hanna)


def _queries(world: World) -> int:
    with CaptureQueriesContext(connection) as captured:
        _report(world)
    return len(captured)


def test_the_report_takes_the_same_number_of_queries_for_3_and_30_decisions(world: World, delegation: dict) -> None:
    _cases_with_decisions(world, 3, 0, delegation)  # each case: one decision and one förhandsbedömning
    few = _queries(world)
    _cases_with_decisions(world, 27, 3, delegation)
    assert _report(world).total == 2 * 30
    assert _queries(world) == few
    assert AccessEvent.objects.filter(view_name="decisions.delegation_report").count() == 3 + 30 + 30


def test_items_come_in_the_order_the_committee_numbers_them(world: World) -> None:
    for code in ("D 2.10", "D 10.1", "D 2.9"):
        DelegationItem.objects.create(
            code=code, decision_kind=DecisionKind.OTHER, delegate="Enhetschef", valid_from=date(2020, 1, 1)
        )
    assert [item.code for item in _report(world).items] == ["D 2.9", "D 2.10", "D 10.1"]
