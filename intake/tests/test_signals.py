"""Registering signals: the clocks they start, the law they rest on, and who gets to see what."""

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from access.actor import Actor
from access.models import AccessEvent
from conftest import World, case_of
from deadlines.models import Deadline, DeadlineKind, Notice, NoticeKind
from delegation.models import DelegationItem
from intake.models import DELEGATION_KINDS, PreliminaryDecision, ProtectionAssessment, ReporterType, Signal, SignalKind
from intake.services import (
    PreliminaryInput,
    SignalInput,
    guardian_contact_record,
    preliminary_assessment_record,
    protection_assessment_record,
    signal_register,
)
from investigations.models import Investigation
from people.models import Person

STOCKHOLM = ZoneInfo("Europe/Stockholm")
pytestmark = pytest.mark.django_db


def police_report(**overrides: object) -> SignalInput:
    values: dict[str, object] = {
        "kind": SignalKind.POLICE_NOTICE,
        "received_at": timezone.now() - timedelta(hours=2),
        "reporter_type": ReporterType.MANDATORY,
        "reporter_organisation": "Polisen",
        "content": "Pojken greps i samband med ett rån. <b>Inget</b> skydd i hemmet.",
        "identity_number": "",
        "given_name": "Noah",
        "family_name": "Lind",
        "birth_date": date(2011, 5, 5),
    }
    values.update(overrides)
    return SignalInput(**values)  # type: ignore[arg-type]


def test_a_new_child_gets_a_case_in_the_units_mottagning_and_both_clocks_start(world: World) -> None:
    hanna = world.user("hanna")  # Norr A is Norr's mottagning
    receipt = signal_register(actor=Actor.system(hanna), data=police_report())
    signal = Signal.objects.get(pk=receipt.signal_id)
    # The receipt names no case: a child new to Utväg must look like one known elsewhere.
    assert receipt.case_public_id is None
    assert signal.case.team == world.team_a and signal.case.responsible == hanna
    assert not signal.routed
    kinds = set(Deadline.objects.filter(case=signal.case).values_list("kind", flat=True))
    assert kinds == {DeadlineKind.PROTECTION_ASSESSMENT, DeadlineKind.PRELIMINARY_ASSESSMENT}
    assert AccessEvent.objects.filter(
        view_name="intake.signal_register", case_id=signal.case_id, action="write"
    ).exists()


def test_markup_in_a_report_is_kept_as_text_and_stays_encrypted_at_rest(world: World) -> None:
    receipt = signal_register(actor=Actor.system(world.user("hanna")), data=police_report())
    assert Signal.objects.get(pk=receipt.signal_id).content.startswith("Pojken greps i samband med ett rån. <b>")
    raw = Signal.objects.filter(pk=receipt.signal_id).values_list("content", flat=True).query
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(*raw.sql_with_params())
        assert "rån" not in cursor.fetchone()[0]


@pytest.mark.parametrize(
    ("received", "expected_law", "expected_provision"),
    [
        (datetime(2025, 6, 19, 20, 0, tzinfo=STOCKHOLM), "SoL (2001:453)", "11 kap. 1 a § andra stycket"),
        (datetime(2025, 7, 1, 8, 0, tzinfo=STOCKHOLM), "SoL (2025:400)", "20 kap. 2 §"),
    ],
)
def test_the_preliminary_clock_rests_on_the_provision_in_force_the_day_the_report_came_in(
    world: World, received: datetime, expected_law: str, expected_provision: str
) -> None:
    receipt = signal_register(actor=Actor.system(world.user("hanna")), data=police_report(received_at=received))
    deadline = Deadline.objects.get(source=f"signal:{receipt.signal_id}", kind=DeadlineKind.PRELIMINARY_ASSESSMENT)
    basis = deadline.legal_basis
    assert basis is not None and (basis.law, basis.provision) == (expected_law, expected_provision)


def test_a_friday_evening_report_needs_its_protection_assessment_by_saturday(world: World) -> None:
    friday_evening = datetime(2026, 11, 20, 21, 40, tzinfo=STOCKHOLM)
    receipt = signal_register(actor=Actor.system(world.user("hanna")), data=police_report(received_at=friday_evening))
    assert receipt.protection_due_on == date(2026, 11, 21)
    protection = Deadline.objects.get(source=f"signal:{receipt.signal_id}", kind=DeadlineKind.PROTECTION_ASSESSMENT)
    assert protection.legal_basis is not None and protection.legal_basis.provision == "20 kap. 1 §"
    preliminary = Deadline.objects.get(source=f"signal:{receipt.signal_id}", kind=DeadlineKind.PRELIMINARY_ASSESSMENT)
    assert preliminary.due_on == date(2026, 12, 4)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"received_at": timezone.now() + timedelta(days=1)}, "received_at"),
        ({"received_at": datetime(2011, 5, 4, 12, tzinfo=STOCKHOLM)}, "received_at"),  # before birth
        ({"content": "   "}, "content"),
        ({"content": "x" * 20_001}, "content"),
        ({"reporter_type": ReporterType.ANONYMOUS, "reporter_name": "Eva"}, "reporter_name"),
        ({"reporter_type": ReporterType.PRIVATE, "feedback_requested": True}, "feedback_requested"),
        ({"identity_number": "20110505-1234"}, "identity_number"),  # wrong check digit
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_half_saved(
    world: World, overrides: dict[str, object], field: str
) -> None:
    people, cases = Person.objects.count(), world.own_case.__class__.objects.count()
    with pytest.raises(ValidationError) as error:
        signal_register(actor=Actor.system(world.user("hanna")), data=police_report(**overrides))
    assert field in error.value.message_dict
    assert (Person.objects.count(), world.own_case.__class__.objects.count(), Signal.objects.count()) == (
        people,
        cases,
        0,
    )
    assert not Deadline.objects.exists()


