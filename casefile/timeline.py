"""The child's timeline: every signal, assessment, decision, journal entry and clock, in order.

It covers every case of the child that the reader may see (a child may have had several cases over
the years), reached from one of them. One query per kind of record, whatever the number of events.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.translation import gettext as _

from access import selectors as access
from access.actor import Actor
from access.models import AccessAction
from access.reads import log_result_set, reading_case
from cases.models import Case
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

    @property
    def when(self) -> str:
        """Formatted here, not in the template: a long timeline renders a thousand of these."""
        return f"{timezone.localtime(self.at):%Y-%m-%d %H:%M}"


@dataclass
class Timeline:
    case: Case
    child: Person
    events: list[Event]


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(23, 59)))


def child_timeline(actor: Actor, public_id: object) -> Timeline:
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
        events = [
            *_signals(ids, ref),
            *_assessments(ids, ref),
            *_investigations(ids, ref),
            *_decisions(ids, ref),
            *_journal(ids, ref),
            *_disputes(ids, ref),
            *_deadlines(ids, ref),
        ]
    events.sort(key=lambda e: e.at)
    return Timeline(case=case, child=case.child, events=events)


def _signals(ids: list[int], ref: dict[int, str]) -> list[Event]:
    return [
        Event(
            s.received_at,
            _("Aktualisering"),
            f"{s.get_kind_display()} · {s.reporter_organisation or s.get_reporter_type_display()}",
            s.content,
            ref[s.case_id],
        )
        for s in Signal.objects.filter(case_id__in=ids).defer("reporter_name", "reporter_contact")
    ]


def _assessments(ids: list[int], ref: dict[int, str]) -> list[Event]:
    protection = [
        Event(a.assessed_at, _("Skyddsbedömning"), a.get_outcome_display(), a.measures, ref[a.signal.case_id])
        for a in ProtectionAssessment.objects.filter(signal__case_id__in=ids)
        .select_related("signal")
        .only("assessed_at", "outcome", "measures", "signal__case_id")
    ]
    preliminary = [
        Event(
            _start_of(a.decided_on),
            _("Förhandsbedömning"),
            f"{a.get_decision_display()} ({a.delegation.code})" if a.delegation else a.get_decision_display(),
            a.reasons,
            ref[a.signal.case_id],
        )
        for a in PreliminaryAssessment.objects.filter(signal__case_id__in=ids)
        .select_related("signal", "delegation")
        .only("decided_on", "decision", "reasons", "signal__case_id", "delegation__code")
    ]
    return protection + preliminary


def _investigations(ids: list[int], ref: dict[int, str]) -> list[Event]:
    events = []
    for i in Investigation.objects.filter(case_id__in=ids).defer("child_views", "summary"):
        events.append(Event(_start_of(i.opened_on), _("Utredning inledd"), i.question, "", ref[i.case_id]))
        if i.completed_on:
            events.append(
                Event(_end_of(i.completed_on), _("Utredning avslutad"), i.get_outcome_display(), "", ref[i.case_id])
            )
    return events


def _decisions(ids: list[int], ref: dict[int, str]) -> list[Event]:
    return [
        Event(
            d.signed_at,
            _("Beslut"),
            d.get_kind_display(),
            f"{d.legal_basis} · {d.decided_by_name} ({d.delegation.code})",
            ref[d.case_id],
        )
        for d in Decision.objects.filter(case_id__in=ids).select_related("legal_basis", "delegation").defer("reasons")
    ]


def _journal(ids: list[int], ref: dict[int, str]) -> list[Event]:
    entries = JournalEntry.objects.filter(case_id__in=ids, signed_at__isnull=False).select_related("author")
    return [
        Event(
            e.signed_at or e.created_at,
            _("Rättelse") if e.corrects_id else _("Journalanteckning"),
            f"{e.event_date:%Y-%m-%d} · {e.author}",
            e.body,
            ref[e.case_id],
        )
        for e in entries
    ]


def _disputes(ids: list[int], ref: dict[int, str]) -> list[Event]:
    disputes = JournalDispute.objects.filter(entry__case_id__in=ids).select_related("entry", "recorded_by")
    return [
        Event(
            d.recorded_at,
            _("Uppgift bestrids"),
            f"{' '.join(filter(None, [d.get_disputed_by_display(), d.disputed_by_name]))} · "
            f"{_('anteckningen')} {d.entry.event_date:%Y-%m-%d}",
            d.statement,
            ref[d.entry.case_id],
        )
        for d in disputes
    ]


def _deadlines(ids: list[int], ref: dict[int, str]) -> list[Event]:
    today = timezone.localdate()
    events = []
    for d in Deadline.objects.filter(case_id__in=ids).select_related("legal_basis"):
        if d.met_at:
            state = "met"
        elif d.cancelled_at:
            state = "cancelled"
        else:
            state = "overdue" if d.due_on < today else "due"
        basis = f" ({d.legal_basis})" if d.legal_basis else ""
        events.append(
            Event(_end_of(d.due_on), _("Frist"), f"{d.get_kind_display()}{basis}", d.subject, ref[d.case_id], state)
        )
    for x in Extension.objects.filter(deadline__case_id__in=ids).select_related("deadline"):
        late = _(", beslutad %(days)d dagar efter att fristen gick ut") % {"days": x.days_late} if x.days_late else ""
        events.append(
            Event(
                x.decided_at,
                _("Förlängning i efterhand") if x.days_late else _("Förlängning"),
                f"{x.previous_due_on} → {x.new_due_on}{late}",
                x.reason,
                ref[x.deadline.case_id],
            )
        )
    return events
