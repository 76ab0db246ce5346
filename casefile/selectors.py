"""Reading cases for display, through access.selectors, with the access log written alongside."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from django.db import transaction
from django.db.models import BooleanField, ExpressionWrapper, F, Min, Q, QuerySet, Value
from django.db.models.expressions import OrderBy
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from access import selectors as access
from access.actor import Actor
from access.models import AccessAction, EmergencyAccess
from access.reads import CaseRead, log_result_set, reading_case
from cases.models import Case, CaseStatus
from core.history import ChangeRow, change_rows
from deadlines import rules
from deadlines.models import Deadline, DeadlineKind
from deadlines.sources import DeadlineSource, SourceKind
from decisions.appeals import appealed_in_time
from decisions.court import OUTCOMES_FOR
from decisions.models import Communication, CourtRuling, Decision, DecisionDelivery
from decisions.selectors import case_communications
from intake.detentions import case_detentions
from intake.models import Detention, Signal
from investigations.models import Investigation
from people.models import Relation
from programme.rows import outcomes_due
from programme.selectors import ParticipationRow, participations_of
from protection.selectors import ThreatSummary, threat_summary
from web.paging import LatestPage, latest_page

MY_WORK_LIMIT = 100
REFERRAL_LAPSE = _(
    "Omhändertagandet har upphört: beslutet underställdes inte förvaltningsrätten inom en vecka (7 § tredje "
    "stycket LVU)."
)
APPLICATION_LAPSE = _(
    "Omhändertagandet har upphört om varken ansökan om vård eller begäran om förlängd tid gjordes inom fyra "
    "veckor från verkställigheten (9 § första stycket 1 LVU)."
)


class MyWorkOrder(StrEnum):
    """How "Mitt arbete" is sorted: what is due first, the newest cases, or by the child's name."""

    DUE = "frist"
    OPENED = "oppnat"
    CHILD = "barn"


@dataclass(frozen=True)
class MyWorkQuestion:
    order: MyWorkOrder = MyWorkOrder.OPENED
    mine_only: bool = False
    overdue_only: bool = False


ENCRYPTED_PERSON_FIELDS = ("identity_number", "address", "phone", "email")
OPEN_CLOCK = Q(deadlines__met_at__isnull=True, deadlines__cancelled_at__isnull=True)


ORDERINGS: dict[MyWorkOrder, list[OrderBy | str]] = {
    MyWorkOrder.DUE: [F("next_due_on").asc(nulls_last=True), "-opened_at", "id"],
    MyWorkOrder.OPENED: ["-opened_at", "id"],
    MyWorkOrder.CHILD: ["child__family_name", "child__given_name", "id"],
}


def my_work_cases(actor: Actor, *, via_api: bool = False, question: MyWorkQuestion | None = None) -> list[Case]:
    """Open cases the actor may see, each with its next open clock (`next_due_on`, `next_kind`).

    The user's own cases come first (`mine`), then in the order asked for. By default the newest, which
    the indexes serve; sorting or narrowing by the next clock costs one grouped join over every case
    the user sees, so it is done only when asked for.
    """
    question = question or MyWorkQuestion()
    user = actor.user
    by_clock = question.order == MyWorkOrder.DUE or question.overdue_only
    with transaction.atomic():
        cases = (
            access.visible_cases(user)
            .filter(status=CaseStatus.OPEN)
            .select_related("child", "team", "responsible")
            # The list shows names, not numbers or contact details: a hundred rows would decrypt 400 values.
            .defer(*(f"child__{field}" for field in ENCRYPTED_PERSON_FIELDS))
            .annotate(
                # Coalesced: "responsible = me" is NULL, not false, for a case nobody is responsible for,
                # and NULL would sort such a case after everyone else's.
                mine=Coalesce(
                    ExpressionWrapper(Q(responsible_id=user.pk), output_field=BooleanField()),
                    Value(False),
                    output_field=BooleanField(),
                ),
            )
        )
        if by_clock:
            cases = cases.annotate(next_due_on=Min("deadlines__due_on", filter=OPEN_CLOCK))
        if question.mine_only:
            cases = cases.filter(responsible_id=user.pk)
        if question.overdue_only:
            cases = cases.filter(Q(next_due_on__lt=timezone.localdate()))  # the annotation above
        shown: list[Case] = list(cases.order_by("-mine", *ORDERINGS[question.order])[:MY_WORK_LIMIT])
        _with_stage(shown)
        if shown:
            log_result_set(
                actor,
                action=AccessAction.API if via_api else AccessAction.LIST,
                view_name="api.cases" if via_api else "case.my_work",
                subjects=[(c.child_id, c.pk) for c in shown],
            )
    return shown


