from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Team, User
from cases.models import Case
from people.models import Person


def next_case_reference(year: int) -> str:
    prefix = f"BoU-{year}-"
    count = Case.objects.filter(reference__startswith=prefix).count()
    return f"{prefix}{count + 1:05d}"


def case_open(*, child: Person, team: Team, responsible: User | None = None, summary: str = "") -> Case:
    if responsible is not None and responsible.team_id != team.pk:
        raise ValidationError(_("Ansvarig handläggare måste tillhöra ärendets team."), code="responsible_team")
    now = timezone.now()
    with transaction.atomic():
        case = Case(
            reference=next_case_reference(now.year),
            child=child,
            team=team,
            responsible=responsible,
            opened_at=now,
            summary=summary.strip(),
        )
        case.full_clean()
        case.save()
        return case
