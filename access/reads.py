"""Reads of single records: look up through the visibility rules and log, in one transaction.

If the log row cannot be written the transaction fails and nothing is shown. A denied attempt is
logged (with the record it aimed at, when that exists) and answered exactly like a missing record.
"""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import NoReturn

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from access import rules, selectors
from access.actor import Actor
from access.log import batched, write_access_events
from access.models import AccessAction, EmergencyAccess
from access.permissions import CaseAction
from accounts.models import User
from cases.models import Case
from core.uuids import parse_uuid
from people.models import Person


@dataclass(frozen=True)
class CaseRead:
    """A case as this user may see it, and what the read allows: the one answer every page works from.

    `grant` is the live emergency grant the case is seen through (None when the user's own scope covers
    it). `actions`: what the user's role may do in the case on this page (`access.permissions`); none
    through a grant. `may`: the same, by name, for templates (`may.decide`). `sees_restricted`: whether
    the programme's restricted data (connections, motivation windows) is this reader's to see; never
    through a grant. `sees_destination`: whether the case's protected destination is this reader's to
    see (`rules.may_see_destination`); never through a grant. Asked only by a page that would show one,
    so other reads pay no query for it.
    """

    case: Case
    grant: EmergencyAccess | None
    actions: frozenset[CaseAction]
    sees_restricted: bool = False
    reader: User | None = field(default=None, compare=False, repr=False)

    @cached_property
    def sees_destination(self) -> bool:
        return self.grant is None and self.reader is not None and rules.may_see_destination(self.reader, self.case)

    @property
    def may(self) -> dict[str, bool]:
        return {action.name.lower(): action in self.actions for action in CaseAction}


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


@dataclass(frozen=True)
class _Refused:
    """A refused read, its DENIED row written: `action` names the action the actor's role may not take
    in a case they may change (answered with PermissionDenied); None: not theirs at all (Http404)."""

    action: CaseAction | None = None

    def answer(self) -> NoReturn:
        if self.action is not None:
            raise PermissionDenied(self.action)
        raise Http404


def _readable_case(
    actor: Actor,
    key: uuid.UUID | None,
    *,
    view_name: str,
    action: AccessAction,
    for_action: CaseAction | None,
    restricted: bool = False,
    destination: bool = False,
) -> CaseRead | _Refused:
    """The case if the actor may see it (or take `for_action` in it), with its log row; else a DENIED row.

    `destination`: the page shows the case's protected destination, so a reader not named for it is
    refused like a missing record (a 403 would tell that there is something to hide)."""
    case = None
    if key:
        # The plain part of the rule first (the own scope's case of an unprotected child: nearly every
        # read), the whole rule only when that finds nothing. Either way the case is `visible_cases`'.
        related = ("child", "team__unit", "responsible")
        case = selectors.plainly_visible_cases(actor.user).select_related(*related).filter(public_id=key).first()
        if case is None:
            everything = selectors.visible_cases(actor.user, include_emergency=for_action is None)
            case = everything.select_related(*related).filter(public_id=key).first()
    actions = rules.case_actions(actor.user, case) if case is not None else frozenset()
    if case is not None and destination and not rules.may_see_destination(actor.user, case):
        # Before the role's check: to anyone not named, a destination page is missing, never forbidden.
        return _not_named(actor, case, view_name)
    if case is not None and restricted and for_action in actions and not rules.may_see_restricted(actor.user, case):
        # Theirs to change, but the programme's restricted data is the child's own team's alone.
        write_access_events(
            actor,
            action=AccessAction.DENIED,
            view_name=view_name,
            subjects=[(case.child_id, case.pk)],
            reason="restricted",
        )
        return _Refused(action=for_action)
    if case is not None and (for_action is None or for_action in actions):
        # A change never goes through emergency access, so there is no grant to look up for one.
        grant = None if for_action is not None else selectors.is_emergency_access(actor.user, case)
        if destination and grant is not None:
            return _not_named(actor, case, view_name)
        write_access_events(actor, action=action, view_name=view_name, subjects=[(case.child_id, case.pk)])
        # Emergency access is for reading, except the unit manager's own unit's protected child: that
        # grant exists so that the protection assessment can be done at once.
        writes = grant is None or grant.lifts_protection
        return CaseRead(
            case=case,
            grant=grant,
            actions=actions if writes else frozenset(),
            sees_restricted=grant is None and rules.may_see_restricted(actor.user, case),
            reader=actor.user,
        )
    if case is not None and actions:
        # Theirs to change, but not this action: nothing is hidden, and the row says which action.
        write_access_events(
            actor,
            action=AccessAction.DENIED,
            view_name=view_name,
            subjects=[(case.child_id, case.pk)],
            reason=f"role:{for_action}",
        )
        return _Refused(action=for_action)
    target = Case.objects.filter(public_id=key).values_list("pk", "child_id").first() if key else None
    write_access_events(
        actor,
        action=AccessAction.DENIED,
        view_name=view_name,
        subjects=[(target[1], target[0]) if target else (None, None)],
    )
    return _Refused()


