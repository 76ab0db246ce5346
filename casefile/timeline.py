"""The child's timeline: every signal, assessment, decision, journal entry, clock, disclosure, meeting with
partners and piece of incoming information about the child, in order.

It covers every case of the child that the reader may see (a child may have had several cases over
the years), reached from one of them. One query per kind of record, whatever the number of events.

Years of casework make thousands of events, so the page shows the newest `PAGE_EVENTS` and links to
older ones (`TimelinePage`): each kind's query asks only for its newest rows up to the page's edge, so a
page costs the same at 10 events and at 10,000. The edge is the time of the oldest event shown, and the
number of events at exactly that time already shown (clocks share their day's end), so none is lost
or shown twice.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from access import selectors as access
from access.actor import Actor
from access.models import AccessAction
from access.reads import log_result_set, reading_case
from cases.models import Case
from collaboration.models import Disclosure, IncomingInformation, MeetingItem
from deadlines.models import Deadline, Extension
from decisions.models import Decision
from intake.models import PreliminaryAssessment, ProtectionAssessment, Signal
from investigations.models import Investigation
from journal.models import JournalDispute, JournalEntry
from people.models import Person


@dataclass(frozen=True)
class Event:
    at: datetime
    kind: str
    title: str
    detail: str
    case_reference: str
    # "due", "overdue", "met", "cancelled" for clocks; "" for what has happened.
    state: str = ""
    # Breaks ties between events at the same moment, the same way on every page: (kind, row id).
    order: tuple[int, int] = field(default=(0, 0), compare=False)

    @property
    def when(self) -> str:
        """Formatted here, not in the template: a long timeline renders a thousand of these."""
        return f"{timezone.localtime(self.at):%Y-%m-%d %H:%M}"


PAGE_EVENTS = 20


@dataclass(frozen=True)
class Edge:
    """Where an older page begins: at or before `at`, less the `shown` events at exactly `at`."""

    at: datetime
    shown: int = 0

    @classmethod
    def parse(cls, fore: str, shown: str) -> "Edge | None":
        at = parse_datetime(fore) if fore else None
        if at is None or timezone.is_naive(at):
            return None
        return cls(at=at, shown=int(shown) if shown.isdigit() and int(shown) < 10_000 else 0)


@dataclass
class Timeline:
    case: Case
    child: Person
    events: list[Event]  # oldest first
    older: Edge | None = None  # where the next older page begins, if there is one
    is_latest: bool = True


@dataclass(frozen=True)
class _Window:
    """What each kind's query asks for: rows at or before `edge` (None: the newest), at most `limit`."""

    edge: datetime | None
    limit: int

    def on_or_before(self, rows: QuerySet, column: str) -> QuerySet:  # type: ignore[type-arg]  # any model
        if self.edge is None:
            return rows.order_by(f"-{column}", "-id")[: self.limit]
        return rows.filter(**{f"{column}__lte": self.edge}).order_by(f"-{column}", "-id")[: self.limit]

    def on_or_before_day(self, rows: QuerySet, column: str, *, ends_the_day: bool = False) -> QuerySet:  # type: ignore[type-arg]
        """For events dated by a day: `ends_the_day` when the event stands at the day's end (23:59)."""
        if self.edge is None:
            return rows.order_by(f"-{column}", "-id")[: self.limit]
        local = timezone.localtime(self.edge)
        last = local.date() if not ends_the_day or local.time() >= time(23, 59) else local.date() - timedelta(days=1)
        return rows.filter(**{f"{column}__lte": last}).order_by(f"-{column}", "-id")[: self.limit]


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(23, 59)))


def child_timeline(actor: Actor, public_id: object, edge: Edge | None = None) -> Timeline:
    with reading_case(actor, public_id, view_name="case.timeline") as read:
        case = read.case
        cases = {
            c.pk: c for c in access.visible_cases(actor.user).filter(child_id=case.child_id).only("pk", "reference")
        }
        other: list[tuple[int | None, int | None]] = [(case.child_id, pk) for pk in cases if pk != case.pk]
        if other:
            log_result_set(actor, action=AccessAction.LIST, view_name="case.timeline.other_cases", subjects=other)
        ids = list(cases)
        ref = {pk: c.reference for pk, c in cases.items()}
        window = _Window(edge=edge.at if edge else None, limit=PAGE_EVENTS + (edge.shown if edge else 0) + 1)
        events = [
            *_signals(ids, ref, window),
            *_assessments(ids, ref, window),
            *_investigations(ids, ref, window),
            *_decisions(ids, ref, window),
            *_journal(ids, ref, window),
            *_disputes(ids, ref, window),
            *_deadlines(ids, ref, window),
            *_disclosures(case.child_id, ids, ref, window),
            *_meeting_items(ids, ref, window),
            *_incoming(ids, ref, window),
        ]
    return _page(case, events, edge)


