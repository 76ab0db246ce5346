"""Reads of single records: look up through the visibility rules and log, in one transaction.

If the log row cannot be written the transaction fails and nothing is shown. A denied attempt is
logged (with the record it aimed at, when that exists) and answered exactly like a missing record.
"""

import uuid

from django.db import transaction
from django.http import Http404

from access import selectors
from access.actor import Actor
from access.log import write_access_events
from access.models import AccessAction
from cases.models import Case
from people.models import Person


def _as_uuid(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def read_person(actor: Actor, public_id: object, *, view_name: str, action: AccessAction = AccessAction.VIEW) -> Person:
    key = _as_uuid(public_id)
    with transaction.atomic():
        person = selectors.visible_persons(actor.user).filter(public_id=key).first() if key else None
        if person is not None:
            write_access_events(actor, action=action, view_name=view_name, subjects=[(person.pk, None)])
            return person
        target = Person.objects.filter(public_id=key).values_list("pk", flat=True).first() if key else None
        write_access_events(actor, action=AccessAction.DENIED, view_name=view_name, subjects=[(target, None)])
    raise Http404


def read_case(actor: Actor, public_id: object, *, view_name: str, action: AccessAction = AccessAction.VIEW) -> Case:
    """The case, with `case.emergency_grant` set when it is seen through break-the-glass access."""
    key = _as_uuid(public_id)
    with transaction.atomic():
        case = (
            selectors.visible_cases(actor.user)
            .select_related("child", "team__unit", "responsible")
            .filter(public_id=key)
            .first()
            if key
            else None
        )
        if case is not None:
            grant = selectors.is_emergency_access(actor.user, case)
            case.emergency_grant = grant  # type: ignore[attr-defined]
            write_access_events(actor, action=action, view_name=view_name, subjects=[(case.child_id, case.pk)])
            return case
        target = Case.objects.filter(public_id=key).values_list("pk", "child_id").first() if key else None
        write_access_events(
            actor,
            action=AccessAction.DENIED,
            view_name=view_name,
            subjects=[(target[1], target[0]) if target else (None, None)],
        )
    raise Http404


def log_result_set(
    actor: Actor, *, action: AccessAction, view_name: str, subjects: list[tuple[int | None, int | None]]
) -> None:
    """For lists, searches and exports: one row per person/case shown, written before rendering."""
    write_access_events(actor, action=action, view_name=view_name, subjects=subjects)
