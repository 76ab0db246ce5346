"""The programme's rows within a case the caller has just checked (read or changed through `access`)."""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from cases.models import Case
from core.uuids import parse_uuid
from programme.models import Participation


def participation_in_case(case: Case, participation_id: UUID | str) -> Participation:
    """For a page: the participation of a case the caller has just read; 404 for any other."""
    key = parse_uuid(participation_id)
    participation = Participation.objects.filter(case=case, public_id=key).first() if key else None
    if participation is None:
        raise Http404
    participation.case = case
    return participation


def locked_open_participation(case: Case, participation_id: UUID | str) -> Participation:
    """For a change: the participation, locked, refused when it is not this case's or has ended."""
    key = parse_uuid(participation_id)
    participation = Participation.objects.select_for_update().filter(case=case, public_id=key).first() if key else None
    if participation is None:
        raise ValidationError(_("Deltagandet finns inte i detta ärende."), code="not_in_case")
    if not participation.is_open:
        raise ValidationError(_("Deltagandet i programmet är avslutat."), code="participation_ended")
    participation.case = case
    return participation


def locked_participation(case: Case, participation_id: UUID | str) -> Participation:
    """For a record that outlives the participation (its outcomes after the end): locked, open or ended."""
    key = parse_uuid(participation_id)
    participation = Participation.objects.select_for_update().filter(case=case, public_id=key).first() if key else None
    if participation is None:
        raise ValidationError(_("Deltagandet finns inte i detta ärende."), code="not_in_case")
    participation.case = case
    return participation
