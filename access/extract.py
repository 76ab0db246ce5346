"""The access-log extract: a reviewer's question answered as the rows of a file, for `reports.exports`.

The same rows the log page shows (`review.matching_events`: all of the log for a log reviewer, their
unit's for a unit manager), newest first, with the same names and words, in chunks: one query per
chunk for the events and three for their names, so memory stays flat however many rows match.
Each row says whom it names, so the export is logged naming every person in the file.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import batched
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from access import review
from access.actor import Actor
from access.models import AccessAction, AccessEvent
from access.viewnames import view_words
from accounts.models import Role, User
from cases.models import Case

EXTRACT_VIEW = "access_log.export"
CHUNK = 2000
Subject = tuple[int | None, int | None]
_FIELDS = (
    "id",
    "occurred_at",
    "username",
    "role",
    "action",
    "view_name",
    "person_id",
    "case_id",
    "emergency",
    "reason",
    "request_id",
    "ip_address",
)


@dataclass(frozen=True)
class LogExtract:
    total: int
    header: list[str]
    rows: Iterator[tuple[list[object], list[Subject]]]


def log_extract(actor: Actor, question: review.LogQuestion) -> LogExtract:
    events = review.matching_events(actor.user, question).order_by("-occurred_at", "-id")
    return LogExtract(total=events.count(), header=_header(), rows=_rows(actor.user, events))


def _header() -> list[str]:
    words = ("Tid", "Användare", "Roll", "Händelse", "Vy", "Person", "Ärende", "Nödåtkomst", "Skäl")
    return [*(_(word) for word in words), _("Begäran"), _("IP-adress"), _("Skyddad vistelseort")]


def _rows(reviewer: User, events: QuerySet[AccessEvent]) -> Iterator[tuple[list[object], list[Subject]]]:
    for chunk in batched(events.values(*_FIELDS).iterator(chunk_size=CHUNK), CHUNK):
        person_ids = {row["person_id"] for row in chunk if row["person_id"] is not None}
        case_ids = {row["case_id"] for row in chunk if row["case_id"] is not None}
        people = review.person_names(reviewer, person_ids)
        users = review.user_names({row["username"] for row in chunk})
        references = dict(Case.objects.filter(id__in=case_ids).values_list("id", "reference")) if case_ids else {}
        for row in chunk:
            person = row["person_id"]
            yield _cells(row, people, users, references), [(person, None)] if person is not None else []


def _cells(
    row: dict[str, Any], people: dict[int, str], users: dict[str, str], references: dict[int, str]
) -> list[object]:
    role, action = row["role"], row["action"]
    person, case_id = row["person_id"], row["case_id"]
    return [
        timezone.localtime(row["occurred_at"]).strftime("%Y-%m-%d %H:%M:%S"),
        users.get(row["username"], row["username"]),
        Role(role).label if role in Role.values else role,
        AccessAction(action).label if action in AccessAction.values else action,
        view_words(row["view_name"]),
        people.get(person, "") if person is not None else "",
        references.get(case_id, case_id) if case_id is not None else "",
        _("Ja") if row["emergency"] else "",
        row["reason"],
        row["request_id"],
        row["ip_address"] or "",
        # Flagged like on the log page: a destination shown, named or refused is what a reviewer looks for.
        _("Ja") if review.is_destination(action, row["view_name"]) else "",
    ]
