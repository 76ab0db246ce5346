"""Reading investigations for a form: only within a case that came through `access.reads`."""

from uuid import UUID

from django.http import Http404

from cases.models import Case
from investigations.models import Investigation


def investigation_in_case(case: Case, investigation_id: UUID | str) -> Investigation:
    """The investigation of a case the caller has just read (checked and logged); 404 for any other."""
    investigation = Investigation.objects.filter(case=case, public_id=investigation_id).first()
    if investigation is None:
        raise Http404
    return investigation


def open_investigations(case: Case) -> list[Investigation]:
    """Running investigations of a case the caller has just read, for a decision to extend one."""
    return list(Investigation.objects.filter(case=case, completed_on__isnull=True).order_by("opened_on", "id"))