def _not_named(actor: Actor, case: Case, view_name: str) -> _Refused:
    write_access_events(
        actor,
        action=AccessAction.DENIED,
        view_name=view_name,
        subjects=[(case.child_id, case.pk)],
        reason="destination",
    )
    return _Refused()


@contextmanager
def reading_case(
    actor: Actor,
    public_id: object,
    *,
    view_name: str,
    action: AccessAction = AccessAction.VIEW,
    for_action: CaseAction | None = None,
    restricted: bool = False,
    destination: bool = False,
) -> Iterator[CaseRead]:
    """One transaction for reading a case and what the page shows with it, and all their log rows.

    One commit per page, not one per read: on PostgreSQL each commit waits for the log to reach disk.
    If the body fails, the case's log row rolls back with it, and nothing is shown. A refusal commits
    its DENIED row and then raises Http404.
    """
    key = parse_uuid(public_id)
    with transaction.atomic(), batched():
        read = _readable_case(
            actor,
            key,
            view_name=view_name,
            action=action,
            for_action=for_action,
            restricted=restricted,
            destination=destination,
        )
        if isinstance(read, CaseRead):
            yield read
            return
    assert isinstance(read, _Refused)  # a readable case returned above
    read.answer()


def read_case(
    actor: Actor,
    public_id: object,
    *,
    view_name: str,
    action: AccessAction = AccessAction.VIEW,
    for_action: CaseAction | None = None,
    restricted: bool = False,
    destination: bool = False,
) -> CaseRead:
    """The case as the user may see it, and whether through break-the-glass access.

    `for_action`: a form about to take that action in the case; only those who may change the case get
    it (never through emergency access), with the same refusal as for a case they cannot see; a role
    that may change the case but not take the action is refused with PermissionDenied. `restricted`
    (with `for_action`): a form on the programme's restricted data, refused alike to anyone outside the
    child's own team and the named defector specialists (`rules.may_see_restricted`). `destination`: a
    page that shows the case's protected destination, for the staff named for it alone (404 to others).
    """
    with reading_case(
        actor,
        public_id,
        view_name=view_name,
        action=action,
        for_action=for_action,
        restricted=restricted,
        destination=destination,
    ) as read:
        return read
    raise AssertionError("reading_case either yields a case or raises")


# A change to a destination by someone not named for it is refused with words that say why.
NOT_NAMED = _(
    "Bara personal som enhetschefen har namngett för barnets skyddade vistelseort får registrera eller ändra den."
)


@contextmanager
def changing_case(
    actor: Actor,
    public_id: object,
    *,
    view_name: str,
    action: CaseAction,
    restricted: bool = False,
    destination: bool = False,
) -> Iterator[Case]:
    """One transaction for a change to a case: the need-to-know check, its log row and the change.

    Every service that writes to a case runs inside this. What the log ends up holding:
    - the change went through: a WRITE row, committed with the change;
    - the case is not the actor's to change: a DENIED row, committed, and then Http404;
    - the actor's role may not take `action` (`access.permissions`), or `restricted` data is not theirs
      (`rules.may_see_restricted`): a DENIED row, then PermissionDenied;
    - the change was refused as bad input (ValidationError): the change and its WRITE row roll back,
      and a REFUSED row with the error codes records the attempt;
    - `destination` (a change to the case's protected destination) by someone not named for it
      (`rules.may_see_destination`): refused the same way, with words that say why (`not_named`).
    """
    key = parse_uuid(public_id)
    refused_on: Case | None = None
    try:
        with transaction.atomic():
            read = _readable_case(
                actor, key, view_name=view_name, action=AccessAction.WRITE, for_action=action, restricted=restricted
            )
            if isinstance(read, CaseRead):
                refused_on = read.case
                if destination and not rules.may_see_destination(actor.user, read.case):
                    raise ValidationError(NOT_NAMED, code="not_named")
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
    assert isinstance(read, _Refused)  # a readable case returned above
    read.answer()


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
