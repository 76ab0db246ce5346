"""The child's plan: goals across the domains, each with its insats, decision and consent; consent
withdrawn; follow-up meetings that review every running goal and record the child's view.

The consent a goal needs is `programme.consent`'s to say; here it is checked against what was recorded,
with every problem of the form told at once. Nothing here reads the defector label.
"""

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from cases.models import Case
from catalogue import selectors as catalogue
from catalogue.models import Service
from core.errors import Problems
from core.fields import TEXT_LIMIT
from core.legal import legal_basis_for
from decisions.models import Decision, DecisionOutcome
from delegation.models import DecisionKind
from people.models import Relation, RelationKind
from programme.consent import NEEDS_DECISION, Given, age_on, consent_needed
from programme.models import (
    CLOSED_STATUSES,
    Consent,
    ConsentBy,
    FollowUp,
    InsatsKind,
    ItemReview,
    ItemStatus,
    PlanDomain,
    PlanItem,
)
from programme.rows import locked_open_participation

CONSENT_PROBLEMS = {
    "guardians_always": gettext_lazy(
        "Vård i familjehem, jourhem, stödboende eller HVB kräver alltid vårdnadshavarnas samtycke (21 kap. 1 § SoL)."
    ),
    "under_12": gettext_lazy(
        "Barnet har inte fyllt 12 år: alla vårdnadshavare med vårdnad måste samtycka (21 kap. 1 § SoL)."
    ),
    "child_consent": gettext_lazy("Utan alla vårdnadshavares samtycke krävs att barnet, som fyllt 12 år, samtycker."),
    "suitable_reasons": gettext_lazy("Skriv varför insatsen är lämplig utan vårdnadshavarnas samtycke."),
}


@dataclass(frozen=True)
class ItemInput:
    domain: str
    goal_child: str
    goal_worker: str
    insats: str
    description: str
    responsible: str
    starts_on: date
    follow_up_on: date
    ends_on: date | None = None
    decision_id: int | None = None
    service_id: int | None = None
    guardian_ids: list[int] = field(default_factory=list)
    child_consents: bool = False
    consent_how: str = ""
    suitable_reasons: str = ""


@dataclass(frozen=True)
class FollowUpInput:
    held_on: date
    child_view: str
    reviews: dict[int, tuple[str, str]]  # item id -> (status, note)


def custodians_of(case: Case) -> frozenset[int]:
    return frozenset(
        Relation.objects.filter(child_id=case.child_id, kind=RelationKind.GUARDIAN_WITH_CUSTODY).values_list(
            "relative_id", flat=True
        )
    )


def _check_texts(problems: Problems, data: ItemInput) -> None:
    if data.domain not in PlanDomain.values:
        problems.add("domain", _("Välj område."), "domain")
    if data.insats not in InsatsKind.values:
        problems.add("insats", _("Välj vad som bär insatsen."), "insats")
    for name, message in (
        ("goal_child", _("Skriv målet med barnets egna ord.")),
        ("goal_worker", _("Skriv målet som socialtjänsten formulerar det.")),
        ("description", _("Skriv vad som görs.")),
        ("responsible", _("Skriv vem som ansvarar: en person eller en samverkanspart.")),
    ):
        value = getattr(data, name).strip()
        if not value:
            problems.add(name, message, "required")
        elif len(value) > (TEXT_LIMIT if name.startswith("goal") else 300):
            problems.add(name, _("Texten är för lång."), "max_length")


def _check_days(problems: Problems, data: ItemInput) -> None:
    if data.ends_on is not None and data.ends_on < data.starts_on:
        problems.add("ends_on", _("Slutet kan inte ligga före starten."), "reversed")
    if data.follow_up_on < data.starts_on:
        problems.add("follow_up_on", _("Uppföljningen kan inte ligga före starten."), "reversed")


def _decision(problems: Problems, case: Case, data: ItemInput) -> Decision | None:
    if data.decision_id is None:
        if data.insats in NEEDS_DECISION:
            problems.add(
                "decision_id",
                _("Insatsen kräver alltid en individuell behovsprövning (11 kap. 5 § SoL): välj beslutet."),
                "decision_needed",
            )
        return None
    decision = (
        Decision.objects.filter(case=case, pk=data.decision_id, kind=DecisionKind.SUPPORT)
        .exclude(outcome=DecisionOutcome.REFUSED)
        .first()
    )
    if decision is None:
        problems.add("decision_id", _("Välj ett beviljat beslut om insats i detta ärende."), "decision")
    return decision


def _service(problems: Problems, data: ItemInput) -> Service | None:
    """A plan names only a service given after an individual needs assessment, offered when it starts:
    one given without is counted anonymously, never tied to a child."""
    if data.service_id is None:
        return None
    service = catalogue.for_plans(data.starts_on).filter(pk=data.service_id).first()
    if service is None:
        problems.add(
            "service_id",
            _("Välj en insats ur katalogen som erbjuds när målet börjar, efter behovsprövning."),
            "service",
        )
    return service


def _check_consent(problems: Problems, case: Case, data: ItemInput) -> str:
    custodians = custodians_of(case)
    guardians = frozenset(data.guardian_ids)
    if not guardians <= custodians:
        problems.add("guardian_ids", _("Bara en vårdnadshavare med vårdnad om barnet kan samtycka."), "not_custodian")
    given = Given(
        custodians=custodians,
        guardians=guardians & custodians,
        child=data.child_consents,
        suitable_reasons=data.suitable_reasons,
    )
    answer = consent_needed(data.insats, age_on(case.child.birth_date, data.starts_on), given)
    if answer.problem:
        field_name = "suitable_reasons" if answer.problem == "suitable_reasons" else "child_consents"
        problems.add(field_name, CONSENT_PROBLEMS[answer.problem], answer.problem)
    if (guardians or data.child_consents) and not data.consent_how.strip():
        problems.add("consent_how", _("Skriv hur samtycket lämnades, till exempel muntligt vid mötet."), "required")
    return answer.route


