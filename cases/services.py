from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import RESPONSIBLE_ROLES, Team, User
from cases.models import Case, CaseReferenceCounter
from people.models import Person


def case_reference(year: int, number: int) -> str:
    return f"BoU-{year}-{number:06d}"


def allocate_case_numbers(year: int, count: int = 1) -> range:
    """Reserve `count` consecutive case numbers for `year`; concurrent callers wait on the row lock."""
    with transaction.atomic():
        CaseReferenceCounter.objects.get_or_create(year=year)
        counter = CaseReferenceCounter.objects.select_for_update().get(year=year)
        first = counter.last_number + 1
        counter.last_number += count
        counter.save(update_fields=["last_number"])
    return range(first, first + count)


def case_open(*, child: Person, team: Team, responsible: User | None = None, summary: str = "") -> Case:
    if responsible is not None and responsible.team_id != team.pk:
        raise ValidationError(_("Ansvarig handläggare måste tillhöra ärendets team."), code="responsible_team")
    if responsible is not None and responsible.role not in RESPONSIBLE_ROLES:
        raise ValidationError(_("Ansvarig handläggare måste ha rollen handläggare."), code="responsible_role")
    now = timezone.now()
    with transaction.atomic():
        case = Case(
            reference=case_reference(now.year, allocate_case_numbers(now.year)[0]),
            child=child,
            team=team,
            responsible=responsible,
            opened_at=now,
            summary=summary.strip(),
        )
        case.full_clean()
        case.save()
        return case
