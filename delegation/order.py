"""Which item of the committee's delegation order a decision may be taken under.

Every decision taken under delegation names its item: the decisions of `decisions.services` and the
förhandsbedömning of `intake.services`. The rule is written once, here: the item must exist, be for
the kind of decision taken, be in force on the day of the decision, give the decision to a level
the law allows (`DelegationLimit`: an LVU application, for instance, only to a committee section), and,
for an officer's item, be signed by a holder of the item's role (a case worker does not sign under the
unit manager's item). The committee's levels decide in their meetings; staff record those decisions.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Role
from delegation.models import DecisionKind, DelegateLevel, DelegationItem, DelegationLimit


def in_force(day: date) -> Q:
    """Rows with `valid_from` and an optional `valid_to` (inclusive) that cover `day`."""
    return Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))


def delegation_items_for(kind: str, day: date, *, signer_role: str | None = None) -> list[DelegationItem]:
    """The items a decision of `kind` taken on `day` may name: the choices a form offers.

    With `signer_role`, only those a holder of that role may sign under (the committee's, and the
    officer items given to that role), so a form offers no item its user would be refused.
    """
    items = DelegationItem.objects.filter(in_force(day), decision_kind=kind)
    if signer_role is not None:
        items = items.exclude(Q(delegate_level=DelegateLevel.OFFICER) & ~Q(delegate_role=signer_role))
    return list(items)


def delegation_item_check(item_id: int | None, *, kind: str, day: date, signer_role: str) -> DelegationItem:
    """The item a decision of `kind` on `day`, signed by a holder of `signer_role`, is taken under;
    a ValidationError (with a code) if it may not be."""
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
    _check_level(item.delegate_level, kind=kind, day=day, code=item.code)
    _check_signer(item, signer_role)
    return item


def _check_signer(item: DelegationItem, signer_role: str) -> None:
    if item.delegate_level != DelegateLevel.OFFICER or item.delegate_role == signer_role:
        return
    if item.delegate_role is None:
        message = _(
            "Punkt %(code)s anger inte vilken roll som får fatta beslutet, så inget beslut kan signeras enligt den. "
            "Nämnden behöver föra in punkten på nytt med delegatens roll."
        )
        raise ValidationError(message % {"code": item.code}, code="delegation_role_missing")
    message = _(
        "Punkt %(code)s ger beslutet till %(delegate)s (%(role)s). Bara den som har den rollen kan signera "
        "beslutet; din roll är %(yours)s."
    )
    names = {
        "code": item.code,
        "delegate": item.delegate,
        "role": Role(item.delegate_role).label.lower(),
        "yours": Role(signer_role).label.lower() if signer_role in Role.values else signer_role,
    }
    raise ValidationError(message % names, code="delegation_role")


def delegation_limit_for(kind: str, day: date) -> DelegationLimit | None:
    return DelegationLimit.objects.filter(in_force(day), decision_kind=kind).first()


def _check_level(level: str | None, *, kind: str, day: date, code: str) -> None:
    limit = delegation_limit_for(kind, day)
    if limit is None or level in limit.allowed_levels:
        return
    allowed = ", ".join(str(DelegateLevel(value).label).lower() for value in limit.allowed_levels)
    message = _(
        "Punkt %(code)s ger beslutet till %(level)s, men lagen låter nämnden delegera det bara till: "
        "%(allowed)s (%(provision)s)."
    )
    names = {
        "code": code,
        "level": DelegateLevel(level).label.lower() if level else _("en delegat vars nivå inte är angiven"),
        "allowed": allowed,
        "provision": limit.provision,
    }
    raise ValidationError(message % names, code="delegation_reserved")


def delegation_item_add(
    *,
    code: str,
    kind: str,
    delegate: str,
    level: str,
    role: str | None = None,
    valid_from: date,
    valid_to: date | None = None,
) -> DelegationItem:
    """A new line of the delegation order; refused if the law does not let the committee delegate so.

    An officer's item names the role whose holder signs (`role`); the committee's levels name none.
    """
    if level not in DelegateLevel.values:
        raise ValidationError(_("Välj delegatens nivå."), code="delegate_level_missing")
    if (level == DelegateLevel.OFFICER) != (role in Role.values):
        message = (
            _("Ange vilken roll i Utväg som tjänstemannen har.")
            if level == DelegateLevel.OFFICER
            else _("Bara en tjänstemans punkt anger en roll i Utväg.")
        )
        raise ValidationError(message, code="delegate_role")
    _check_level(level, kind=kind, day=valid_from, code=code)
    return DelegationItem.objects.create(
        code=code,
        decision_kind=kind,
        delegate=delegate,
        delegate_level=level,
        delegate_role=role,
        valid_from=valid_from,
        valid_to=valid_to,
    )
