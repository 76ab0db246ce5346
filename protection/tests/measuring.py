"""What the measures' tests share: a provider, the child's second guardian, a shelter decision's input."""

from datetime import date
from typing import Any

from django.utils import timezone

from access.actor import Actor
from cases.models import Case
from conftest import World, make_person
from decisions.services import DecisionInput, legal_bases_for
from decisions.tests.test_decisions import decision
from delegation.models import DecisionKind, DelegationItem
from people.models import Person, Relation, RelationKind
from people.services import relation_create
from protection.measure_models import GuardianConsent, ShelterPlacement
from protection.measure_secrecy import SecretInput, registration_apply, secret_record
from protection.measures import ShelterInput, shelter_record
from protection.provider_models import Provider


def provider(
    *, permit_to: date | None = None, org_number: str = "556016-0680", name: str = "Tryggt Boende AB"
) -> Provider:
    """A private skyddat boende with IVO's permit since the law came into force."""
    return Provider.objects.create(
        name=name,
        org_number=org_number,
        kind="shelter",
        ivo_permit="IVO 3.5.1-1234/2024",
        ivo_permit_from=date(2024, 4, 1),
        ivo_permit_to=permit_to,
    )


def second_guardian(world: World) -> Person:
    """Elias's father, a guardian with custody too, who does not know where Elias will be."""
    father = make_person("Jonas", "Berg", date(1978, 2, 3), 654)
    relation_create(child=world.own_case.child, relative=father, kind=RelationKind.GUARDIAN_WITH_CUSTODY)
    return father


def shelter_input(world: World, at: Provider, kind: str = DecisionKind.SHELTER_IMMEDIATE, **over: Any) -> ShelterInput:
    day = over.pop("decided_on", date(2026, 11, 30))
    values: dict[str, Any] = {
        "decision": decision(kind, day),
        "guardian_id": world.guardian.pk,
        "guardian_granted_on": day,
        "other_guardian_consent": GuardianConsent.NOT_CONSENTED,
        "other_guardian_id": None,
        "provider_id": at.public_id,
    }
    values.update(over)
    return ShelterInput(**values)


def shelter(world: World, data: ShelterInput, user: str = "hanna") -> ShelterPlacement:
    return shelter_record(actor=Actor.system(world.user(user)), case_public_id=world.own_case.public_id, data=data)


def _item(kind: str) -> int:
    """The committee's section's item for `kind`: any level the law allows, whoever signs."""
    item, _ = DelegationItem.objects.get_or_create(
        code=f"S {kind}",
        valid_from=date(2020, 1, 1),
        defaults={"decision_kind": kind, "delegate": "Utskottet", "delegate_level": "section"},
    )
    return item.pk


def _by_section(kind: str) -> DecisionInput:
    today = timezone.localdate()
    return DecisionInput(
        kind=kind,
        legal_basis_id=legal_bases_for(kind, today)[0].pk,
        delegation_id=_item(kind),
        decided_by_name="Utskottet",
        decided_on=today,
        reasons="Barnet är hotat.",
    )


def measures_in(holder: Actor, case: Case) -> dict[str, object]:
    """Skyddat boende (with the other guardian's consent, if there is one), a secret whereabouts and an
    application for skyddad folkbokföring in `case`, recorded by its holder through the services (the
    authorization matrix's records)."""
    custodian = Relation.objects.filter(child=case.child, kind=RelationKind.GUARDIAN_WITH_CUSTODY).first()
    if custodian is None:
        parent = make_person("Förälder", "Test", date(1980, 1, 1), 900 + case.pk)
        custodian = relation_create(child=case.child, relative=parent, kind=RelationKind.GUARDIAN_WITH_CUSTODY)
    other = Relation.objects.filter(child=case.child, kind=RelationKind.GUARDIAN_WITH_CUSTODY).exclude(pk=custodian.pk)
    other_id = other.values_list("relative_id", flat=True).first()
    at = Provider.objects.filter(org_number="212000-1355").first() or Provider.objects.create(
        name="Kommunens boende", org_number="212000-1355", kind="shelter", own_operation=True
    )
    shelter = shelter_record(
        actor=holder,
        case_public_id=case.public_id,
        data=ShelterInput(
            decision=_by_section(DecisionKind.SHELTER),
            guardian_id=custodian.relative_id,
            guardian_granted_on=timezone.localdate(),
            other_guardian_consent=GuardianConsent.NO_OTHER if other_id is None else GuardianConsent.CONSENTED,
            other_guardian_id=other_id,
            provider_id=at.public_id,
        ),
    )
    secret = secret_record(
        actor=holder,
        case_public_id=case.public_id,
        data=SecretInput(
            decision=_by_section(DecisionKind.LVU_SECRET_WHEREABOUTS), hidden_from_ids=[custodian.relative_id]
        ),
    )
    registration = registration_apply(
        actor=holder, case_public_id=case.public_id, secret_id=secret.public_id, applied_on=timezone.localdate()
    )
    return {"shelter": shelter, "secret": secret, "registration": registration}