def _with_stage(cases: list[Case]) -> None:
    """Each shown case's next open clock (day and kind), whether an investigation runs and the programme's
    outcome to record now: four queries however many cases."""
    ids = [case.pk for case in cases]
    first: dict[int, tuple[date, str]] = {}
    for case_id, due_on, kind in (
        Deadline.objects.filter(case_id__in=ids, met_at__isnull=True, cancelled_at__isnull=True)
        .order_by("case_id", "-due_on", "-id")
        .values_list("case_id", "due_on", "kind")
    ):
        first[case_id] = (due_on, kind)  # the last one written is the earliest due
    running = set(
        Investigation.objects.filter(case_id__in=ids, completed_on__isnull=True).values_list("case_id", flat=True)
    )
    today = timezone.localdate()
    outcomes = outcomes_due(ids, today)
    for case in cases:
        case.outcome_due = outcomes.get(case.pk)  # type: ignore[attr-defined]  # for the template
        entry = first.get(case.pk)
        # Worked out here rather than per row in the template: 100 rows of includes and filters cost
        # more than the page's queries.
        case.next_due_on = entry[0] if entry else None  # type: ignore[attr-defined]  # for the template
        case.next_kind = entry[1] if entry else None  # type: ignore[attr-defined]  # likewise
        case.next_label = DeadlineKind(entry[1]).label if entry else ""  # type: ignore[attr-defined]  # likewise
        case.investigating = case.pk in running  # type: ignore[attr-defined]  # likewise
        case.child_age = _age(case.child.birth_date, today)  # type: ignore[attr-defined]  # likewise


