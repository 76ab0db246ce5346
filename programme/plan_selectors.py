"""Reading the plan: its page, the choices its form offers, and the PDF for the child and guardians."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from access import selectors as access
from access.actor import Actor
from access.models import AccessAction
from access.permissions import CaseAction
from access.reads import CaseRead, log_result_set, read_case, reading_case
from catalogue import selectors as catalogue
from catalogue.models import Service
from decisions.models import Decision, DecisionOutcome
from delegation.models import DecisionKind
from documents.pdf import render_pdf
from people.models import RelationKind
from programme.models import (
    CLOSED_STATUSES,
    Consent,
    FollowUp,
    InsatsKind,
    ItemReview,
    ItemStatus,
    Participation,
    PlanDomain,
    PlanItem,
)
from programme.rows import participation_in_case


@dataclass(frozen=True)
class ConsentRow:
    consent: Consent
    who: str  # the child, a guardian the reader may see by name, or a protected guardian by role only


@dataclass(frozen=True)
class PlanRow:
    item: PlanItem
    consents: list[ConsentRow]
    last_review: ItemReview | None
    # The item's codes in words, translated once per page (`Labels`), not once per goal.
    domain: str
    insats: str
    status: str

    @property
    def running(self) -> bool:
        return self.item.status not in CLOSED_STATUSES


@dataclass(frozen=True)
class PlanPage:
    read: CaseRead
    participation: Participation
    rows: list[PlanRow]
    follow_ups: list[FollowUp]  # newest first


def _who(consent: Consent, names: dict[int, str]) -> str:
    if consent.guardian_id is None:
        return str(_("Barnet"))
    return names.get(consent.guardian_id) or str(_("Vårdnadshavare (skyddade personuppgifter)"))


class Labels:
    """The plan's choices in the reader's language, looked up once: a plan may hold a couple of hundred
    goals, and Django's get_FOO_display costs a lookup through the lazy choices every time."""

    def __init__(self) -> None:
        self.domain = {value: str(label) for value, label in PlanDomain.choices}
        self.insats = {value: str(label) for value, label in InsatsKind.choices}
        self.status = {value: str(label) for value, label in ItemStatus.choices}

    def row(self, item: PlanItem, consents: list[ConsentRow], last_review: ItemReview | None) -> PlanRow:
        return PlanRow(
            item=item,
            consents=consents,
            last_review=last_review,
            domain=self.domain[item.domain],
            insats=self.insats[item.insats],
            status=self.status[item.status],
        )


def _rows(participation: Participation, names: dict[int, str]) -> list[PlanRow]:
    """Every item with its consents and latest review, in three queries however long the plan.
    `names`: the custodians the reader may see by name."""
    items = list(participation.plan_items.select_related("decision", "service").order_by("domain", "starts_on", "id"))
    consents: dict[int, list[ConsentRow]] = {item.pk: [] for item in items}
    for consent in Consent.objects.filter(item__in=items).order_by("given_on", "id"):
        consents[consent.item_id].append(ConsentRow(consent=consent, who=_who(consent, names)))
    latest: dict[int, ItemReview] = {}
    for review in (
        ItemReview.objects.filter(item__in=items).select_related("follow_up").order_by("follow_up__held_on", "id")
    ):
        latest[review.item_id] = review
    labels = Labels()
    return [labels.row(i, consents[i.pk], latest.get(i.pk)) for i in items]


@dataclass(frozen=True)
class Custodians:
    shown: dict[int, str]  # the guardians with custody the reader may see, by name
    hidden: int  # how many more there are, protected from the reader: counted, never named


def _custodians(actor: Actor, read: CaseRead, *, view_name: str) -> Custodians:
    """The child's guardians with custody whom the reader may see, each written to the log once."""
    relations = list(
        access.relatives_of_visible_child(actor.user, read.case.child_id).filter(
            kind=RelationKind.GUARDIAN_WITH_CUSTODY
        )
    )
    shown = {r.relative_id: str(r.relative) for r in relations if not r.relative_hidden}  # type: ignore[attr-defined]
    if shown:
        log_result_set(
            actor, action=AccessAction.LIST, view_name=view_name, subjects=[(pk, read.case.pk) for pk in shown]
        )
    return Custodians(shown=shown, hidden=len(relations) - len(shown))


def plan_page(actor: Actor, public_id: object, participation_id: object) -> PlanPage:
    with reading_case(actor, public_id, view_name="programme.plan") as read:
        participation = participation_in_case(read.case, participation_id)  # type: ignore[arg-type]
        names = _custodians(actor, read, view_name="programme.plan.guardians").shown
        return PlanPage(
            read=read,
            participation=participation,
            rows=_rows(participation, names),
            follow_ups=list(participation.follow_ups.select_related("recorded_by").order_by("-held_on", "-id")),
        )


@dataclass(frozen=True)
class ItemChoices:
    """What the form for a new goal offers: the custodians the user may see, the case's decisions and the
    catalogue's services a plan may name."""

    read: CaseRead
    participation: Participation
    custodians: Custodians
    decisions: list[Decision]
    services: list[Service]


def item_choices(actor: Actor, public_id: object, participation_id: object, *, view_name: str) -> ItemChoices:
    with reading_case(actor, public_id, view_name=view_name, for_action=CaseAction.PROGRAMME) as read:
        decisions = list(
            Decision.objects.filter(case=read.case, kind=DecisionKind.SUPPORT)
            .exclude(outcome=DecisionOutcome.REFUSED)
            .defer("reasons")
            .order_by("-decided_on", "-id")
        )
        return ItemChoices(
            read=read,
            participation=participation_in_case(read.case, participation_id),  # type: ignore[arg-type]
            custodians=_custodians(actor, read, view_name=f"{view_name}.guardians"),
            decisions=decisions,
            services=list(catalogue.for_plans(timezone.localdate()).only("pk", "name", "provider")),
        )


def plan_pdf(actor: Actor, public_id: object, participation_id: object) -> tuple[str, bytes]:
    """The plan as the child and the guardians read it: goals, what is done, by whom, until when, in plain
    Swedish. Nothing protected goes in: no address, no other person's name, no connection, no label."""
    read = read_case(actor, public_id, view_name="programme.plan.pdf", action=AccessAction.PRINT)
    participation = participation_in_case(read.case, participation_id)  # type: ignore[arg-type]
    rows = [row for row in _rows(participation, {}) if row.running]
    html = render_to_string("programme/plan_pdf.html", {"case": read.case, "rows": rows})
    return f"{read.case.reference}-plan.pdf", render_pdf(html)
