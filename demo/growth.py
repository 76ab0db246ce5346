"""Bulk-made synthetic casework, so pages can be measured at 10 and at 1,000 events (tests and `make bench`)."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from cases.models import Case
from core.legal import legal_basis_for
from deadlines.models import Deadline, DeadlineKind
from deadlines.sources import DeadlineSource
from decisions.models import Decision
from delegation.models import DecisionKind, DelegationItem
from intake.models import PreliminaryAssessment, ProtectionAssessment, ReporterType, Signal, SignalKind
from journal.models import DisputedBy, JournalDispute, JournalEntry


def grow_casework(case: Case, worker: User, events: int) -> None:
    """About `events` timeline events: signals with assessments, decisions, journal entries, clocks."""
    per_kind = max(1, events // 5)
    now = timezone.now()
    today = timezone.localdate()
    signals = Signal.objects.bulk_create(
        Signal(
            case=case,
            child_id=case.child_id,
            kind=SignalKind.REPORT_OF_CONCERN,
            received_at=now - timedelta(days=per_kind - i, hours=1),
            reporter_type=ReporterType.MANDATORY,
            reporter_organisation="Skolan",
            content=f"Oro nummer {i}.",
            registered_by=worker,
            registered_at=now - timedelta(days=per_kind - i),
        )
        for i in range(per_kind)
    )
    basis = legal_basis_for("protection-assessment", on=today)
    ProtectionAssessment.objects.bulk_create(
        ProtectionAssessment(
            signal=s,
            outcome="no-need",
            reasoning="Tryggt.",
            legal_basis=basis,
            assessed_at=s.registered_at,
            assessed_by=worker,
        )
        for s in signals
    )
    item, _ = DelegationItem.objects.get_or_create(
        code="D-bulk",
        valid_from=today - timedelta(days=3650),
        defaults={
            "decision_kind": DecisionKind.SUPPORT,
            "delegate": "Enhetschef",
            "delegate_level": "officer",
            "delegate_role": "unit_manager",
        },
    )
    opening, _ = DelegationItem.objects.get_or_create(
        code="D-bulk-1",
        valid_from=today - timedelta(days=3650),
        defaults={
            "decision_kind": DecisionKind.OPEN_INVESTIGATION,
            "delegate": "Socialsekreterare",
            "delegate_level": "officer",
            "delegate_role": "caseworker",
        },
    )
    preliminary = legal_basis_for("preliminary-assessment", on=today)
    PreliminaryAssessment.objects.bulk_create(
        PreliminaryAssessment(
            signal=s,
            decision="open",
            reasons="Oro.",
            child_heard=True,
            child_heard_how="Samtal.",
            legal_basis=preliminary,
            decided_on=s.registered_at.date(),
            decided_by=worker,
            delegation=opening,
            recorded_at=s.registered_at,
        )
        for s in signals
    )
    support = legal_basis_for("support-personal-needs", on=today)
    assert support is not None
    Decision.objects.bulk_create(
        Decision(
            case=case,
            kind=DecisionKind.SUPPORT,
            legal_basis=support,
            delegation=item,
            decided_by_name="Chef",
            decided_on=today - timedelta(days=i),
            reasons="Insats.",
            appeal_information="Kan överklagas.",
            signed_by=worker,
            signed_at=now - timedelta(days=i),
        )
        for i in range(per_kind)
    )
    entries = JournalEntry.objects.bulk_create(
        JournalEntry(
            case=case,
            author=worker,
            body=f"Samtal {i}.",
            event_date=today - timedelta(days=i),
            created_at=now,
            updated_at=now,
            signed_at=now - timedelta(days=i),
            signed_by=worker,
        )
        for i in range(per_kind)
    )
    JournalDispute.objects.bulk_create(
        JournalDispute(
            entry=entry,
            disputed_by=DisputedBy.GUARDIAN,
            disputed_by_name="Vårdnadshavaren",
            statement="Det stämmer inte.",
            recorded_by=worker,
            recorded_at=now,
        )
        for entry in entries[::10]
    )
    Deadline.objects.bulk_create(
        Deadline(
            case=case,
            kind=DeadlineKind.PRELIMINARY_ASSESSMENT,
            started_on=today - timedelta(days=i),
            due_on=today - timedelta(days=i) + timedelta(days=3),
            subject="Orosanmälan",
            source=DeadlineSource.signal(s.pk).key,
            # Years of casework leave a few clocks open, not hundreds: the rest were met on time.
            met_at=None if i < 3 else now - timedelta(days=i),
        )
        for i, s in enumerate(signals)
    )
