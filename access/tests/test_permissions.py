"""Roles do what their role allows (audit point 3): the table, its enforcement and the screens.

The route-by-route matrix is in tests/test_authorization_matrix.py; here are the refusal itself
(logged, nothing saved), what each role is offered on the case page, and who signs under which item.
"""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.models import AccessAction, AccessEvent
from access.permissions import CaseAction, actions_of, actions_table
from accounts.models import Role
from cases.services import case_open
from conftest import World
from decisions.models import Decision
from decisions.services import decision_record
from decisions.tests.test_decisions import decision
from delegation.models import DecisionKind, DelegationItem
from intake.models import Signal
from intake.services import SignalInput, signal_register
from journal.services import journal_draft_save

pytestmark = pytest.mark.django_db


def _client(world: World, name: str) -> Client:
    client = Client()
    client.force_login(world.user(name))
    return client


def test_authority_over_the_child_is_the_case_workers_and_the_unit_managers() -> None:
    authority = {action for action, roles in actions_table() if roles == {Role.CASEWORKER, Role.UNIT_MANAGER}}
    assert authority == set(CaseAction) - {
        CaseAction.JOURNAL,
        CaseAction.DETENTION,
        CaseAction.PROGRAMME,
        CaseAction.STAFF,
        CaseAction.ASSESS,
        CaseAction.THREAT,
        CaseAction.PROTECT,
    }
    assert {action for action, roles in actions_table() if roles == {Role.UNIT_MANAGER}} == {CaseAction.STAFF}
    assert actions_of(Role.TREATMENT) == {CaseAction.JOURNAL, CaseAction.ASSESS}
    assert actions_of(Role.OUTREACH) == {CaseAction.JOURNAL}
    assert actions_of(Role.DEFECTOR_SPECIALIST) == {
        CaseAction.JOURNAL,
        CaseAction.DETENTION,
        CaseAction.PROGRAMME,
        CaseAction.THREAT,
        CaseAction.PROTECT,
    }
    assert actions_of(Role.LOG_REVIEWER) == actions_of(Role.SYSADMIN) == frozenset()


def test_treatment_staff_posting_a_decision_are_refused_logged_and_nothing_is_saved(
    world: World, delegation: dict
) -> None:
    url = reverse("decisions:decision_new", args=[world.own_case.public_id])
    data = {"kind": DecisionKind.SUPPORT, "reasons": "Stöd.", "decided_by_name": "Bo", "decided_on": "2026-01-01"}
    response = _client(world, "bo").post(url, data)
    assert response.status_code == 403
    assert "Din roll får inte göra det här" in response.content.decode()
    assert not Decision.objects.exists()
    denied = AccessEvent.objects.get(action=AccessAction.DENIED, username="bo")
    assert (denied.case_id, denied.person_id, denied.reason) == (
        world.own_case.pk,
        world.own_case.child_id,
        "role:decide",
    )


def test_the_service_refuses_a_role_without_the_action_whatever_the_screen(world: World, delegation: dict) -> None:
    with pytest.raises(PermissionDenied):
        decision_record(
            actor=Actor.system(world.user("fia")),
            case_public_id=world.own_case.public_id,
            data=decision(DecisionKind.SUPPORT),
        )
    assert not Decision.objects.exists()


def test_treatment_staff_still_write_their_journal(world: World) -> None:
    entry = journal_draft_save(
        actor=Actor.system(world.user("bo")), case_public_id=world.own_case.public_id, body="Samtal.", sign=True
    )
    assert entry.signed_at is not None


@pytest.mark.parametrize(
    ("name", "offered", "not_offered"),
    [
        ("hanna", ["Nytt beslut", "Inleda utredning", "Avsluta ärendet", "Registrera frihetsberövande"], []),
        ("bo", [], ["Nytt beslut", "Inleda utredning", "Avsluta ärendet", "Registrera frihetsberövande"]),
        ("adam", ["Registrera frihetsberövande"], ["Nytt beslut", "Inleda utredning", "Avsluta ärendet"]),
    ],
)
def test_the_case_page_offers_each_role_only_its_own_forms(
    world: World, name: str, offered: list[str], not_offered: list[str]
) -> None:
    page = _client(world, name).get(reverse("casefile:case_detail", args=[world.own_case.public_id])).content.decode()
    for words in offered:
        assert words in page, f"{name} should be offered {words}"
    for words in not_offered:
        assert words not in page, f"{name} should not be offered {words}"
    assert "Journal" in page


def test_the_needs_and_risk_analysis_page_shows_the_table(world: World) -> None:
    page = _client(world, "karin").get(reverse("access:needs_risk_analysis")).content.decode()
    assert str(CaseAction.DECIDE.label) in page
    assert str(CaseAction.DETENTION.label) in page


# A decision is signed only by the holder of its item's role


def _item(role: str) -> DelegationItem:
    return DelegationItem.objects.create(
        code=f"D {role}",
        decision_kind=DecisionKind.SUPPORT,
        delegate="Enhetschef" if role == Role.UNIT_MANAGER else "Socialsekreterare",
        delegate_level="officer",
        delegate_role=role,
        valid_from=date(2020, 1, 1),
    )


def test_a_case_worker_cannot_sign_under_the_unit_managers_item_but_the_manager_can(world: World) -> None:
    item = _item(Role.UNIT_MANAGER)
    data = decision(DecisionKind.SUPPORT, delegation_id=item.pk, decided_by_name="Karin Chef")
    with pytest.raises(ValidationError) as error:
        decision_record(actor=Actor.system(world.user("hanna")), case_public_id=world.own_case.public_id, data=data)
    assert [e.code for e in error.value.error_dict["delegation"]] == ["delegation_role"]
    assert not Decision.objects.exists()
    saved = decision_record(actor=Actor.system(world.user("karin")), case_public_id=world.own_case.public_id, data=data)
    assert saved.signed_by == world.user("karin")


def test_the_decision_form_offers_only_items_the_user_may_sign_under(world: World) -> None:
    managers, workers = _item(Role.UNIT_MANAGER), _item(Role.CASEWORKER)
    url = reverse("decisions:decision_new", args=[world.own_case.public_id]) + "?kind=support"
    hanna = _client(world, "hanna").get(url).content.decode()
    karin = _client(world, "karin").get(url).content.decode()
    assert workers.code in hanna and managers.code not in hanna
    assert managers.code in karin and workers.code not in karin


# Treatment staff are not labelled "ansvarig handläggare"


def test_a_signal_from_an_outreach_worker_waits_for_the_team_to_assign_a_case_worker(world: World) -> None:
    receipt = signal_register(
        actor=Actor.system(world.user("fia")),
        data=SignalInput(
            kind="outreach",
            received_at=timezone.now(),
            reporter_type="none",
            content="Vill lämna gänget.",
            given_name="Nils",
            family_name="Syntetisk",
            birth_date=date(2012, 5, 5),
        ),
    )
    case = Signal.objects.select_related("case").get(pk=receipt.signal_id).case
    assert case.team == world.team_a
    assert case.responsible is None


def test_only_a_case_worker_can_be_a_cases_responsible_handlaggare(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        case_open(child=world.guardian, team=world.team_a, responsible=world.user("bo"))
    assert error.value.code == "responsible_role"