def plan_item_add(*, actor: Actor, case_public_id: object, participation_id: UUID | str, data: ItemInput) -> PlanItem:
    with changing_case(actor, case_public_id, view_name="programme.plan_item", action=CaseAction.PROGRAMME) as case:
        participation = locked_open_participation(case, participation_id)
        problems = Problems()
        _check_texts(problems, data)
        _check_days(problems, data)
        decision = _decision(problems, case, data)
        service = _service(problems, data)
        route = _check_consent(problems, case, data)
        problems.raise_any()
        item = PlanItem.objects.create(
            participation=participation,
            domain=data.domain,
            goal_child=data.goal_child.strip(),
            goal_worker=data.goal_worker.strip(),
            insats=data.insats,
            description=data.description.strip(),
            decision=decision,
            service=service,
            responsible=data.responsible.strip(),
            starts_on=data.starts_on,
            ends_on=data.ends_on,
            follow_up_on=data.follow_up_on,
            status=ItemStatus.PLANNED,
            created_by=actor.user,
        )
        _record_consents(actor, case, item, data, route)
        return item


def _record_consents(actor: Actor, case: Case, item: PlanItem, data: ItemInput, route: str) -> None:
    today = timezone.localdate()
    how = data.consent_how.strip()[:200]
    rows = [
        Consent(item=item, given_by=ConsentBy.GUARDIAN, guardian_id=g, given_on=today, how=how, recorded_by=actor.user)
        for g in sorted(set(data.guardian_ids))
    ]
    if data.child_consents:
        own = route == "child"
        rows.append(
            Consent(
                item=item,
                given_by=ConsentBy.CHILD,
                given_on=today,
                how=how,
                suitable_reasons=data.suitable_reasons.strip() if own else "",
                legal_basis=legal_basis_for("child-own-consent", on=data.starts_on) if own else None,
                recorded_by=actor.user,
            )
        )
    Consent.objects.bulk_create(rows)


def consent_withdraw(
    *, actor: Actor, case_public_id: object, participation_id: UUID | str, consent_id: int, withdrawn_on: date
) -> PlanItem:
    """The consent ends; an item whose insats then has no consent left to rest on is stopped."""
    with changing_case(
        actor, case_public_id, view_name="programme.consent_withdraw", action=CaseAction.PROGRAMME
    ) as case:
        participation = locked_open_participation(case, participation_id)
        consent = (
            Consent.objects.select_for_update()
            .filter(item__participation=participation, pk=consent_id, withdrawn_on__isnull=True)
            .select_related("item")
            .first()
        )
        if consent is None:
            raise ValidationError(_("Samtycket finns inte eller är redan återkallat."), code="no_consent")
        if not (consent.given_on <= withdrawn_on <= timezone.localdate()):
            raise ValidationError(
                {"withdrawn_on": _("Dagen ska ligga mellan samtycket och i dag.")}, code="withdrawn_on"
            )
        consent.withdrawn_on = withdrawn_on
        consent.save(update_fields=["withdrawn_on"])
        item = consent.item
        if item.status not in CLOSED_STATUSES and not _still_consented(case, item):
            item.status = ItemStatus.STOPPED
            item.save(update_fields=["status"])
        return item


def _still_consented(case: Case, item: PlanItem) -> bool:
    live = list(item.consents.filter(withdrawn_on__isnull=True))
    given = Given(
        custodians=custodians_of(case),
        guardians=frozenset(c.guardian_id for c in live if c.guardian_id is not None),
        child=any(c.given_by == ConsentBy.CHILD for c in live),
        suitable_reasons=next((c.suitable_reasons for c in live if c.suitable_reasons), ""),
    )
    return not consent_needed(item.insats, age_on(case.child.birth_date, timezone.localdate()), given).problem


def follow_up_record(
    *, actor: Actor, case_public_id: object, participation_id: UUID | str, data: FollowUpInput
) -> FollowUp:
    with changing_case(actor, case_public_id, view_name="programme.follow_up", action=CaseAction.PROGRAMME) as case:
        participation = locked_open_participation(case, participation_id)
        running = list(participation.plan_items.select_for_update().exclude(status__in=CLOSED_STATUSES))
        problems = Problems()
        if data.held_on > timezone.localdate():
            problems.add("held_on", _("Datumet kan inte ligga i framtiden."), "future")
        if not data.child_view.strip():
            problems.add(
                "child_view", _("Skriv barnets syn, med barnets egna ord, eller varför den saknas."), "required"
            )
        for item in running:
            status, note = data.reviews.get(item.pk, ("", ""))
            if status not in ItemStatus.values or not note.strip():
                problems.add(f"review_{item.pk}", _("Ange status och hur det har gått för målet."), "review")
        if not running:
            problems.add("held_on", _("Planen har inga pågående mål att följa upp."), "nothing_running")
        problems.raise_any()
        follow_up = FollowUp.objects.create(
            participation=participation,
            held_on=data.held_on,
            child_view=data.child_view.strip(),
            recorded_by=actor.user,
        )
        ItemReview.objects.bulk_create(
            ItemReview(
                follow_up=follow_up, item=item, status=data.reviews[item.pk][0], note=data.reviews[item.pk][1].strip()
            )
            for item in running
        )
        # One UPDATE per status, not per item: a plan may hold a couple of hundred goals.
        for status in {data.reviews[item.pk][0] for item in running}:
            PlanItem.objects.filter(pk__in=[i.pk for i in running if data.reviews[i.pk][0] == status]).update(
                status=status
            )
        return follow_up
