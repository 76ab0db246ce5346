"""Synthetic casework for the seeded cases: signals, assessments, investigations, journal, clocks.

Dates count back from `anchor` (midnight starting `today`), so a fixed seed and day give the same data.
Some clocks are deliberately overdue: the work queue and the escalation to the unit manager must have
something to show, as they would in any real municipality.
"""

import random
from datetime import date, datetime, timedelta
from functools import cache

from accounts.models import Role, User
from cases.models import Case, CaseStatus
from core.legal import legal_basis_for
from core.models import LegalBasis
from deadlines import rules
from deadlines.models import Deadline, DeadlineKind
from deadlines.sources import DeadlineSource
from delegation.models import DecisionKind, DelegateLevel, DelegationItem
from delegation.order import delegation_item_add
from demo.bulk import save_all
from intake.models import (
    DELEGATION_KINDS,
    PreliminaryAssessment,
    PreliminaryDecision,
    ProtectionAssessment,
    ReporterType,
    Signal,
    SignalKind,
)
from investigations.models import Investigation
from journal.models import JournalEntry

# A delegation order of the kind a committee adopts (the items are the demo's own, not a real one's).
DELEGATION_ORDER = [
    # code, kind, delegate, level, the role in Utväg that signs an officer's decision
    ("D 1.1", DecisionKind.OPEN_INVESTIGATION, "Socialsekreterare", DelegateLevel.OFFICER, Role.CASEWORKER),
    ("D 1.2", DecisionKind.NOT_OPEN_INVESTIGATION, "Socialsekreterare", DelegateLevel.OFFICER, Role.CASEWORKER),
    ("D 1.3", DecisionKind.EXTEND_INVESTIGATION, "Socialsekreterare", DelegateLevel.OFFICER, Role.CASEWORKER),
    # What the law reserves for a committee section, with the chair where LVU allows it (30 kap. 7 § SoL).
    ("D 2.1", DecisionKind.LVU_IMMEDIATE_CUSTODY, "Sociala utskottet", DelegateLevel.SECTION, None),
    (
        "D 2.2",
        DecisionKind.LVU_IMMEDIATE_CUSTODY,
        "Nämndens ordförande eller förordnad ledamot",
        DelegateLevel.CHAIR,
        None,
    ),
    ("D 2.3", DecisionKind.LVU_CARE_APPLICATION, "Sociala utskottet", DelegateLevel.SECTION, None),
    ("D 2.4", DecisionKind.LVU_CARE_STARTED, "Sociala utskottet", DelegateLevel.SECTION, None),
    ("D 2.5", DecisionKind.LVU_CARE_STARTED, "Nämndens ordförande eller förordnad ledamot", DelegateLevel.CHAIR, None),
    ("D 2.6", DecisionKind.LVU_REVIEW, "Sociala utskottet", DelegateLevel.SECTION, None),
    ("D 2.7", DecisionKind.LVU_RECONSIDER, "Sociala utskottet", DelegateLevel.SECTION, None),
    # Öppenvård, kontaktperson and the like to the case worker; what costs more to the unit manager.
    ("D 3.1", DecisionKind.SUPPORT, "Enhetschef", DelegateLevel.OFFICER, Role.UNIT_MANAGER),
    ("D 3.2", DecisionKind.SUPPORT, "Socialsekreterare", DelegateLevel.OFFICER, Role.CASEWORKER),
    # Skyddat boende: with consent to the case worker; without it, at once and its review the section
    # (30 kap. 6 § 2 and 8 § SoL 2025:400, delegation migration 0006).
    ("D 4.1", DecisionKind.SHELTER, "Socialsekreterare", DelegateLevel.OFFICER, Role.CASEWORKER),
    ("D 4.2", DecisionKind.SHELTER_APPLICATION, "Sociala utskottet", DelegateLevel.SECTION, None),
    ("D 4.3", DecisionKind.SHELTER_IMMEDIATE, "Sociala utskottet", DelegateLevel.SECTION, None),
    ("D 4.4", DecisionKind.SHELTER_REVIEW, "Sociala utskottet", DelegateLevel.SECTION, None),
    # 14 § LVU: the committee or its section only (delegation migration 0004).
    ("D 4.5", DecisionKind.LVU_SECRET_WHEREABOUTS, "Sociala utskottet", DelegateLevel.SECTION, None),
    ("D 4.6", DecisionKind.LVU_SECRET_REVIEW, "Sociala utskottet", DelegateLevel.SECTION, None),
]
REPORTS = [
    (
        SignalKind.REPORT_OF_CONCERN,
        ReporterType.MANDATORY,
        "Skolan",
        "Hög frånvaro, ses med äldre ungdomar.",
    ),
    (
        SignalKind.POLICE_NOTICE,
        ReporterType.MANDATORY,
        "Polisen",
        "Påträffad sent en natt, oroligt område.",
    ),
    (SignalKind.DETENTION_NOTICE, ReporterType.MANDATORY, "Polisen", "Gripen misstänkt för narkotikabrott."),
    (SignalKind.REPORT_OF_CONCERN, ReporterType.PRIVATE, "", "En granne är orolig för pojkens nya umgänge."),
    (SignalKind.REPORT_OF_CONCERN, ReporterType.ANONYMOUS, "", "Anonym uppgift om att barnet förvarar saker åt andra."),
    (
        SignalKind.OUTREACH,
        ReporterType.NOT_A_REPORT,
        "Fältgruppen",
        "Kontakt på fritidsgården, vill lämna.",
    ),
    (SignalKind.REQUEST_GUARDIAN, ReporterType.NOT_A_REPORT, "", "Mamman ber om hjälp, sonen har hotats."),
]
JOURNAL_LINES = [
    "Samtal med barnet i skolan. Berättar att kompisar pressar honom att springa ärenden.",
    "Telefonsamtal med vårdnadshavare. Mamman är orolig och vill ha stöd.",
    "Samverkansmöte med polis och skola. Överenskommet om fortsatt kontakt.",
    "Hembesök. Barnet var hemma, lugn stämning.",
    "Barnet uteblev från planerat möte. Ny tid bokad.",
]