def _page(case: Case, events: list[Event], edge: Edge | None) -> Timeline:
    """The newest PAGE_EVENTS at or before the edge (less those already shown there), oldest first."""
    newest_first = sorted(
        (e for e in events if edge is None or e.at <= edge.at), key=lambda e: (e.at, e.order), reverse=True
    )
    if edge is not None:
        newest_first = newest_first[sum(1 for e in newest_first[: edge.shown] if e.at == edge.at) :]
    shown, more = newest_first[:PAGE_EVENTS], len(newest_first) > PAGE_EVENTS
    older = None
    if more:
        oldest = shown[-1].at
        already = sum(1 for e in shown if e.at == oldest) + (edge.shown if edge and edge.at == oldest else 0)
        older = Edge(at=oldest, shown=already)
    return Timeline(case=case, child=case.child, events=shown[::-1], older=older, is_latest=edge is None)


def _signals(ids: list[int], ref: dict[int, str], window: _Window) -> list[Event]:
    rows = Signal.objects.filter(case_id__in=ids).defer("reporter_name", "reporter_contact")
    return [
        Event(
            s.received_at,
            _("Aktualisering"),
            f"{s.get_kind_display()} · {s.reporter_organisation or s.get_reporter_type_display()}",
            s.content,
            ref[s.case_id],
            order=(1, s.pk),
        )
        for s in window.on_or_before(rows, "received_at")
    ]


def _assessments(ids: list[int], ref: dict[int, str], window: _Window) -> list[Event]:
    protections = (
        ProtectionAssessment.objects.filter(signal__case_id__in=ids)
        .select_related("signal")
        .only("assessed_at", "outcome", "measures", "signal__case_id")
    )
    protection = [
        Event(
            a.assessed_at,
            _("Skyddsbedömning"),
            a.get_outcome_display(),
            a.measures,
            ref[a.signal.case_id],
            order=(2, a.pk),
        )
        for a in window.on_or_before(protections, "assessed_at")
    ]
    preliminaries = (
        PreliminaryAssessment.objects.filter(signal__case_id__in=ids)
        .select_related("signal", "delegation")
        .only("decided_on", "decision", "reasons", "signal__case_id", "delegation__code")
    )
    preliminary = [
        Event(
            _start_of(a.decided_on),
            _("Förhandsbedömning"),
            f"{a.get_decision_display()} ({a.delegation.code})" if a.delegation else a.get_decision_display(),
            a.reasons,
            ref[a.signal.case_id],
            order=(3, a.pk),
        )
        for a in window.on_or_before_day(preliminaries, "decided_on")
    ]
    return protection + preliminary


def _investigations(ids: list[int], ref: dict[int, str], window: _Window) -> list[Event]:
    rows = Investigation.objects.filter(case_id__in=ids).defer(
        "child_views", "summary", "concerned_not_informed_reason"
    )
    events = []
    # An investigation's completion is after its opening, so the newest openings hold the newest of both.
    for i in window.on_or_before_day(rows, "opened_on"):
        events.append(
            Event(_start_of(i.opened_on), _("Utredning inledd"), i.question, "", ref[i.case_id], order=(4, i.pk))
        )
        if i.completed_on:
            events.append(
                Event(
                    _end_of(i.completed_on),
                    _("Utredning avslutad"),
                    i.get_outcome_display(),
                    "",
                    ref[i.case_id],
                    order=(5, i.pk),
                )
            )
    return events


def _decisions(ids: list[int], ref: dict[int, str], window: _Window) -> list[Event]:
    rows = Decision.objects.filter(case_id__in=ids).select_related("legal_basis", "delegation").defer("reasons")
    return [
        Event(
            d.signed_at,
            _("Beslut"),
            d.get_kind_display(),
            f"{d.legal_basis} · {d.decided_by_name} ({d.delegation.code})",
            ref[d.case_id],
            order=(6, d.pk),
        )
        for d in window.on_or_before(rows, "signed_at")
    ]


def _journal(ids: list[int], ref: dict[int, str], window: _Window) -> list[Event]:
    entries = JournalEntry.objects.filter(case_id__in=ids, signed_at__isnull=False).select_related("author")
    return [
        Event(
            e.signed_at or e.created_at,
            _("Rättelse") if e.corrects_id else _("Journalanteckning"),
            f"{e.event_date:%Y-%m-%d} · {e.author}",
            e.body,
            ref[e.case_id],
            order=(7, e.pk),
        )
        for e in window.on_or_before(entries, "signed_at")
    ]


