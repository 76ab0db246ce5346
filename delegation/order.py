"""Which item of the committee's delegation order a decision may be taken under.

Every decision taken under delegation names its item: the decisions of `decisions.services` and the
förhandsbedömning of `intake.services`. The rule is written once, here: the item must exist, be for
the kind of decision taken, and be in force on the day of the decision.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from delegation.models import DecisionKind, DelegationItem


def in_force(day: date) -> Q:
    """Rows with `valid_from` and an optional `valid_to` (inclusive) that cover `day`."""
    return Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))


def delegation_items_for(kind: str, day: date) -> list[DelegationItem]:
    """The items a decision of `kind` taken on `day` may name: the choices a form offers."""
    return list(DelegationItem.objects.filter(in_force(day), decision_kind=kind))


def delegation_item_check(item_id: int | None, *, kind: str, day: date) -> DelegationItem:
    """The item a decision of `kind` on `day` is taken under; a ValidationError (with a code) if it may not be."""
    item = DelegationItem.objects.filter(pk=item_id).first() if item_id is not None else None
    if item is None:
        raise ValidationError(
            _("Välj punkten i delegationsordningen som beslutet fattas enligt."), code="delegation_missing"
        )
    if item.decision_kind != kind:
        message = _("Punkt %(code)s i delegationsordningen gäller beslutstypen ”%(item_kind)s”, inte ”%(kind)s”.")
        names = {"code": item.code, "item_kind": item.get_decision_kind_display(), "kind": DecisionKind(kind).label}
        raise ValidationError(message % names, code="delegation_wrong_kind")
    if not (item.valid_from <= day and (item.valid_to is None or day <= item.valid_to)):
        message = _("Punkt %(code)s i delegationsordningen gällde inte på beslutsdagen %(day)s.")
        raise ValidationError(
            message % {"code": item.code, "day": date_format(day, "Y-m-d")}, code="delegation_not_in_force"
        )
    return item