def _age(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


@dataclass
class CaseWork:
    """What is being done in the case: signals and their assessments, investigations, decisions, clocks."""

    signals: LatestPage[Signal]
    investigations: list[Investigation]
    decisions: LatestPage[Decision]
    # Decisions whose LVU clocks are open, shown or not: what must be acted on is never on an older page.
    decisions_with_open_clocks: list[Decision]
    open_deadlines: list[Deadline]
    communications: list[Communication]
    detentions: list[Detention]
    participations: list[ParticipationRow]  # the child's part in the exit programme, newest first
    threat: ThreatSummary | None  # the current threat picture, the child's own level only
    may: dict[str, bool]  # what the reader's role may do here (`access.permissions`; nothing via a grant)

    @property
    def open_participation(self) -> ParticipationRow | None:
        return next((row for row in self.participations if row.participation.is_open), None)

    @property
    def open_investigation(self) -> Investigation | None:
        return next((i for i in self.investigations if i.is_open), None)

    @property
    def custody_decisions_to_refer(self) -> list[Decision]:
        waiting = {d.source for d in self.open_deadlines if d.kind == DeadlineKind.LVU_COURT_REFERRAL}
        return [d for d in self.decisions_with_open_clocks if DeadlineSource.decision(d.pk).key in waiting]

    @property
    def lapsed_custodies(self) -> list[tuple[Decision, str]]:
        """6 § custodies whose clock ran out unmet: the law ends them (7 § tredje stycket, 9 § LVU)."""
        today = timezone.localdate()
        overdue = {(d.source, d.kind) for d in self.open_deadlines if d.due_on < today}
        lapsed = []
        for decision in self.decisions_with_open_clocks:
            key = DeadlineSource.decision(decision.pk).key
            if (key, DeadlineKind.LVU_COURT_REFERRAL) in overdue:
                lapsed.append((decision, str(REFERRAL_LAPSE)))
            elif (key, DeadlineKind.LVU_CARE_APPLICATION) in overdue:
                lapsed.append((decision, str(APPLICATION_LAPSE)))
        return lapsed


@dataclass
class CaseOverview:
    case: Case
    grant: EmergencyAccess | None  # the emergency grant the case is seen through, if any
    relations: list[Relation]
    hidden_relatives: int
    history: list[ChangeRow]
    work: CaseWork


def _with_open_clocks(decisions: QuerySet[Decision], open_deadlines: list[Deadline]) -> list[Decision]:
    """The decisions whose clocks are open (a query only when there are any, which is rare)."""
    ids = [d.source.partition(":")[2] for d in open_deadlines if d.source.startswith(f"{SourceKind.DECISION}:")]
    return list(decisions.filter(pk__in=[int(pk) for pk in ids])) if ids else []


def _with_court_and_parties(decisions: list[Decision]) -> None:
    """The shown decisions' court rulings and deliveries to parties, in two queries whatever their number
    (none for a case without decisions, as most are)."""
    if not decisions:
        return
    rulings: dict[int, list[CourtRuling]] = {d.pk: [] for d in decisions}
    for ruling in CourtRuling.objects.filter(decision__in=decisions).order_by("ruled_on", "id"):
        rulings[ruling.decision_id].append(ruling)
    deliveries: dict[int, list[DecisionDelivery]] = {d.pk: [] for d in decisions}
    for delivery in DecisionDelivery.objects.filter(decision__in=decisions).order_by("delivered_on", "id"):
        delivery.appeal_ends_on = rules.appeal_period_ends(delivery.delivered_on)  # type: ignore[attr-defined]  # for the template
        delivery.in_time = appealed_in_time(delivery)  # type: ignore[attr-defined]  # likewise
        deliveries[delivery.decision_id].append(delivery)
    for decision in decisions:
        decision.rulings = rulings[decision.pk]  # type: ignore[attr-defined]  # for the template
        decision.court_ruling_allowed = decision.kind in OUTCOMES_FOR  # type: ignore[attr-defined]  # likewise
        decision.parties = deliveries[decision.pk]  # type: ignore[attr-defined]  # likewise


# The case page is an overview: the newest few of each list, the rest a page away (and all in the timeline).
OVERVIEW_PAGE = 10


@dataclass(frozen=True)
class CasePages:
    """Which part of each long list the case page shows (1: the newest)."""

    signals: int = 1
    decisions: int = 1


def case_work(read: CaseRead, pages: CasePages | None = None) -> CaseWork:
    """For a case the caller has read through access (which logged it): the same queries, and the same
    size of page, whatever the size of its history (the newest signals and decisions, older ones paged)."""
    case = read.case
    pages = pages or CasePages()
    # The page shows what was done and when, not the texts: those stay encrypted until opened.
    signals = latest_page(
        Signal.objects.filter(case=case)
        .select_related("protection_assessment", "preliminary_assessment__delegation", "registered_by")
        .defer(
            "content",
            "reporter_name",
            "reporter_contact",
            "protection_assessment__reasoning",
            "protection_assessment__measures",
            "preliminary_assessment__reasons",
            "preliminary_assessment__child_heard_how",
        )
        .order_by("-received_at", "-id"),
        pages.signals,
        OVERVIEW_PAGE,
    )
    investigations = list(
        Investigation.objects.filter(case=case)
        .defer("child_views", "summary", "concerned_not_informed_reason")
        .order_by("opened_on", "id")
    )
    open_deadlines = list(
        Deadline.objects.filter(case=case, met_at__isnull=True, cancelled_at__isnull=True).select_related("legal_basis")
    )
    # Each record gets its own open clocks, so the page needs no lookups of its own.
    by_source: dict[str, list[Deadline]] = {}
    for deadline in open_deadlines:
        by_source.setdefault(deadline.source, []).append(deadline)
    for record, source in [
        *((s, DeadlineSource.signal(s.pk)) for s in signals.items),
        *((i, DeadlineSource.investigation(i.pk)) for i in investigations),
    ]:
        record.open_deadlines = by_source.get(source.key, [])  # type: ignore[attr-defined]  # for the template
    shown_decisions = (
        Decision.objects.filter(case=case)
        .select_related("legal_basis", "delegation", "signed_by", "corrects")
        .defer("reasons", "corrects__reasons")
    )
    newest_first = shown_decisions.order_by("-decided_on", "-signed_at", "-id")
    decisions = latest_page(newest_first, pages.decisions, OVERVIEW_PAGE)
    _with_court_and_parties(decisions.items)
    return CaseWork(
        signals=signals,
        investigations=investigations,
        decisions=decisions,
        decisions_with_open_clocks=_with_open_clocks(shown_decisions, open_deadlines),
        communications=case_communications(case),
        detentions=case_detentions(case),
        participations=participations_of(case, with_windows=read.sees_restricted),
        threat=threat_summary(case),
        open_deadlines=open_deadlines,
        may=read.may,
    )


def case_overview(actor: Actor, public_id: object, pages: CasePages | None = None) -> CaseOverview:
    with reading_case(actor, public_id, view_name="case.overview") as read:
        case = read.case
        relations = list(access.relatives_of_visible_child(actor.user, case.child_id))
        shown = [r for r in relations if not r.relative_hidden]  # type: ignore[attr-defined]  # a queryset annotation
        if shown:
            log_result_set(
                actor,
                action=AccessAction.LIST,
                view_name="case.overview.related",
                subjects=[(r.relative_id, case.pk) for r in shown],
            )
        return CaseOverview(
            case=case,
            grant=read.grant,
            relations=shown,
            hidden_relatives=len(relations) - len(shown),
            history=change_rows(case.history.all()),
            work=case_work(read, pages),
        )
