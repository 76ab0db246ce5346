"""Changing people: validated, atomic, with change history (simple_history records who and when)."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.identity import IdentityNumber, identity_index, identity_indexes, parse_identity_number
from people.models import IdentityKind, Person, ProtectionLevel, Relation, RelationKind

NAME_MAX = 100


def _clean_name(value: str, field: str) -> str:
    value = " ".join((value or "").split())
    if not value:
        raise ValidationError({field: _("Fältet måste fyllas i.")}, code="required")
    if len(value) > NAME_MAX:
        raise ValidationError({field: _("Högst %(n)d tecken.") % {"n": NAME_MAX}}, code="max_length")
    return value


def person_create(
    *,
    given_name: str,
    family_name: str,
    identity_number: str = "",
    birth_date: date | None = None,
    reserve_identity_note: str = "",
    protection_level: str = ProtectionLevel.NONE,
    address: str = "",
    phone: str = "",
    email: str = "",
    synthetic_identity: IdentityNumber | None = None,
) -> Person:
    """Create a person; an identity number is validated (checksum, date) unless synthetic by construction."""
    if synthetic_identity is not None and not settings.SYNTHETIC_IDENTITIES_ALLOWED:
        raise ValidationError(_("Syntetiska identiteter får inte användas här."), code="synthetic_not_allowed")
    errors: dict[str, str] = {}
    try:
        given = _clean_name(given_name, "given_name")
        family = _clean_name(family_name, "family_name")
    except ValidationError as exc:
        raise exc
    number = synthetic_identity
    if number is None and identity_number.strip():
        try:
            number = parse_identity_number(identity_number)
        except ValidationError as exc:
            errors["identity_number"] = exc.messages[0]
    if number is None and not reserve_identity_note.strip() and not errors:
        errors["reserve_identity_note"] = _("Ange personnummer, eller beskriv reservidentiteten.")
    if protection_level not in ProtectionLevel.values:
        errors["protection_level"] = _("Ogiltig skyddsnivå.")
    if errors:
        raise ValidationError(errors)
    if number is not None and Person.objects.filter(identity_index__in=identity_indexes(number)).exists():
        raise ValidationError(
            {"identity_number": _("En person med detta nummer finns redan.")}, code="duplicate_identity"
        )
    person = Person(
        given_name=given,
        family_name=family,
        search_name=f"{given} {family}".lower(),
        identity_kind=_kind(number),
        identity_number=number.twelve_digits if number else None,
        identity_index=identity_index(number) if number else None,
        reserve_identity_note=reserve_identity_note.strip()[:200],
        birth_date=number.birth_date if number else birth_date,
        protection_level=protection_level,
        address=address.strip(),
        phone=phone.strip(),
        email=email.strip(),
        is_synthetic=synthetic_identity is not None,
    )
    with transaction.atomic():
        person.full_clean(exclude=["search_name", "identity_index"])
        person.save()
    return person


def _kind(number: IdentityNumber | None) -> str:
    if number is None:
        return IdentityKind.RESERVE
    return IdentityKind.SAMORDNINGSNUMMER if number.is_coordination_number else IdentityKind.PERSONNUMMER


def relation_create(*, child: Person, relative: Person, kind: str) -> Relation:
    if child.pk == relative.pk:
        raise ValidationError(_("En person kan inte vara anhörig till sig själv."), code="relation_to_self")
    if kind not in RelationKind.values:
        raise ValidationError(_("Ogiltig relation."), code="relation_kind")
    with transaction.atomic():
        return Relation.objects.create(child=child, relative=relative, kind=kind)