def test_a_signal_about_another_teams_child_is_routed_without_showing_the_record(world: World) -> None:
    other_child = world.other_team_case.child
    receipt = signal_register(
        actor=Actor.system(world.user("hanna")),
        data=police_report(identity_number=other_child.identity_number, given_name="X", family_name="Y"),
    )
    signal = Signal.objects.get(pk=receipt.signal_id)
    assert receipt.case_public_id is None and signal.routed
    assert signal.case == world.other_team_case
    assert Notice.objects.filter(recipient=world.user("sara"), kind=NoticeKind.ROUTED).exists()
    # The names the registrar typed did not overwrite the record.
    assert Person.objects.get(pk=other_child.pk).given_name == other_child.given_name


def test_a_protected_child_gets_the_same_receipt_as_any_other_teams_child(world: World) -> None:
    protected = world.protected_case.child
    olle = Actor.system(world.user("olle"))  # same team, but not named for the protected child
    receipt = signal_register(actor=olle, data=police_report(identity_number=protected.identity_number))
    routed = signal_register(
        actor=olle, data=police_report(identity_number=world.other_team_case.child.identity_number)
    )
    assert receipt.case_public_id is None and routed.case_public_id is None
    assert set(vars(receipt)) == set(vars(routed))
    assert Signal.objects.get(pk=receipt.signal_id).case == world.protected_case


def test_a_detention_notice_is_flagged_to_the_team_and_the_unit_manager_at_once(world: World) -> None:
    signal_register(
        actor=Actor.system(world.user("olle")),
        data=police_report(kind=SignalKind.DETENTION_NOTICE, identity_number=world.own_case.child.identity_number),
    )
    recipients = set(Notice.objects.filter(kind=NoticeKind.DETENTION).values_list("recipient__username", flat=True))
    assert recipients == {"hanna", "karin"}


def test_a_signal_during_an_open_investigation_joins_it_without_a_new_preliminary_assessment(world: World) -> None:
    from investigations.services import investigation_open

    hanna = Actor.system(world.user("hanna"))
    investigation = investigation_open(
        actor=hanna, case=world.own_case, question="Kriminalitet", opened_on=timezone.localdate()
    )
    receipt = signal_register(actor=hanna, data=police_report(identity_number=world.own_case.child.identity_number))
    signal = Signal.objects.get(pk=receipt.signal_id)
    assert signal.added_to_investigation == investigation
    assert not Deadline.objects.filter(source=f"signal:{signal.pk}", kind=DeadlineKind.PRELIMINARY_ASSESSMENT).exists()
    with pytest.raises(ValidationError) as error:
        preliminary_assessment_record(
            actor=hanna, case_public_id=world.own_case.public_id, signal_id=signal.pk, data=_open_decision()
        )
    assert error.value.code == "investigation_open"


def _open_decision(**overrides: object) -> PreliminaryInput:
    """A decision to investigate (or `decision="not-open"`), under the item of the `delegation` fixture."""
    kind = DELEGATION_KINDS[PreliminaryDecision(str(overrides.get("decision", "open")))]
    values: dict[str, object] = {
        "decision": "open",
        "reasons": "Allvarlig oro för kriminalitet.",
        "child_heard": True,
        "child_heard_how": "Samtal med barnet på skolan.",
        "decided_on": timezone.localdate(),
        "delegation_id": DelegationItem.objects.filter(decision_kind=kind).values_list("pk", flat=True).first(),
        "investigation_question": "Barnets behov av skydd och stöd",
    }
    values.update(overrides)
    return PreliminaryInput(**values)  # type: ignore[arg-type]


