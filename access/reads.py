"""Reads of single records: look up through the visibility rules and log, in one transaction.

If the log row cannot be written the transaction fails and nothing is shown. A denied attempt is
logged (with the record it aimed at, when that exists) and answered exactly like a missing record.
"""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NoReturn

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404

from access import rules, selectors
from access.actor import Actor
from access.log import write_access_events
from access.models import AccessAction, EmergencyAccess
from cases.models import Case
from core.uuids import parse_uuid
from people.models import Person


@dataclass(frozen=True)
class CaseRead:
    """A case as this user may see it, and what the read allows: the one answer every page works from.

    `grant` is the live emergency grant the case is seen through (None when the user's own scope covers
    it). `may_write`: the user may change the case on this page; never through a grant.
    """

    case: Case
    grant: EmergencyAccess | None
    may_write: bool


def read_person(actor: Actor, public_id: object, *, view_name: str, action: AccessAction = AccessAction.VIEW) -> Person:
    key = parse_uuid(public_id)
    with transaction.atomic():
        person = selectors.visible_persons(actor.user).filter(public_id=key).first() if key else None
        if person is not None:
            write_access_events(actor, action=action, view_name=view_name, subjects=[(person.pk, None)])
            return person
        target = Person.objects.filter(public_id=key).values_list("pk", flat=True).first() if key else None
        write_access_events(actor, action=AccessAction.DENIED, view_name=view_name, subjects=[(target, None)])
    raise Http404


def _readable_case(
    actor: Actor, key: uuid.UUID | None, *, view_name: str, action: AccessAction, for_change: bool
) -> CaseRead | None:
    """The case if the actor may see it (or change it), with its log row; else None and a DENIED row."""
    case = (
        selectors.visible_cases(actor.user, include_emergency=not for_change)
        .select_related("child", "team__unit", "responsible")
        .filter(public_id=key)
        .first()
        if key
        else None
    )
    may_change = case is not None and rules.may_change_case(actor.user, case)
    if case is not None and (may_change or not for_change):
        # A change never goes through emergency access, so there is no grant to look up for one.
        grant = None if for_change else selectors.is_emergency_access(actor.user, case)
        write_access_events(actor, action=action, view_name=view_name, subjects=[(case.child_id, case.pk)])
        return CaseRead(case=case, grant=grant, may_write=may_change and grant is None)
    target = Case.objects.filter(public_id=key).values_list("pk", "child_id").first() if key else None
    write_access_events(
        actor,
        action=AccessAction.DENIED,
        view_name=view_name,
        subjects=[(target[1], target[0]) if target else (None, None)],
    )
    return None


@contextmanager
def reading_case(
    actor: Actor,
    public_id: object,
    *,
    view_name: str,
    action: AccessAction = AccessAction.VIEW,
    for_change: bool = False,
) -> Iterator[CaseRead]:
    """One transaction for reading a case and what the page shows with it, and all their log rows.

    One commit per page, not one per read: on PostgreSQL each commit waits for the log to reach disk.
    If the body fails, the case's log row rolls back with it, and nothing is shown. A refusal commits
    its DENIED row and then raises Http404.
    """
    key = parse_uuid(public_id)
    with transaction.atomic():
        read = _readable_case(actor, key, view_name=view_name, action=action, for_change=for_change)
        if read is not None:
            yield read
            return
    raise Http404


def read_case(
    actor: Actor,
    public_id: object,
    *,
    view_name: str,
    action: AccessAction = AccessAction.VIEW,
    for_change: bool = False,
) -> CaseRead:
    """The case as the user may see it, and whether through break-the-glass access.

    `for_change`: a form about to change the case; only those who may change it get it (never through
    emergency access), and the same refusal as for a case they cannot see.
    """
    with reading_case(actor, public_id, view_name=view_name, action=action, for_change=for_change) as read:
        return read
    raise AssertionError("reading_case either yields a case or raises Http404")


@contextmanager
def changing_case(actor: Actor, public_id: object, *, view_name: str) -> Iterator[Case]:
    """One transaction for a change to a case: the need-to-know check, its log row and the change.

    Every service that writes to a case runs inside this. What the log ends up holding:
    - the change went through: a WRITE row, committed with the change;
    - the case is not the actor's to change: a DENIED row, committed, and then Http404;
    - the change was refused as bad input (ValidationError): the change and its WRITE row roll back,
      and a REFUSED row with the error codes records the attempt.
    """
    key = parse_uuid(public_id)
    refused_on: Case | None = None
    try:
        with transaction.atomic():
            read = _readable_case(actor, key, view_name=view_name, action=AccessAction.WRITE, for_change=True)
            if read is not None:
                refused_on = read.case
                yield read.case
                return
    except ValidationError as exc:
        if refused_on is not None:
            write_access_events(
                actor,
                action=AccessAction.REFUSED,
                view_name=view_name,
                subjects=[(refused_on.child_id, refused_on.pk)],
                reason=_error_codes(exc),
            )
        raise
    raise Http404


def _error_codes(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return ", ".join(f"{field}:{e.code}" for field, errors in exc.error_dict.items() for e in errors)
    return ", ".join(str(e.code) for e in exc.error_list)


def refuse(actor: Actor, *, view_name: str) -> NoReturn:
    """A page reserved to other roles: a `denied` row naming no one (there is no record to name), then 404.

    So the log shows who tried the work queue, the log, the accounts or a report without the role for it.
    """
    write_access_events(actor, action=AccessAction.DENIED, view_name=view_name, subjects=[(None, None)])
    raise Http404


def log_result_set(
    actor: Actor, *, action: AccessAction, view_name: str, subjects: list[tuple[int | None, int | None]]
) -> None:
    """For lists, searches and exports: one row per person/case shown, written before rendering."""
    write_access_events(actor, action=action, view_name=view_name, subjects=subjects)
