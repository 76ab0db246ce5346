"""What each kind of export is: who may ask for it, what its rows are, and what its file is called.

The rule is asked twice, with the same function: in the request that asks for the file, and by the
worker, as of the requester at the time the file is made. The rows come from the same reads as the
pages (`reports.delegation_file`, `access.extract`), so the file shows no more than the page would.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from access import rules
from access.actor import Actor
from access.extract import EXTRACT_VIEW, log_extract
from access.review import LogQuestion, log_question
from accounts.models import User
from reports.delegation import VIEW_NAME as DELEGATION_VIEW
from reports.delegation_file import delegation_file
from reports.models import ExportKind

Subject = tuple[int | None, int | None]


class FileRows(Protocol):
    """A file's rows: how many (for the progress bar), the header, and each row with whom it names."""

    @property
    def total(self) -> int: ...
    @property
    def header(self) -> list[str]: ...
    @property
    def rows(self) -> Iterator[tuple[list[object], list[Subject]]]: ...


@dataclass(frozen=True)
class Kind:
    may: Callable[[User], bool]
    # The access log's view name: of the rows naming each person in the file, and of refusals.
    view_name: str
    rows: Callable[[Actor, dict[str, Any]], FileRows]
    # What asking logs, in the request's transaction: a log question is logged like every question.
    asked: Callable[[Actor, dict[str, Any]], None]
    # The name the browser saves the file under (only the period: the file name says nothing of persons).
    download_name: Callable[[dict[str, Any]], str]


def _period(parameters: dict[str, Any]) -> str:
    return f"{parameters['first_day']}-{parameters['last_day']}"


def _delegation_rows(actor: Actor, parameters: dict[str, Any]) -> FileRows:
    return delegation_file(
        actor,
        first_day=date.fromisoformat(parameters["first_day"]),
        last_day=date.fromisoformat(parameters["last_day"]),
    )


def _log_rows(actor: Actor, parameters: dict[str, Any]) -> FileRows:
    return log_extract(actor, LogQuestion.from_json(parameters))


KINDS: dict[str, Kind] = {
    ExportKind.DELEGATION: Kind(
        may=rules.may_report_delegation,
        view_name=DELEGATION_VIEW,
        rows=_delegation_rows,
        asked=lambda actor, parameters: None,  # a period names no one
        download_name=lambda parameters: f"delegationsbeslut-{_period(parameters)}.csv",
    ),
    ExportKind.ACCESS_LOG: Kind(
        may=rules.may_review_logs,
        view_name=EXTRACT_VIEW,
        rows=_log_rows,
        asked=lambda actor, parameters: log_question(actor, LogQuestion.from_json(parameters), EXTRACT_VIEW),
        download_name=lambda parameters: f"atkomstlogg-{_period(parameters)}.csv",
    ),
}


def may_export(user: User) -> bool:
    """Whether the user may ask for any kind of export (and so has a list of their own)."""
    return any(kind.may(user) for kind in KINDS.values())