def test_guardians_are_contacted_only_after_the_protection_assessment_is_documented(world: World) -> None:
    hanna = Actor.system(world.user("hanna"))
    receipt = signal_register(actor=hanna, data=police_report())
    case_id = case_of(receipt)
    with pytest.raises(ValidationError) as error:
        guardian_contact_record(actor=hanna, case_public_id=case_id, signal_id=receipt.signal_id)
    assert error.value.code == "protection_first"
    protection_assessment_record(
        actor=hanna, case_public_id=case_id, signal_id=receipt.signal_id, outcome="no-need", reasoning="Tryggt hos mor."
    )
    assert guardian_contact_record(
        actor=hanna, case_public_id=case_id, signal_id=receipt.signal_id
    ).guardians_contacted_at
    protection = Deadline.objects.get(source=f"signal:{receipt.signal_id}", kind=DeadlineKind.PROTECTION_ASSESSMENT)
    assert protection.met_at is not None


def test_protective_measures_must_be_described_and_an_assessment_is_done_once(world: World) -> None:
    hanna = Actor.system(world.user("hanna"))
    receipt = signal_register(actor=hanna, data=police_report())
    args: dict[str, Any] = {"actor": hanna, "case_public_id": case_of(receipt), "signal_id": receipt.signal_id}
    with pytest.raises(ValidationError):
        protection_assessment_record(**args, outcome="measures", reasoning="Hot i området.", measures="")
    protection_assessment_record(
        **args, outcome="measures", reasoning="Hot i området.", measures="Placering i jourhem."
    )
    with pytest.raises(ValidationError) as error:
        protection_assessment_record(**args, outcome="no-need", reasoning="Ny bedömning.")
    assert error.value.code == "already_assessed"
    assessment = ProtectionAssessment.objects.get(signal_id=receipt.signal_id)
    with pytest.raises(DatabaseError), transaction.atomic():
        ProtectionAssessment.objects.filter(pk=assessment.pk).update(outcome="no-need")


def test_a_second_preliminary_assessment_of_the_same_signal_is_refused(world: World, delegation: dict) -> None:
    hanna = Actor.system(world.user("hanna"))
    receipt = signal_register(actor=hanna, data=police_report())
    args: dict[str, Any] = {"actor": hanna, "case_public_id": case_of(receipt), "signal_id": receipt.signal_id}
    preliminary_assessment_record(**args, data=_open_decision(decision="not-open"))
    with pytest.raises(ValidationError) as error:
        preliminary_assessment_record(**args, data=_open_decision())
    assert error.value.code == "already_decided"
    assert not Investigation.objects.exists()


def test_deciding_to_investigate_opens_the_investigation_on_its_four_month_clock(
    world: World, delegation: dict
) -> None:
    hanna = Actor.system(world.user("hanna"))
    receipt = signal_register(actor=hanna, data=police_report())
    decided = timezone.localdate()
    preliminary_assessment_record(
        actor=hanna, case_public_id=case_of(receipt), signal_id=receipt.signal_id, data=_open_decision()
    )
    preliminary = Deadline.objects.get(source=f"signal:{receipt.signal_id}", kind=DeadlineKind.PRELIMINARY_ASSESSMENT)
    assert preliminary.met_at is not None
    investigation = Signal.objects.get(pk=receipt.signal_id).case.investigations.get()
    deadline = Deadline.objects.get(source=f"investigation:{investigation.pk}", kind=DeadlineKind.INVESTIGATION)
    from deadlines.rules import investigation_due

    assert deadline.due_on == investigation_due(decided)
    assert deadline.legal_basis is not None and deadline.legal_basis.provision == "20 kap. 3 §"


def test_another_teams_worker_cannot_assess_a_signal_and_the_attempt_is_logged(world: World) -> None:
    from django.http import Http404

    receipt = signal_register(actor=Actor.system(world.user("hanna")), data=police_report())
    with pytest.raises(Http404):
        protection_assessment_record(
            actor=Actor.system(world.user("sara")),
            case_public_id=case_of(receipt),
            signal_id=receipt.signal_id,
            outcome="no-need",
            reasoning="Försök.",
        )
    assert AccessEvent.objects.filter(
        username="sara", action="denied", view_name="intake.protection_assessment"
    ).exists()
    assert not ProtectionAssessment.objects.exists()


def test_a_likely_duplicate_among_the_users_own_children_is_flagged_until_confirmed(world: World) -> None:
    hanna = Actor.system(world.user("hanna"))
    signal_register(actor=hanna, data=police_report())  # Noah Lind, born 2011-05-05, no identity number
    with pytest.raises(ValidationError) as error:
        signal_register(actor=hanna, data=police_report())
    assert "not_a_duplicate" in error.value.message_dict
    assert Person.objects.filter(given_name="Noah").count() == 1
    signal_register(actor=hanna, data=police_report(not_a_duplicate=True))
    assert Person.objects.filter(given_name="Noah").count() == 2


def test_the_duplicate_check_reveals_nothing_outside_need_to_know(world: World) -> None:
    signal_register(actor=Actor.system(world.user("sara")), data=police_report())  # a Söder child
    signal_register(actor=Actor.system(world.user("hanna")), data=police_report())  # no warning for Norr
    assert Person.objects.filter(given_name="Noah").count() == 2
    assert not AccessEvent.objects.filter(view_name="intake.likely_duplicate").exists()
