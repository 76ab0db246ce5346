"""Telling those concerned that an investigation has opened (20 kap. 4 § SoL).

"Den som berörs av en utredning av ett barns behov av skydd eller stöd ska, om inte särskilda skäl
talar mot det, genast informeras om att en utredning har inletts." Opening an investigation starts a
clock due that same day; recording who was told, and how, or the particular reasons not to tell,
meets it. A late record still meets it, and the clock keeps the day it was missed.
"""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from core.fields import TEXT_LIMIT
from deadlines.models import DeadlineKind
from deadlines.services import deadline_meet
from deadlines.sources import DeadlineSource
from investigations.models import Investigation


@dataclass(frozen=True)
class NoticeInput:
    informed_on: date | None = None
    informed: str = ""  # who was told, and how
    not_informed_reason: str = ""  # the particular reasons not to tell


def _errors(data: NoticeInput, investigation: Investigation | None) -> dict[str, str]:
    """Every check at once, so the form reports them together."""
    errors: dict[str, str] = {}
    informed, reason = data.informed.strip(), data.not_informed_reason.strip()
    if bool(informed) == bool(reason):
        errors["informed"] = _(
            "Skriv antingen vilka som informerades och hur, eller de särskilda skälen att inte informera."
        )
    if informed and data.informed_on is None:
        errors["informed_on"] = _("Ange när de informerades.")
    elif data.informed_on is not None and data.informed_on > timezone.localdate():
        errors["informed_on"] = _("Datumet kan inte ligga i framtiden.")
    elif data.informed_on is not None and investigation and data.informed_on < investigation.opened_on:
        errors["informed_on"] = _("De kan inte ha informerats innan utredningen inleddes.")
    if len(informed) > 300:
        errors["informed"] = _("Högst %(n)d tecken.") % {"n": 300}
    if len(reason) > TEXT_LIMIT:
        errors["not_informed_reason"] = _("Högst %(n)d tecken.") % {"n": TEXT_LIMIT}
    if investigation is None:
        errors["informed"] = _("Utredningen finns inte i detta ärende.")
    elif investigation.concerned_notice_recorded_at is not None:
        errors["informed"] = _("Det är redan registrerat för den här utredningen.")
    return errors


def investigation_notice_record(
    *, actor: Actor, case_public_id: object, investigation_id: UUID | str, data: NoticeInput
) -> Investigation:
    with changing_case(actor, case_public_id, view_name="investigation.notice", action=CaseAction.INVESTIGATE) as case:
        investigation = Investigation.objects.select_for_update().filter(case=case, public_id=investigation_id).first()
        errors = _errors(data, investigation)
        if errors:
            raise ValidationError(errors)
        assert investigation is not None
        informed = data.informed.strip()
        investigation.concerned_informed = informed
        investigation.concerned_informed_on = data.informed_on if informed else None
        investigation.concerned_not_informed_reason = "" if informed else data.not_informed_reason.strip()
        investigation.concerned_notice_recorded_at = timezone.now()
        investigation.save(
            update_fields=[
                "concerned_informed",
                "concerned_informed_on",
                "concerned_not_informed_reason",
                "concerned_notice_recorded_at",
            ]
        )
        deadline_meet(source=DeadlineSource.investigation(investigation.pk), kind=DeadlineKind.INVESTIGATION_NOTICE)
    return investigation
