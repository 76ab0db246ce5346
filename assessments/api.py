"""The assessments in the JSON API, read-only: the same read as their page, logged as an API read."""

from uuid import UUID

from django.http import HttpRequest
from ninja import Router

from access.actor import Actor
from access.models import AccessAction
from assessments.schemas import AssessmentOut, AssessmentsOut, RatingOut
from assessments.selectors import InstrumentHistory, assessments_page
from web.api import ERRORS

router = Router(tags=["bedömningar"])


def _ratings(history: InstrumentHistory, assessment_pk: int) -> list[RatingOut]:
    given = history.ratings[assessment_pk]
    return [
        RatingOut(
            item=item.key,
            domain=item.domain.key,
            respondent=item.item.respondent,
            value=rating.value,
            comment=rating.comment,
        )
        for item in history.structure.items.values()
        if (rating := given.get(item.item.pk)) is not None
    ]


def _assessments(history: InstrumentHistory) -> list[AssessmentOut]:
    return [
        AssessmentOut(
            id=a.public_id,
            instrument=history.instrument.key,
            instrument_version=history.instrument.version,
            assessed_on=a.assessed_on,
            child_part=a.child_part,
            corrects=a.corrects.public_id if a.corrects else None,
            corrected=a.pk in history.corrected,
            ratings=_ratings(history, a.pk),
        )
        for a in history.assessments
    ]


@router.get("/v1/cases/{case_id}/assessments", response={200: AssessmentsOut, **ERRORS}, url_name="assessment_list")
def assessment_list(request: HttpRequest, case_id: UUID) -> AssessmentsOut:
    page = assessments_page(Actor.from_request(request), case_id, view_name="api.assessments", action=AccessAction.API)
    assessments = [a for history in page.histories for a in _assessments(history)]
    assessments.sort(key=lambda a: a.assessed_on, reverse=True)
    return AssessmentsOut(case_id=page.case.public_id, assessments=assessments)
