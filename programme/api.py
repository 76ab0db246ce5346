"""The programme in the JSON API: the same read as its page, logged as an API read."""

from uuid import UUID

from django.http import HttpRequest
from ninja import Router

from access.actor import Actor
from access.models import AccessAction
from programme.outcome_models import FieldKind, OutcomeValue
from programme.outcome_selectors import OutcomesPage, outcomes_page
from programme.schemas import (
    CriterionOut,
    DefectorOut,
    MotivationOut,
    OccasionOut,
    OutcomeOut,
    OutcomesOut,
    ParticipationOut,
    PhaseOut,
    ValueOut,
    WaitOut,
)
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


def _value(value: OutcomeValue) -> ValueOut:
    kind = value.field.kind
    stored = {
        FieldKind.YES_NO: value.flag,
        FieldKind.DATE: value.day,
        FieldKind.CHOICE: value.code,
        FieldKind.TEXT: value.text,
    }.get(kind, value.number)  # type: ignore[call-overload]
    return ValueOut(field=value.field.key, kind=kind, value=stored)


def _outcomes_out(page: OutcomesPage) -> OutcomesOut:
    by_pk = {r.pk: r.public_id for r in page.records}
    return OutcomesOut(
        participation_id=page.participation.public_id,
        occasions=[
            OccasionOut(
                occasion=row.due.occasion,
                due_on=row.due.due_on,
                status=row.due.status,
                record_id=row.record.public_id if row.record else None,
            )
            for row in page.occasions
        ],
        records=[
            OutcomeOut(
                id=r.public_id,
                occasion=r.occasion,
                recorded_on=r.recorded_on,
                source=r.source,
                child_words=r.child_words,
                corrects=by_pk.get(r.corrects_id) if r.corrects_id else None,
                values=[_value(v) for v in page.values[r.pk]],
            )
            for r in page.records
        ],
    )


@router.get(
    "/v1/cases/{case_id}/programme/{participation_id}/outcomes",
    response={200: OutcomesOut, **ERRORS},
    url_name="participation_outcomes",
)
def participation_outcomes(request: HttpRequest, case_id: UUID, participation_id: UUID) -> OutcomesOut:
    page = outcomes_page(
        Actor.from_request(request),
        case_id,
        participation_id,
        view_name="api.programme.outcomes",
        action=AccessAction.API,
        with_values=True,
    )
    return _outcomes_out(page)
