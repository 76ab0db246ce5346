"""Synthetic threat and protection for the seeded programme: a provider register, threat pictures made
with the police (the child, and often a guardian or a sibling too), a few police placements, and skyddat
boende with its decision, destination and review clock for the few children who need it.

Proportions [ours, from the social services' answer]: about half the children in the programme have a
threat picture, of those about one in ten was placed by the police at some point and one in twenty lives
in skyddat boende with a guardian. Every provider, permit number, municipality and address is made up or
public; no address is a real one. Its own random stream (`seeding.seed`), so the rest stays as it was.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from access.models import DestinationNaming
from accounts.models import User
from cases.models import Case
from core.legal import legal_basis_for
from deadlines import rules
from deadlines.models import Deadline, DeadlineKind
from deadlines.sources import DeadlineSource
from decisions.models import Decision
from delegation.models import DecisionKind, DelegationItem
from demo.bulk import save_all
from people.models import Relation, RelationKind
from programme.models import Participation
from protection.models import (
    Destination,
    GuardianConsent,
    PolicePlacement,
    Provider,
    ProviderKind,
    ShelterPlacement,
    ThreatAssessment,
    ThreatenedKind,
    ThreatenedPerson,
    ThreatLevel,
    ThreatSource,
)

PROVIDERS = [
    # name, organisation number (made up, with a valid check digit), kind, own operation, permit
    ("Skyddade boendet Fristaden", "802400-0013", ProviderKind.SHELTER, False, "IVO 3.5.1-12345/2024"),
    ("Stiftelsen Trygg Hamn", "802400-0021", ProviderKind.SHELTER, False, "IVO 3.5.1-23456/2024"),
    ("Kommunens skyddade boende", "212000-1124", ProviderKind.SHELTER, True, ""),
    ("HVB Lugna Gården", "556000-0019", ProviderKind.HVB, False, "IVO 3.5.1-34567/2023"),
    ("Familjehemsföreningen Bro", "802400-0039", ProviderKind.FAMILY_HOME, False, "IVO 3.5.1-45678/2022"),
]
MUNICIPALITIES = ["Ljusnarsberg", "Åsele", "Dorotea", "Vilhelmina", "Sorsele", "Storuman", "Malung-Sälen"]
THREATENERS = [
    "Ett kriminellt nätverk i barnets bostadsområde",
    "Personer med koppling till ett rivaliserande nätverk",
    "Äldre personer som barnet har skulder till enligt polisen",
]
SHARE = 0.5
PLACED = 0.1
SHELTERED = 0.05


@dataclass
class _Rows:
    assessments: list[ThreatAssessment] = field(default_factory=list)
    threatened: list[ThreatenedPerson] = field(default_factory=list)
    placements: list[PolicePlacement] = field(default_factory=list)


def seed_protection(rng: random.Random, users: dict[str, User], today: date) -> int:
    """Returns the number of threat pictures."""
    providers = _providers(users["chef"], today)
    cases = [
        p.case
        for p in Participation.objects.filter(ended_on__isnull=True).select_related("case").order_by("id")
        if rng.random() < SHARE
    ]
    relatives = _relatives([c.child_id for c in cases])
    rows = _Rows()
    for case in cases:
        _threat(rng, case, relatives.get(case.child_id, []), users["avhopp"], today, rows)
    save_all(rows.assessments)
    for row in rows.threatened:
        row.assessment = row.assessment  # the id it has now (COPY does not look it up)
    save_all(rows.threatened)
    save_all(rows.placements)
    guardians = {c.child_id: g for c in cases for kind, g in relatives.get(c.child_id, []) if kind == "guardian"}
    candidates = [c for c in cases if c.child_id in guardians]
    # At least one, so that even the small demo shows a skyddat boende.
    sheltered = [c for c in candidates if rng.random() < SHELTERED] or candidates[:1]
    _shelters(rng, sheltered, guardians, providers, users, today)
    return len(rows.assessments)


def _providers(chef: User, today: date) -> list[Provider]:
    return [
        Provider.objects.create(
            name=name,
            org_number=number,
            kind=kind,
            own_operation=own,
            ivo_permit=permit,
            ivo_permit_from=None if own else today - timedelta(days=500),
            contract_from=today - timedelta(days=400),
        )
        for name, number, kind, own, permit in PROVIDERS
    ]


def _relatives(child_ids: list[int]) -> dict[int, list[tuple[str, int]]]:
    kinds: dict[str, str] = {RelationKind.GUARDIAN_WITH_CUSTODY: "guardian", RelationKind.SIBLING: "sibling"}
    found: dict[int, list[tuple[str, int]]] = {}
    relations = Relation.objects.filter(child_id__in=child_ids, kind__in=list(kinds)).order_by("id")
    for child_id, relative_id, kind in relations.values_list("child_id", "relative_id", "kind"):
        found.setdefault(child_id, []).append((kinds[kind], relative_id))
    return found


def _threat(
    rng: random.Random, case: Case, relatives: list[tuple[str, int]], by: User, today: date, rows: _Rows
) -> None:
    assessed = today - timedelta(days=rng.randint(5, 150))
    assessment = ThreatAssessment(
        case=case,
        assessed_on=assessed,
        source=ThreatSource.POLICE if rng.random() < 0.7 else rng.choice([ThreatSource.CHILD, ThreatSource.OTHER]),
        source_note="Polisens hotbedömning vid samverkansmöte",
        with_police=True,
        threatened_by=rng.choice(THREATENERS),
        review_on=assessed + timedelta(days=rng.choice([30, 60, 90])),
        recorded_by=by,
        recorded_at=timezone.make_aware(datetime.combine(assessed, time(14))),
    )
    rows.assessments.append(assessment)
    level = rng.choice([ThreatLevel.RAISED, ThreatLevel.HIGH, ThreatLevel.HIGH, ThreatLevel.SEVERE])
    rows.threatened.append(ThreatenedPerson(assessment=assessment, kind=ThreatenedKind.CHILD, level=level))
    for kind, relative_id in relatives:
        if rng.random() < (0.4 if kind == "guardian" else 0.2):
            rows.threatened.append(
                ThreatenedPerson(
                    assessment=assessment,
                    kind=ThreatenedKind.GUARDIAN if kind == "guardian" else ThreatenedKind.SIBLING,
                    person_id=relative_id,
                    level=rng.choice([ThreatLevel.LOW, ThreatLevel.RAISED, ThreatLevel.HIGH]),
                )
            )
    if rng.random() < PLACED:
        night = datetime.combine(assessed - timedelta(days=rng.randint(1, 30)), time(rng.choice([21, 23, 2])))
        rows.placements.append(
            PolicePlacement(
                case=case,
                placed_at=timezone.make_aware(night),
                police_unit="Polisen, områdespolisen",
                where_general=rng.choice(["Jourhem", "Hos släkting", "Akutboende"]),
                recorded_by=by,
                recorded_at=timezone.make_aware(night + timedelta(hours=10)),
            )
        )


def _shelters(
    rng: random.Random,
    cases: list[Case],
    guardians: dict[int, int],
    providers: list[Provider],
    users: dict[str, User],
    today: date,
) -> None:
    """Skyddat boende with both guardians' consent (the unit manager's item), its destination, the staff
    named for it and the open six-monthly review clock."""
    item = DelegationItem.objects.filter(decision_kind=DecisionKind.SHELTER).first()
    shelters = [p for p in providers if p.kind == ProviderKind.SHELTER]
    for case in cases:
        decided = today - timedelta(days=rng.randint(10, 150))
        basis = legal_basis_for("shelter", on=decided)
        if item is None or basis is None:
            return
        decision = Decision.objects.create(
            case=case,
            kind=DecisionKind.SHELTER,
            legal_basis=basis,
            delegation=item,
            decided_by_name="Karin Enhetschef",
            decided_on=decided,
            executed_on=decided,
            reasons="Barnet och mamman behöver skydd enligt polisens hotbedömning. Båda vårdnadshavarna samtycker.",
            appeal_information="Beslutet ger barnet det vårdnadshavarna godtog.",
            signed_by=users["chef"],
            signed_at=timezone.make_aware(datetime.combine(decided, time(16))),
        )
        provider = rng.choice(shelters)
        destination = Destination.objects.create(
            case=case,
            municipality=rng.choice(MUNICIPALITIES),
            address=f"Skyddad adress {rng.randint(1, 99)}",
            provider=provider,
            from_on=decided,
            entered_by_id=case.responsible_id or users["handlaggare"].pk,
            entered_at=decision.signed_at,
        )
        ShelterPlacement.objects.create(
            case=case,
            decision=decision,
            guardian_id=guardians[case.child_id],
            guardian_granted_on=decided,
            other_guardian_consent=GuardianConsent.NO_OTHER,
            provider=provider,
            destination=destination,
            recorded_by=users["chef"],
            recorded_at=decision.signed_at,
        )
        # The child's own worker and the unit manager: the few who must know where the child is.
        for user in {case.responsible_id or users["handlaggare"].pk: None, users["chef"].pk: None}:
            DestinationNaming.objects.create(
                case=case,
                user_id=user,
                reason="Handlägger skyddet",
                named_by=users["chef"],
                named_at=decision.signed_at,
            )
        Deadline.objects.create(
            case=case,
            kind=DeadlineKind.SHELTER_REVIEW,
            legal_basis=legal_basis_for("shelter-review", on=decided),
            started_on=decided,
            due_on=rules.shelter_review_due(decided),
            subject=str(DecisionKind.SHELTER.label),
            source=DeadlineSource.decision(decision.pk).key,
        )
