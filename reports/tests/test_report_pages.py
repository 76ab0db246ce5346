"""The förhandsbedömning form offers the delegation items, and the unit manager's report page (file: test_exports)."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from conftest import World, signed_in
from decisions.services import DecisionInput, decision_record, legal_bases_for
from delegation.models import DecisionKind, DelegationItem
from intake.models import PreliminaryAssessment
from intake.services import SignalInput, signal_register

pytestmark = pytest.mark.django_db


def _signal_url(world: World) -> str:
    receipt = signal_register(
        actor=Actor.system(world.user("hanna")),
        data=SignalInput(
            kind="police",
            received_at=timezone.now() - timedelta(hours=3),
            reporter_type="mandatory",
            content="Oro.",
            identity_number=str(world.own_case.child.identity_number),
        ),
    )
    return reverse("intake:preliminary_assessment", args=[world.own_case.public_id, receipt.signal_id])


def _assessment(item: DelegationItem | None) -> dict[str, str]:
    return {
        "decision": "open",
        "delegation": str(item.pk) if item else "",
        "decided_on": timezone.localdate().isoformat(),
        "reasons": "Allvarlig oro.",
        "child_heard": "on",
        "child_heard_how": "Samtal i skolan.",
        "investigation_question": "Behov av skydd och stöd",
    }


def test_the_form_offers_todays_items_for_opening_or_not_opening_an_investigation(
    world: World, delegation: dict
) -> None:
    DelegationItem.objects.create(
        code="D 0.9",
        decision_kind=DecisionKind.OPEN_INVESTIGATION,
        delegate="Tidigare delegat",
        valid_from=date(2019, 1, 1),
        valid_to=timezone.localdate() - timedelta(days=1),
    )
    page = signed_in(world.user("hanna")).get(_signal_url(world)).content.decode()
    assert '<optgroup label="Inleda utredning">' in page and '<optgroup label="Inte inleda utredning">' in page
    for kind in (DecisionKind.OPEN_INVESTIGATION, DecisionKind.NOT_OPEN_INVESTIGATION):
        assert f'value="{delegation[kind].pk}"' in page
    assert f'value="{delegation[DecisionKind.SUPPORT].pk}"' not in page  # another kind of decision
    assert "D 0.9" not in page  # no longer in force


def test_the_form_refuses_a_missing_or_wrong_item_in_swedish_and_saves_the_right_one(
    world: World, delegation: dict
) -> None:
    client, url = signed_in(world.user("hanna")), _signal_url(world)
    missing = client.post(url, _assessment(None))
    assert missing.status_code == 200 and "Välj punkten i delegationsordningen" in missing.content.decode()
    wrong = client.post(url, _assessment(delegation[DecisionKind.NOT_OPEN_INVESTIGATION]))
    assert "gäller beslutstypen ”Inte inleda utredning”, inte ”Inleda utredning”" in wrong.content.decode()
    assert not PreliminaryAssessment.objects.exists()
    right = delegation[DecisionKind.OPEN_INVESTIGATION]
    assert client.post(url, _assessment(right)).status_code == 302
    assert PreliminaryAssessment.objects.get().delegation == right
    case_page = client.get(reverse("casefile:case_detail", args=[world.own_case.public_id])).content.decode()
    assert f"enligt delegationsordningen punkt {right.code}" in case_page


def _decide(world: World, item: DelegationItem, on: date) -> None:
    decision_record(
        actor=Actor.system(world.user("hanna")),
        case_public_id=world.own_case.public_id,
        data=DecisionInput(
            kind=item.decision_kind,
            legal_basis_id=legal_bases_for(item.decision_kind, on)[0].pk,
            delegation_id=item.pk,
            decided_by_name="Karin Chef",
            decided_on=on,
            reasons="Skälen står i beslutet.",
            communication="not-needed",
            outcome="granted",
        ),
    )


def _karin(world: World) -> Client:
    return signed_in(world.user("karin"))


def test_the_report_page_asks_for_a_period_first_and_then_lists_by_item(world: World, delegation: dict) -> None:
    today = timezone.localdate()
    item = delegation[DecisionKind.SUPPORT]
    _decide(world, item, today)
    client = _karin(world)
    form = client.get(reverse("reports:delegation_report")).content.decode()
    assert "Från och med" in form and world.own_case.reference not in form
    period = {"first_day": today.isoformat(), "last_day": today.isoformat()}
    page = client.get(reverse("reports:delegation_report"), period).content.decode()
    assert (
        world.own_case.reference in page and item.code in page and "Insats efter ansökan eller behovsprövning" in page
    )
    assert "Elias" not in page and "Skälen står i beslutet" not in page
    assert f'action="{reverse("reports:delegation_export")}"' in page  # the file is an export (test_exports.py)
    assert f'name="first_day" value="{today.isoformat()}"' in page


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        ("2026-03-31", "2026-03-01", "Perioden måste sluta samma dag eller efter att den börjar."),
        ("2025-01-01", "2026-03-01", "En rapport kan omfatta högst ett år."),
    ],
)
def test_a_backwards_or_too_long_period_is_refused(world: World, first: str, last: str, message: str) -> None:
    page = _karin(world).get(reverse("reports:delegation_report"), {"first_day": first, "last_day": last})
    assert message in page.content.decode()


def test_only_the_unit_manager_has_the_menu_link(world: World) -> None:
    assert "Delegationsbeslut" in _karin(world).get(reverse("casefile:my_work")).content.decode()
    assert "Delegationsbeslut" not in signed_in(world.user("hanna")).get(reverse("casefile:my_work")).content.decode()
