from datetime import date

from django.db.models import Q

from core.models import LegalBasis


def legal_basis_for(key: str, *, on: date) -> LegalBasis | None:
    """The provision in force on `on` for `key` (None when no law covered that day)."""
    in_force = Q(valid_to__isnull=True) | Q(valid_to__gte=on)
    return LegalBasis.objects.filter(in_force, key=key, valid_from__lte=on).order_by("-valid_from").first()
