"""What a reviewer may review, and asking the log: the log reviewer sees everything; a unit manager their unit.

A reviewer sees log rows (who, when, what, ids), never case content. Asking the log is itself a read of
personal data when it names a person (it tells that the person is known here), so each question is
logged too, and reviewers are reviewed like everybody else.
"""

import random
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.models import AccessAction, AccessEvent, EmergencyAccess, ProtectedIdentityAuthorization
from access.reads import log_result_set
from access.viewnames import view_words
from accounts.models import Role, User
from cases.models import Case
from core.identity import IdentityNumber, identity_indexes
from people.models import Person, ProtectionLevel

LOG_PAGE_SIZE = 100
# Where a protected destination is shown, named or refused (`AccessAction.DESTINATION`, and the views
# around it): flagged on every row, and a filter of its own, like emergency access.
DESTINATION_VIEWS = ("protection.destination", "access.destination_naming")
SAMPLE_SIZE = 25
# Random ids are drawn in rounds; a round that finds nothing new (a sparse filter) ends the draw.
_SAMPLE_ROUNDS = 4


def reviewable_events(reviewer: User) -> QuerySet[AccessEvent]:
    if reviewer.role == Role.LOG_REVIEWER:
        return AccessEvent.objects.all()
    if reviewer.role == Role.UNIT_MANAGER and reviewer.unit_id is not None:
        staff = User.objects.filter(Q(unit_id=reviewer.unit_id) | Q(team__unit_id=reviewer.unit_id)).values("id")
        cases = Case.objects.filter(team__unit_id=reviewer.unit_id).values("id")
        return AccessEvent.objects.filter(Q(user_id__in=staff) | Q(case_id__in=cases))
    return AccessEvent.objects.none()


def reviewable_cases(reviewer: User) -> QuerySet[Case]:
    """The cases whose registers a reviewer may audit (what was disclosed, on which provision), never their
    content: the log reviewer every case, a unit manager their unit's."""
    if reviewer.role == Role.LOG_REVIEWER:
        return Case.objects.all()
    if reviewer.role == Role.UNIT_MANAGER and reviewer.unit_id is not None:
        return Case.objects.filter(team__unit_id=reviewer.unit_id)
    return Case.objects.none()


def reviewable_grants(reviewer: User) -> QuerySet[EmergencyAccess]:
    """Emergency grants this reviewer may review: never their own."""
    grants = EmergencyAccess.objects.exclude(user=reviewer).select_related("user", "case")
    if reviewer.role == Role.LOG_REVIEWER:
        return grants
    if reviewer.role == Role.UNIT_MANAGER and reviewer.unit_id is not None:
        # A manager's own path into a protected child's case is the log reviewer's to review.
        return grants.filter(lifts_protection=False).filter(
            Q(case__team__unit_id=reviewer.unit_id)
            | Q(user__unit_id=reviewer.unit_id)
            | Q(user__team__unit_id=reviewer.unit_id)
        )
    return grants.none()


def pending_grants(reviewer: User) -> list[EmergencyAccess]:
    return list(reviewable_grants(reviewer).filter(reviewed_at__isnull=True).order_by("started_at"))


@dataclass(frozen=True)
class LogQuestion:
    """What a reviewer asks the log. Dates are local calendar days, both inclusive."""

    first_day: date
    last_day: date
    # None: anyone; (): a number or reference that matched nothing, so nothing is found.
    person_ids: tuple[int, ...] | None = None
    case_ids: tuple[int, ...] | None = None
    username: str = ""
    action: str = ""
    emergency_only: bool = False
    destination_only: bool = False

    def period(self) -> tuple[datetime, datetime]:
        start = timezone.make_aware(datetime.combine(self.first_day, time.min))
        end = timezone.make_aware(datetime.combine(self.last_day + timedelta(days=1), time.min))
        return start, end

    def to_json(self) -> dict[str, Any]:
        """For a background export (`reports.exports`): ids and plain values only, no identity number."""
        data = asdict(self)
        data.update(first_day=self.first_day.isoformat(), last_day=self.last_day.isoformat())
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "LogQuestion":
        def ids(key: str) -> tuple[int, ...] | None:
            return None if data[key] is None else tuple(int(pk) for pk in data[key])

        return cls(
            first_day=date.fromisoformat(data["first_day"]),
            last_day=date.fromisoformat(data["last_day"]),
            person_ids=ids("person_ids"),
            case_ids=ids("case_ids"),
            username=str(data["username"]),
            action=str(data["action"]),
            emergency_only=bool(data["emergency_only"]),
            # An export asked before the filter existed has no such key.
            destination_only=bool(data.get("destination_only", False)),
        )


