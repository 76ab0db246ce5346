"""The programme in the JSON API: the same read as its page, logged as an API read."""

from uuid import UUID

from django.http import HttpRequest
from ninja import Router

from access.actor import Actor
from access.models import AccessAction
from programme.schemas import CriterionOut, DefectorOut, MotivationOut, ParticipationOut, PhaseOut, WaitOut
from programme.selectors import ProgrammePage, Wait, programme_page
from web.api import ERRORS

router = Router(tags=["avhopparprogrammet"])


def _wait(wait: Wait) -> WaitOut:
    return WaitOut(reached_on=wait.reached_on, days=wait.days)


def _defector(page: ProgrammePage) -> DefectorOut | None:
    if not page.assessments:
        return None
    latest = page.assessments[0]
    return DefectorOut(
        assessed_on=latest.assessed_on,
        chosen_to_leave=latest.chosen_to_leave,
        needs_support=latest.needs_support,
        meets_definition=latest.meets_definition,
        definition=latest.definition.text,
    )


def _participation_out(page: ProgrammePage) -> ParticipationOut:
    p = page.participation
    return ParticipationOut(
        id=p.public_id,
        case_id=page.case.public_id,
        raised_on=p.raised_on,
        raised_how=p.raised_how,
        raised_by=p.raised_by,
        ended_on=p.ended_on,
        end_reason=p.end_reason,
        phases=[PhaseOut(phase=t.phase.code, entered_on=t.entered_on) for t in page.transitions],
        to_first_meeting=_wait(page.to_first_meeting),
        to_first_support=_wait(page.to_first_support),
        defector=_defector(page),
        criteria=[
            CriterionOut(
                criterion=c.criterion.value,
                met=c.check.met if c.check else None,
                checked_on=c.check.checked_on if c.check else None,
            )
            for c in page.criteria
        ],
        motivation=[
            MotivationOut(heard_on=m.heard_on, stage=m.stage, child_words=m.child_words) for m in page.motivation
        ],
    )


@router.get(
    "/v1/cases/{case_id}/programme/{participation_id}",
    response={200: ParticipationOut, **ERRORS},
    url_name="participation_detail",
)
def participation_detail(request: HttpRequest, case_id: UUID, participation_id: UUID) -> ParticipationOut:
    page = programme_page(
        Actor.from_request(request), case_id, participation_id, view_name="api.programme", action=AccessAction.API
    )
    return _participation_out(page)
