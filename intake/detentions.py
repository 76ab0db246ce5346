"""Recording that the child is deprived of liberty, and when it ended (from the police's or the court's word).

The record matters to what the committee may do: a 6 § LVU custody may not be carried out while
the child is remanded (9 § andra stycket LVU); `decisions` asks `remanded_on` before recording one.
"""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from cases.models import Case
from core.uuids import parse_uuid
from intake.models import Detention, DetentionKind


@dataclass(frozen=True)
class DetentionInput:
    kind: str
    began_on: date


def detention_record(*, actor: Actor, case_public_id: object, data: DetentionInput) -> Detention:
    with changing_case(actor, case_public_id, view_name="intake.detention", action=CaseAction.DETENTION) as case:
        errors: dict[str, str] = {}
        if data.kind not in DetentionKind.values:
            errors["kind"] = _("Välj slag av frihetsberövande.")
        if data.began_on > timezone.localdate():
            errors["began_on"] = _("Datumet kan inte ligga i framtiden.")
        if errors:
            raise ValidationError(errors)
        return Detention.objects.create(
            case=case, kind=data.kind, began_on=data.began_on, recorded_by=actor.user, recorded_at=timezone.now()
        )


def detention_end(*, actor: Actor, case_public_id: object, detention_id: UUID | str, ended_on: date) -> Detention:
    with changing_case(actor, case_public_id, view_name="intake.detention_end", action=CaseAction.DETENTION) as case:
        key = parse_uuid(detention_id)
        found = Detention.objects.select_for_update().filter(case=case, public_id=key).first() if key else None
        if found is None:
            raise ValidationError(_("Frihetsberövandet finns inte i detta ärende."), code="not_in_case")
        if found.ended_on is not None:
            raise ValidationError(_("Frihetsberövandet är redan avslutat."), code="already_ended")
        if not (found.began_on <= ended_on <= timezone.localdate()):
            raise ValidationError({"ended_on": _("Datumet ska ligga mellan början och i dag.")})
        found.ended_on = ended_on
        found.save(update_fields=["ended_on"])
        return found


def remanded_on(case: Case, day: date) -> bool:
    """Whether the child of `case` is registered as remanded on `day`, in any of the child's cases."""
    return Detention.objects.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=day),
        case__child_id=case.child_id,
        kind=DetentionKind.REMANDED,
        began_on__lte=day,
    ).exists()


def case_detentions(case: Case) -> list[Detention]:
    return list(Detention.objects.filter(case=case).order_by("began_on", "id"))
