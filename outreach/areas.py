"""The areas the field workers cover, kept by the unit manager (issue 16, point 5: the figures are by area).

The municipality's areas (`unit` empty) are shared by every unit and changed by the system's administration;
a unit manager adds the unit's own and takes one out of use, or back. An area is never renamed or removed:
the figures of contacts already logged stay under the name they were logged with, so a new name is a new
area. Areas name no one, so nothing here is a read of personal data; who changed what is the model's
history (django-simple-history).
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from access import rules
from access.actor import Actor
from access.reads import refuse
from core.errors import Problems
from outreach.models import OutreachArea

NAME_LIMIT = 100


def _unit_id(actor: Actor, view_name: str) -> int:
    if not rules.may_report_outreach(actor.user):
        refuse(actor, view_name=view_name)
    assert actor.user.unit_id is not None  # may_report_outreach asks for a unit
    return actor.user.unit_id


@dataclass(frozen=True)
class AreasPage:
    # No figures here: the field's figures are the report's, where small counts are hidden.
    shared: list[OutreachArea]  # the municipality's
    own: list[OutreachArea]  # the unit's own, in use first


def areas_page(actor: Actor) -> AreasPage:
    unit_id = _unit_id(actor, "outreach.areas")
    areas = list(
        OutreachArea.objects.filter(Q(unit__isnull=True) | Q(unit_id=unit_id)).order_by("-active", "name", "id")
    )
    return AreasPage(shared=[a for a in areas if a.unit_id is None], own=[a for a in areas if a.unit_id is not None])


def area_add(*, actor: Actor, name: str) -> OutreachArea:
    unit_id = _unit_id(actor, "outreach.area_add")
    name = " ".join(name.split())
    problems = Problems()
    if not name:
        problems.add("name", _("Skriv områdets namn."), "required")
    elif len(name) > NAME_LIMIT:
        problems.add("name", _("Högst %(n)d tecken.") % {"n": NAME_LIMIT}, "max_length")
    else:
        taken = OutreachArea.objects.annotate(lower=Lower("name")).filter(
            Q(unit__isnull=True) | Q(unit_id=unit_id), lower=name.lower()
        )
        if taken.exists():
            problems.add("name", _("Det finns redan ett område med det namnet."), "taken")
    problems.raise_any()
    with transaction.atomic():
        return OutreachArea.objects.create(name=name, unit_id=unit_id)


def area_set_active(*, actor: Actor, area_id: int, active: bool) -> OutreachArea:
    """Out of use: not offered any more, its figures kept. Only the unit's own; any other as if not there."""
    unit_id = _unit_id(actor, "outreach.area_change")
    with transaction.atomic():
        area = OutreachArea.objects.select_for_update().filter(pk=area_id, unit_id=unit_id).first()
        if area is None:
            problems = Problems()
            problems.add("area", _("Området finns inte bland enhetens egna."), "not_own")
            problems.raise_any()
        assert area is not None
        area.active = active
        area.save(update_fields=["active"])
        return area
