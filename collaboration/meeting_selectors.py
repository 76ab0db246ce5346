"""Reading meetings with partners: the unit's list, a meeting's page, the case's own items, the item form.

The meeting names no child, so the list is no read of anyone. On a meeting's page each case on the agenda
is shown only to a reader who may read that case (`access.selectors.visible_cases`, without emergency
access: a meeting's page is not the place to break the glass); the others are only counted. Each item
shown is a read of its case and is logged as one, with each relative of the child named on it.
"""

from dataclasses import dataclass, replace
from datetime import timedelta
from uuid import UUID

from django.db import transaction
from django.db.models import Count, Prefetch
from django.http import Http404
from django.utils import timezone

from access import rules
from access import selectors as access
from access.actor import Actor
from access.log import batched
from access.models import AccessAction
from access.permissions import CaseAction
from access.reads import CaseRead, log_result_set, read_case, reading_case, refuse
from collaboration.meetings import meeting_of_case
from collaboration.models import Disclosure, Meeting, MeetingAttendance, MeetingItem
from collaboration.persons import hidden_relatives, persons_of_case
from core.uuids import parse_uuid
from people.models import Person

# The unit's list: a year back and what is planned ahead. [ours]
LIST_BACK = timedelta(days=366)
# What the case's page offers to add the case to: meetings held in the last two months or planned in the
# next two. [ours]
OFFER_BACK = OFFER_AHEAD = timedelta(days=62)


@dataclass(frozen=True)
class MeetingsPage:
    meetings: list[Meeting]  # each with `item_count`
    may_hold: bool


def meetings_page(actor: Actor) -> MeetingsPage:
    """The unit's meetings, newest first, with how many items each has: one query."""
    if not rules.may_read_meetings(actor.user):
        refuse(actor, view_name="collaboration.meetings")
    since = timezone.localdate() - LIST_BACK
    unit_id = rules.unit_id_of(actor.user)
    assert unit_id is not None  # may_read_meetings asks for a unit
    meetings = (
        Meeting.objects.filter(unit_id=unit_id, held_on__gte=since)
        .annotate(item_count=Count("items"))
        .order_by("-held_on", "-id")
    )
    return MeetingsPage(meetings=list(meetings), may_hold=rules.may_hold_meetings(actor.user))


def unit_meeting(actor: Actor, meeting_id: object, *, view_name: str) -> Meeting:
    """A meeting of the reader's unit; any other is refused like a missing page."""
    key = parse_uuid(meeting_id)
    meeting, unit_id = None, rules.unit_id_of(actor.user)
    if key and unit_id is not None and rules.may_read_meetings(actor.user):
        meeting = Meeting.objects.filter(public_id=key, unit_id=unit_id).select_related("created_by").first()
    if meeting is None:
        refuse(actor, view_name=view_name)
    return meeting


@dataclass(frozen=True)
class ItemRow:
    item: MeetingItem
    attendance: list[MeetingAttendance]  # those the reader may see
    corrected: bool  # a newer item corrects this one
    # What the item led to in the register, as the reader may see it (on the case's page only).
    disclosures: tuple[Disclosure, ...] = ()


@dataclass(frozen=True)
class MeetingPage:
    meeting: Meeting
    rows: list[ItemRow]  # the items of cases the reader may read, in the order they were written
    hidden_cases: int  # cases on the agenda the reader may not read: only counted


def meeting_page(actor: Actor, meeting_id: object) -> MeetingPage:
    """The meeting and its agenda: the same few queries for any number of items."""
    meeting = unit_meeting(actor, meeting_id, view_name="collaboration.meeting")
    with transaction.atomic(), batched():
        every = list(
            MeetingItem.objects.filter(meeting=meeting)
            .select_related("case", "recorded_by")
            .prefetch_related(Prefetch("attendance", queryset=MeetingAttendance.objects.select_related("person")))
        )
        case_ids = {i.case_id for i in every}
        readable = (
            set(
                access.visible_cases(actor.user, include_emergency=False)
                .filter(id__in=case_ids)
                .values_list("id", flat=True)
            )
            if case_ids
            else set()
        )
        shown = [i for i in every if i.case_id in readable]
        rows = _rows(actor, shown, view_name="collaboration.meeting")
        cases = {i.case_id: i.case for i in shown}
        if cases:
            log_result_set(
                actor,
                action=AccessAction.VIEW,
                view_name="collaboration.meeting.items",
                subjects=[(c.child_id, c.pk) for c in cases.values()],
            )
    return MeetingPage(meeting=meeting, rows=rows, hidden_cases=len(case_ids - readable))