# The log holds no row outside these years; a cursor or period beyond them is refused, not computed with.
MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: strictly older than this row (newest first)."""

    occurred_at: datetime
    event_id: int

    def encode(self) -> str:
        return f"{self.occurred_at.isoformat()}|{self.event_id}"

    @classmethod
    def decode(cls, raw: str) -> "Cursor | None":
        """A cursor this page made; anything else (a crafted one) is no cursor, never a 500."""
        stamp, _sep, event_id = (raw or "").partition("|")
        try:
            at, pk = datetime.fromisoformat(stamp), int(event_id)
        except ValueError:
            return None
        if at.tzinfo is None or not (MIN_YEAR <= at.year <= MAX_YEAR) or not (0 < pk < 2**63):
            return None
        return cls(at, pk)


@dataclass(frozen=True)
class LogRow:
    """One log row as a reviewer reads it: names and plain words instead of ids and codes."""

    event: AccessEvent
    case_reference: str  # "" when the row names no case, or the case is gone
    person: str  # the person's name; "Skyddad person" unless the reviewer is named for them; "" for none
    user: str  # the staff member's name, as the account has it now
    role: str
    view: str
    destination: bool = False  # a protected destination was shown, or someone tried (`DESTINATION_VIEWS`)


@dataclass
class LogAnswer:
    rows: list[LogRow]
    next_cursor: Cursor | None = None
    sample_seed: int | None = None


def matching_events(reviewer: User, question: LogQuestion) -> QuerySet[AccessEvent]:
    start, end = question.period()
    events = reviewable_events(reviewer).filter(occurred_at__gte=start, occurred_at__lt=end)
    if question.person_ids is not None:
        events = events.filter(person_id__in=question.person_ids)
    if question.case_ids is not None:
        events = events.filter(case_id__in=question.case_ids)
    if question.username:
        events = events.filter(username=question.username)
    if question.action:
        events = events.filter(action=question.action)
    if question.emergency_only:
        events = events.filter(emergency=True)
    if question.destination_only:
        events = events.filter(destination_rows())
    return events


def destination_rows() -> Q:
    shown = Q(action=AccessAction.DESTINATION)
    for prefix in DESTINATION_VIEWS:
        shown |= Q(view_name__startswith=prefix)
    return shown


def is_destination_row(event: AccessEvent) -> bool:
    return is_destination(event.action, event.view_name)


def is_destination(action: str, view_name: str) -> bool:
    return action == AccessAction.DESTINATION or view_name.startswith(DESTINATION_VIEWS)


def persons_with_number(number: IdentityNumber) -> tuple[int, ...]:
    """Whoever carries this number here, visible to the reviewer or not: the log outlives visibility."""
    return tuple(Person.objects.filter(identity_index__in=identity_indexes(number)).values_list("id", flat=True))


def cases_with_reference(reference: str) -> tuple[int, ...]:
    return tuple(Case.objects.filter(reference=reference.strip()).values_list("id", flat=True))


def _rows(actor: Actor, events: list[AccessEvent]) -> list[LogRow]:
    """With each case's reference, each person's and user's name, in three queries whatever the page.

    The names of the persons shown are personal data read by the reviewer, so they are logged (one
    `list` row each, `access_log.names`), in the caller's transaction. A protected person is shown by
    name only to a reviewer named for them.
    """
    case_ids = {event.case_id for event in events if event.case_id is not None}
    references = dict(Case.objects.filter(id__in=case_ids).values_list("id", "reference")) if case_ids else {}
    people = person_names(actor.user, {event.person_id for event in events if event.person_id is not None})
    users = user_names({event.username for event in events})
    if people:
        log_result_set(
            actor, action=AccessAction.LIST, view_name="access_log.names", subjects=[(pk, None) for pk in people]
        )
    return [
        LogRow(
            event,
            case_reference=references.get(event.case_id, "") if event.case_id else "",
            person=people.get(event.person_id, "") if event.person_id else "",
            user=users.get(event.username, event.username),
            role=str(Role(event.role).label) if event.role in Role.values else event.role,
            view=view_words(event.view_name),
            destination=is_destination_row(event),
        )
        for event in events
    ]


def person_names(reviewer: User, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    named = set(
        ProtectedIdentityAuthorization.objects.filter(user=reviewer, person_id__in=ids).values_list(
            "person_id", flat=True
        )
    )
    rows = Person.objects.filter(id__in=ids).values_list("id", "given_name", "family_name", "protection_level")
    return {
        pk: f"{given} {family}" if level == ProtectionLevel.NONE or pk in named else str(_("Skyddad person"))
        for pk, given, family, level in rows
    }


def user_names(usernames: set[str]) -> dict[str, str]:
    rows = User.objects.filter(username__in=usernames).values_list("username", "first_name", "last_name")
    return {name: f"{first} {last} ({name})".strip() if first or last else name for name, first, last in rows}


def log_question(actor: Actor, question: LogQuestion, view_name: str) -> None:
    """The question, not the answer: the rows shown are log rows, not records of the persons."""
    subjects: list[tuple[int | None, int | None]] = [(pid, None) for pid in question.person_ids or ()]
    subjects += [(None, cid) for cid in question.case_ids or ()]
    log_result_set(actor, action=AccessAction.SEARCH, view_name=view_name, subjects=subjects)


def search_log(actor: Actor, question: LogQuestion, *, older_than: Cursor | None = None) -> LogAnswer:
    """One page of matching rows, newest first, by keyset so a deep page costs what the first does."""
    events = matching_events(actor.user, question)
    if older_than is not None:
        events = events.filter(
            Q(occurred_at__lt=older_than.occurred_at)
            | Q(occurred_at=older_than.occurred_at, id__lt=older_than.event_id)
        )
    with transaction.atomic():
        rows = list(events.order_by("-occurred_at", "-id")[: LOG_PAGE_SIZE + 1])
        log_question(actor, question, "access_log.search")
        page = rows[:LOG_PAGE_SIZE]
        shown = _rows(actor, page)
    more = len(rows) > LOG_PAGE_SIZE
    return LogAnswer(
        rows=shown,
        next_cursor=Cursor(page[-1].occurred_at, page[-1].pk) if more else None,
    )


def _id_range(events: QuerySet[AccessEvent]) -> tuple[int, int] | None:
    """The id span of the period, read off the time index: ids grow with time, so the ends bound it."""
    first = events.order_by("occurred_at", "id").values_list("id", flat=True).first()
    last = events.order_by("-occurred_at", "-id").values_list("id", flat=True).first()
    if first is None or last is None:
        return None
    return min(first, last), max(first, last)


def sample_log(actor: Actor, question: LogQuestion, *, seed: int, size: int = SAMPLE_SIZE) -> LogAnswer:
    """A random sample (stickprov) of the matching rows; the same seed draws the same sample again.

    Drawn as random ids in the period's id range, so it costs a few index lookups however large the
    log is. With a narrow filter few drawn ids match: then the sample is smaller, and the page says so.
    """
    events = matching_events(actor.user, question)
    found: dict[int, AccessEvent] = {}
    span = _id_range(events)
    if span is not None:
        draw = random.Random(seed)
        population = span[1] - span[0] + 1
        for _round in range(_SAMPLE_ROUNDS):
            wanted = min(population, (size - len(found)) * 3)
            ids = {draw.randint(*span) for _ in range(wanted)} - found.keys()
            new = {event.pk: event for event in events.filter(id__in=ids)}
            found.update(new)
            if len(found) >= size or not new or len(found) >= population:
                break
    ordered = sorted(found.values(), key=lambda event: event.pk)
    chosen = ordered if len(ordered) <= size else random.Random(seed).sample(ordered, size)
    chosen.sort(key=lambda event: (event.occurred_at, event.pk), reverse=True)
    with transaction.atomic():
        log_question(actor, question, "access_log.sample")
        shown = _rows(actor, chosen)
    return LogAnswer(rows=shown, sample_seed=seed)
