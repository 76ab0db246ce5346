"""The programme's rows within a case the caller has just checked (read or changed through `access`)."""

from collections import defaultdict
from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from cases.models import Case
from core.uuids import parse_uuid
from programme.models import Participation
from programme.occasions import Due, Status, occasions
from programme.outcome_models import OutcomeRecord

TO_RECORD = {Status.DUE, Status.OVERDUE}


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


def outcomes_due(case_ids: list[int], today: date) -> dict[int, Due]:
    """For a list of cases already read: each case's first outcome occasion to record now (due or overdue),
    in two queries however many cases. A case with no participation, or nothing to record, is left out."""
    participations = list(
        Participation.objects.filter(case_id__in=case_ids).only("id", "case_id", "raised_on", "ended_on", "end_reason")
    )
    recorded: dict[int, set[str]] = defaultdict(set)
    if participations:
        rows = OutcomeRecord.objects.filter(participation__in=participations)
        for participation_id, occasion in rows.values_list("participation_id", "occasion"):
            recorded[participation_id].add(occasion)
    due: dict[int, Due] = {}
    for participation in participations:
        now = [d for d in occasions(participation, recorded[participation.pk], today) if d.status in TO_RECORD]
        if now and (participation.case_id not in due or now[0].due_on < due[participation.case_id].due_on):
            due[participation.case_id] = now[0]
    return due