def seed_delegation_order(today: date) -> None:
    """Through the order's own service, so the demo's order obeys the law's limits like any other."""
    for code, kind, delegate, level, role in DELEGATION_ORDER:
        delegation_item_add(
            code=code, kind=kind, delegate=delegate, level=level, role=role, valid_from=date(2025, 1, 1)
        )


@cache
def _basis(key: str, on: date) -> LegalBasis | None:
    """The provision in force that day. Signals share a few hundred days: ask the database once per day."""
    return legal_basis_for(key, on=on)


def _worker(case: Case, staff: dict[int, User], fallback: User) -> User:
    """The case's responsible worker, from the seeded accounts (not a query per case)."""
    return staff.get(case.responsible_id, fallback) if case.responsible_id else fallback


def seed_casework(rng: random.Random, cases: list[Case], users: dict[str, User], anchor: datetime) -> int:
    """Casework for the open cases; returns the number of signals."""
    _basis.cache_clear()  # a test may have changed the provisions since the last seed
    today = anchor.date()
    fallback = users["handlaggare"]
    staff = {user.pk: user for user in users.values()}
    open_cases = [c for c in cases if c.status == CaseStatus.OPEN]
    signals: list[Signal] = []
    for case in open_cases:
        kind, reporter, organisation, content = rng.choice(REPORTS)
        received = anchor - timedelta(days=rng.randint(0, 150), hours=rng.randint(-14, 6))
        received = max(received, case.opened_at)
        signals.append(
            Signal(
                case=case,
                child_id=case.child_id,
                kind=kind,
                received_at=received,
                reporter_type=reporter,
                reporter_organisation=organisation,
                content=content,
                registered_by=_worker(case, staff, fallback),
                registered_at=received + timedelta(minutes=rng.randint(5, 120)),
                feedback_requested=reporter == ReporterType.MANDATORY and rng.random() < 0.3,
            )
        )
    save_all(signals)
    _assessments(rng, signals, anchor, today)
    _journal(rng, open_cases, staff, fallback, anchor)
    return len(signals)