def _rows(actor: Actor, items: list[MeetingItem], *, view_name: str) -> list[ItemRow]:
    """Each item with the invited persons the reader may see (a protected relative they are not named for
    is left out), each relative shown logged as a LIST row of the item's case: one query for them all."""
    named = {a.person_id: i.case for i in items for a in i.attendance.all() if a.person_id != i.case.child_id}
    seen: set[int] = set()
    if named:
        candidates = Person.objects.filter(pk__in=named)
        seen = set(access.visible_persons_among(actor.user, candidates).values_list("pk", flat=True))
        shown = sorted(pk for pk in named if pk in seen)
        if shown:
            log_result_set(
                actor,
                action=AccessAction.LIST,
                view_name=f"{view_name}.persons",
                subjects=[(pk, named[pk].pk) for pk in shown],
            )
    corrected = {i.corrects_id for i in items if i.corrects_id}
    return [
        ItemRow(
            item=i,
            attendance=[a for a in i.attendance.all() if a.person_id == i.case.child_id or a.person_id in seen],
            corrected=i.pk in corrected,
        )
        for i in items
    ]


@dataclass(frozen=True)
class CaseMeetingsPage:
    read: CaseRead
    rows: list[ItemRow]  # the case's items, newest meeting first
    offered: list[Meeting]  # the unit's meetings held lately, which the case may be added to, for who may
    planned: list[Meeting]  # the unit's meetings in the next weeks: an item is written after the meeting


def case_meetings_page(actor: Actor, public_id: object) -> CaseMeetingsPage:
    """The case's items from meetings, and the unit's meetings to add it to."""
    with reading_case(actor, public_id, view_name="collaboration.case_meetings") as read:
        items = list(
            MeetingItem.objects.filter(case=read.case)
            .select_related("case", "meeting", "recorded_by")
            .prefetch_related(Prefetch("attendance", queryset=MeetingAttendance.objects.select_related("person")))
            .order_by("-meeting__held_on", "recorded_at", "id")
        )
        rows = _with_disclosures(actor, read, _rows(actor, items, view_name="collaboration.case_meetings"))
        offered: list[Meeting] = []
        today = timezone.localdate()
        if CaseAction.MEETING in read.actions:
            offered = list(
                Meeting.objects.filter(
                    unit_id=read.case.team.unit_id,
                    held_on__gte=today - OFFER_BACK,
                    held_on__lte=today + OFFER_AHEAD,
                ).order_by("-held_on", "-id")
            )
        return CaseMeetingsPage(
            read=read,
            rows=rows,
            offered=[m for m in offered if m.held_on <= today],
            planned=[m for m in offered if m.held_on > today],
        )


def _with_disclosures(actor: Actor, read: CaseRead, rows: list[ItemRow]) -> list[ItemRow]:
    """Each item with the disclosures made from it, kept from the reader as the register keeps them: one
    about a relative they may not see, or about a protected destination they are not named for. The
    register's own read logs its rows; these are the case's, already logged as the page's view."""
    if not rows:
        return rows
    hidden = hidden_relatives(actor.user, read.case)
    made = Disclosure.objects.filter(meeting_item__in=[row.item.pk for row in rows]).select_related("legal_basis")
    by_item: dict[int, list[Disclosure]] = {}
    for disclosure in made.order_by("disclosed_on", "id"):
        if disclosure.person_id in hidden or (disclosure.destination and not read.sees_destination):
            continue
        by_item.setdefault(disclosure.meeting_item_id or 0, []).append(disclosure)
    return [replace(row, disclosures=tuple(by_item.get(row.item.pk, ()))) for row in rows]


@dataclass(frozen=True)
class ItemFormRead:
    read: CaseRead
    meeting: Meeting
    persons: list[Person]
    corrects: MeetingItem | None


def item_form_read(
    actor: Actor, public_id: object, meeting_id: object, *, corrects: UUID | None = None
) -> ItemFormRead:
    """The read behind the item form: who may write into the case, the meeting of the case's unit, and
    whom the call-in may name (each relative offered a LIST row)."""
    read = read_case(actor, public_id, view_name="collaboration.meeting.item.form", for_action=CaseAction.MEETING)
    meeting = meeting_of_case(read.case, meeting_id)
    if meeting is None:
        raise Http404
    persons = persons_of_case(actor.user, read.case)
    if len(persons) > 1:
        log_result_set(
            actor,
            action=AccessAction.LIST,
            view_name="collaboration.meeting.item.form.persons",
            subjects=[(p.pk, read.case.pk) for p in persons[1:]],
        )
    original = None
    if corrects is not None:
        original = (
            MeetingItem.objects.filter(case=read.case, meeting=meeting, public_id=corrects)
            .prefetch_related("attendance__person")
            .first()
        )
        if original is None:
            raise Http404
    return ItemFormRead(read=read, meeting=meeting, persons=persons, corrects=original)