def _disputes(ids: list[int], ref: dict[int, str], window: _Window) -> list[Event]:
    disputes = window.on_or_before(
        JournalDispute.objects.filter(entry__case_id__in=ids).select_related("entry", "recorded_by"), "recorded_at"
    )
    return [
        Event(
            d.recorded_at,
            _("Uppgift bestrids"),
            f"{' '.join(filter(None, [d.get_disputed_by_display(), d.disputed_by_name]))} · "
            f"{_('anteckningen')} {d.entry.event_date:%Y-%m-%d}",
            d.statement,
            ref[d.entry.case_id],
            order=(8, d.pk),
        )
        for d in disputes
    ]


def _deadlines(ids: list[int], ref: dict[int, str], window: _Window) -> list[Event]:
    today = timezone.localdate()
    events = []
    clocks = Deadline.objects.filter(case_id__in=ids).select_related("legal_basis")
    for d in window.on_or_before_day(clocks, "due_on", ends_the_day=True):
        if d.met_at:
            state = "met"
        elif d.cancelled_at:
            state = "cancelled"
        else:
            state = "overdue" if d.due_on < today else "due"
        basis = f" ({d.legal_basis})" if d.legal_basis else ""
        events.append(
            Event(
                _end_of(d.due_on),
                _("Frist"),
                f"{d.get_kind_display()}{basis}",
                d.subject,
                ref[d.case_id],
                state,
                order=(9, d.pk),
            )
        )
    extensions = Extension.objects.filter(deadline__case_id__in=ids).select_related("deadline")
    for x in window.on_or_before(extensions, "decided_at"):
        late = _(", beslutad %(days)d dagar efter att fristen gick ut") % {"days": x.days_late} if x.days_late else ""
        events.append(
            Event(
                x.decided_at,
                _("Förlängning i efterhand") if x.days_late else _("Förlängning"),
                f"{x.previous_due_on} → {x.new_due_on}{late}",
                x.reason,
                ref[x.deadline.case_id],
                order=(10, x.pk),
            )
        )
    return events


def _incoming(ids: list[int], ref: dict[int, str], window: _Window) -> list[Event]:
    """What partners told the committee about the child (`collaboration.incoming`)."""
    rows = IncomingInformation.objects.filter(case_id__in=ids)
    return [
        Event(
            x.received_at,
            _("Rättade inkommande uppgifter") if x.corrects_id else _("Inkommande uppgifter"),
            f"{x.get_source_kind_display()}: {x.sender} · {x.get_channel_display()}",
            "\n".join(filter(None, [x.absence_words(), x.content, _correction_words(x)])),
            ref[x.case_id],
            order=(12, x.pk),
        )
        for x in window.on_or_before(rows, "received_at")
    ]


def _correction_words(x: IncomingInformation) -> str:
    return _("Skäl till rättelsen: %(reason)s") % {"reason": x.correction_reason} if x.corrects_id else ""


def _disclosures(child_id: int, ids: list[int], ref: dict[int, str], window: _Window) -> list[Event]:
    """What was disclosed about the child: a disclosure about a relative is the register's, not the child's
    timeline's (and may be about a relative the reader is not named for), and so is one about a destination."""
    # A disclosure about a protected destination (a transfer while one is live) is the register's, for the
    # staff named for it; never the timeline's.
    rows = Disclosure.objects.filter(case_id__in=ids, person_id=child_id, destination=False).select_related(
        "legal_basis"
    )
    return [
        Event(
            _start_of(d.disclosed_on),
            _("Rättat utlämnande") if d.corrects_id else _("Utlämnande"),
            f"{d.get_recipient_kind_display()}: {d.recipient} · {d.legal_basis}",
            d.what,
            ref[d.case_id],
            order=(11, d.pk),
        )
        for d in window.on_or_before_day(rows.defer("assessment"), "disclosed_on")
    ]


def _meeting_items(ids: list[int], ref: dict[int, str], window: _Window) -> list[Event]:
    """What a meeting with partners said about the child's case, on the meeting's day."""
    rows = MeetingItem.objects.filter(case_id__in=ids).select_related("meeting").defer("child_said", "guardians_said")
    return [
        Event(
            _start_of(i.meeting.held_on),
            _("Rättad punkt från samverkansmöte") if i.corrects_id else _("Samverkansmöte"),
            f"{i.meeting.get_kind_display()}: {i.meeting.title}",
            f"{i.discussed}\n{i.decided}".strip(),
            ref[i.case_id],
            order=(12, i.pk),
        )
        for i in window.on_or_before_day(rows, "meeting__held_on")
    ]