def _assessments(rng: random.Random, signals: list[Signal], anchor: datetime, today: date) -> None:
    protections, preliminaries, investigations, deadlines = [], [], [], []
    # The demo order has one item per kind, in force since 2025: every förhandsbedömning names its own.
    items = {item.decision_kind: item for item in DelegationItem.objects.filter(valid_to__isnull=True)}
    for signal in signals:
        worker = signal.registered_by
        source = DeadlineSource.signal(signal.pk).key
        received_day = rules.received_day(signal.received_at)
        protection_due = rules.protection_assessment_due(signal.received_at)
        preliminary_due = rules.preliminary_assessment_due(signal.received_at)
        assessed = (today - received_day).days >= 1
        if assessed:
            protections.append(
                ProtectionAssessment(
                    signal=signal,
                    outcome="no-need",
                    reasoning="Barnet bor hemma, ingen akut fara bedöms.",
                    legal_basis=_basis("protection-assessment", received_day),
                    assessed_at=signal.registered_at + timedelta(hours=rng.randint(1, 20)),
                    assessed_by=worker,
                )
            )
        else:
            deadlines.append(
                _deadline(signal, DeadlineKind.PROTECTION_ASSESSMENT, received_day, protection_due, source)
            )
        decided_on = received_day + timedelta(days=rng.randint(0, 1) if signal.is_application else rng.randint(3, 13))
        # About one in ten preliminary assessments runs late, as the inspectorate keeps finding.
        if decided_on < today and rng.random() < 0.9:
            # An application is always investigated (14 kap. 2 § SoL); a report, mostly.
            opens = signal.is_application or rng.random() < 0.7
            decision = PreliminaryDecision.OPEN if opens else PreliminaryDecision.NOT_OPEN
            preliminaries.append(
                PreliminaryAssessment(
                    signal=signal,
                    decision=decision,
                    reasons="Uppgifterna ger anledning till oro.",
                    child_heard=True,
                    child_heard_how="Samtal med barnet på skolan.",
                    legal_basis=_basis(
                        "investigation-open" if signal.is_application else "preliminary-assessment", decided_on
                    ),
                    decided_on=decided_on,
                    decided_by=worker,
                    delegation=items[DELEGATION_KINDS[decision]],
                    recorded_at=anchor - timedelta(days=(today - decided_on).days),
                )
            )
            if decision == PreliminaryDecision.OPEN:
                investigations.append(
                    Investigation(
                        case_id=signal.case_id,
                        question="Barnets behov av skydd och stöd",
                        opened_on=decided_on,
                        clock_started_on=decided_on,
                        opened_by=worker,
                    )
                )
        elif signal.is_application:
            due = rules.application_investigation_due(signal.received_at)
            deadlines.append(_deadline(signal, DeadlineKind.APPLICATION_INVESTIGATION, received_day, due, source))
        else:
            deadlines.append(
                _deadline(signal, DeadlineKind.PRELIMINARY_ASSESSMENT, received_day, preliminary_due, source)
            )
    save_all(protections)
    save_all(preliminaries)
    save_all(investigations)
    for investigation in investigations:
        if investigation.completed_on is not None:
            continue
        deadlines.append(
            Deadline(
                case_id=investigation.case_id,
                kind=DeadlineKind.INVESTIGATION,
                legal_basis=_basis("investigation-time-limit", investigation.opened_on),
                started_on=investigation.opened_on,
                due_on=rules.investigation_due(investigation.opened_on),
                subject=investigation.question,
                source=DeadlineSource.investigation(investigation.pk).key,
            )
        )
    save_all(deadlines)


def _investigation(rng: random.Random, signal: Signal, opened_on: date, today: date) -> Investigation:
    """Most investigations finish within their four months; those still running keep their clock."""
    completed = opened_on + timedelta(days=rng.randint(50, 118))
    done = completed < today and rng.random() < 0.85
    return Investigation(
        case_id=signal.case_id,
        question="Barnets behov av skydd och stöd",
        opened_on=opened_on,
        clock_started_on=opened_on,
        opened_by=signal.registered_by,
        child_participation="heard",
        child_views="Barnet vill ha stöd i skolan och att familjen får hjälp.",
        completed_on=completed if done else None,
        outcome=rng.choice(["measures", "no-measures"]) if done else "",
        summary="Utredningen visar behov av stöd." if done else "",
    )


def _deadline(signal: Signal, kind: DeadlineKind, started: date, due: date, source: str) -> Deadline:
    key = {
        DeadlineKind.PROTECTION_ASSESSMENT: "protection-assessment",
        DeadlineKind.APPLICATION_INVESTIGATION: "investigation-open",
    }.get(kind, "preliminary-assessment")
    return Deadline(
        case_id=signal.case_id,
        kind=kind,
        legal_basis=_basis(key, started),
        started_on=started,
        due_on=due,
        subject=f"{signal.get_kind_display()} som kom in {started.isoformat()}",
        source=source,
    )


def _journal(rng: random.Random, cases: list[Case], staff: dict[int, User], fallback: User, anchor: datetime) -> None:
    entries = []
    for case in cases:
        worker = _worker(case, staff, fallback)
        for _ in range(rng.randint(0, 4)):
            written = anchor - timedelta(days=rng.randint(1, 120), hours=rng.randint(8, 16))
            entries.append(
                JournalEntry(
                    case=case,
                    author=worker,
                    body=rng.choice(JOURNAL_LINES),
                    event_date=written.date(),
                    created_at=written,
                    updated_at=written,
                    signed_at=written,
                    signed_by=worker,
                )
            )
    save_all(entries)
