"""Reading protective measures within a case already read through `access.reads`.

What is shown names no destination and no person beyond the case's own child: only staff named for the
case's destination learn which provider runs the shelter (a shelter with one house is a place) and that a
protected destination is recorded; the guardians a measure concerns are counted, not named. The
guardians a form offers are named, each written to the log (`custodian_choices`).
"""

from dataclasses import dataclass
from uuid import UUID

from django.http import Http404

from access import selectors as access
from access.actor import Actor
from access.models import AccessAction
from access.permissions import CaseAction
from access.reads import CaseRead, log_result_set
from cases.models import Case
from core.uuids import parse_uuid
from deadlines.models import Deadline, DeadlineKind
from people.models import RelationKind
from protection.measure_models import PolicePlacement, ProtectedRegistration, SecretWhereabouts, ShelterPlacement

MEASURE_CLOCKS = (
    DeadlineKind.POLICE_PLACEMENT_DECISION,
    DeadlineKind.SHELTER_COURT_REFERRAL,
    DeadlineKind.SHELTER_APPLICATION,
    DeadlineKind.SHELTER_REVIEW,
    DeadlineKind.LVU_SECRET_REVIEW,
)


@dataclass(frozen=True)
class Measures:
    case: Case
    may_protect: bool  # may record the police's placement (`CaseAction.PROTECT`)
    may_decide: bool  # may record the committee's measures and what follows them (`CaseAction.DECIDE`)
    sees_destination: bool  # named for the case's destination: sees the shelter's provider and that one is set
    police: list[PolicePlacement]
    shelters: list[ShelterPlacement]
    secrets: list[SecretWhereabouts]
    registrations: list[ProtectedRegistration]
    clocks: list[Deadline]  # the measures' clocks still running, soonest first


def measures(read: CaseRead) -> Measures:
    """Every measure of the case, in a fixed number of queries however many there are."""
    case = read.case
    return Measures(
        case=case,
        may_protect=CaseAction.PROTECT in read.actions,
        may_decide=CaseAction.DECIDE in read.actions,
        sees_destination=read.sees_destination,
        police=list(PolicePlacement.objects.filter(case=case)),
        shelters=list(ShelterPlacement.objects.filter(case=case).select_related("decision", "provider")),
        secrets=list(
            SecretWhereabouts.objects.filter(case=case).select_related("decision").prefetch_related("hidden_from")
        ),
        registrations=list(ProtectedRegistration.objects.filter(case=case)),
        clocks=list(
            Deadline.objects.filter(
                case=case, kind__in=MEASURE_CLOCKS, met_at__isnull=True, cancelled_at__isnull=True
            ).order_by("due_on", "id")
        ),
    )


def custodian_choices(actor: Actor, read: CaseRead, *, view_name: str) -> list[tuple[int, str]]:
    """The child's guardians with custody the reader may see, by name: each one a LIST row in the log.
    A protected guardian the reader is not named for is left out; the service never asks for one."""
    relations = access.relatives_of_visible_child(actor.user, read.case.child_id).filter(
        kind=RelationKind.GUARDIAN_WITH_CUSTODY
    )
    shown = [(r.relative_id, str(r.relative)) for r in relations if not r.relative_hidden]  # type: ignore[attr-defined]
    if shown:
        log_result_set(
            actor, action=AccessAction.LIST, view_name=view_name, subjects=[(pk, read.case.pk) for pk, _ in shown]
        )
    return shown


def shelter_in_case(case: Case, shelter_id: UUID | str) -> ShelterPlacement:
    key = parse_uuid(shelter_id)
    found = (
        ShelterPlacement.objects.select_related("decision").filter(case=case, public_id=key).first() if key else None
    )
    if found is None:
        raise Http404
    return found


def secret_in_case(case: Case, secret_id: UUID | str) -> SecretWhereabouts:
    key = parse_uuid(secret_id)
    found = (
        SecretWhereabouts.objects.select_related("decision").filter(case=case, public_id=key).first() if key else None
    )
    if found is None:
        raise Http404
    return found


def registration_in_case(case: Case, registration_id: UUID | str) -> ProtectedRegistration:
    key = parse_uuid(registration_id)
    found = ProtectedRegistration.objects.filter(case=case, public_id=key).first() if key else None
    if found is None:
        raise Http404
    return found
