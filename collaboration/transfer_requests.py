"""Moving a case to another municipality (SoL 2025:400 29 kap. 10, 11 and 12 §§, docs/law-sources.md part M).

1. The committee asks the other municipality in writing (10 §), saying why the child has the strongest
   connection there and why it is suitable given the child's wishes, how long the need lasts and the rest.
   What the request tells about the child is a disclosure in the register, checked as one: by default on
   12 §, the duty to give what the other municipality needs to take the case over, which lifts secrecy by
   OSL 10 kap. 28 §.
2. The other municipality answers in writing, "genast": it takes the case over, or it does not.
3. When it does not, or has not answered within a month of the request, the committee may apply to IVO
   (11 §), which decides "så snart som möjligt", within three months unless there are special reasons.
4. IVO decides; its decision may be appealed to the administrative court (35 kap. 2 § 5).

When the other municipality agrees, or IVO decides the case moves, the case is handed over as a `Transfer`
(`transfers.py`). Every step is a row of its own, recorded once, through `changing_case` with
`CaseAction.DISCLOSE`, every problem at once.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from access import rules
from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from cases.models import Case, CaseStatus
from collaboration.disclosures import DisclosureInput, disclosure_checked
from collaboration.models import RecipientKind
from collaboration.transfer_request_models import IvoApplication, IvoDecision, TransferAnswer, TransferRequest
from collaboration.transfers import DESTINATION_REFUSAL
from core.calendar import add_months
from core.errors import Problems
from core.fields import TEXT_LIMIT
from core.legal import legal_basis_for
from core.uuids import parse_uuid
from protection.models import Destination

REQUEST_KEY, IVO_KEY = "case-transfer-request", "case-transfer-ivo"
# 29 kap. 11 § första stycket: without an answer within a month the committee may apply to IVO.
ANSWER_MONTHS = 1
# 29 kap. 11 § andra stycket: IVO decides within three months of the application, unless special reasons.
IVO_MONTHS = 3
NOTE_LIMIT = 2000


@dataclass(frozen=True)
class RequestInput:
    """The request, and what it told the other municipality about the child, as a disclosure asks it."""

    municipality: str
    requested_on: date | None
    connection: str
    wishes: str
    duration: str
    circumstances: str
    what: str
    basis: str
    conditions: frozenset[str]
    assessment: str
    consent: str = ""


class Step(StrEnum):
    ANSWER = "answer"  # `day`, `agreed`: the other municipality takes the case over, `note`
    IVO = "ivo"  # `day`: the application sent
    DECISION = "decision"  # `day`, `agreed`: IVO decided the case moves, `note`


@dataclass(frozen=True)
class StepInput:
    step: str
    day: date | None
    agreed: bool | None = None
    note: str = ""


class Stage(StrEnum):
    AWAITING_ANSWER = "awaiting_answer"
    AGREED = "agreed"  # hand the case over
    REFUSED = "refused"  # the committee may apply to IVO
    AT_IVO = "at_ivo"
    IVO_TRANSFER = "ivo_transfer"  # hand the case over
    IVO_STAYS = "ivo_stays"


def stage_of(request: TransferRequest) -> Stage:
    """Where the request stands, from its rows (the answer, application and decision read with it)."""
    application = getattr(request, "ivo_application", None)
    if application is not None:
        decision = getattr(application, "decision", None)
        if decision is None:
            return Stage.AT_IVO
        return Stage.IVO_TRANSFER if decision.transfer else Stage.IVO_STAYS
    answer = getattr(request, "answer", None)
    if answer is None:
        return Stage.AWAITING_ANSWER
    return Stage.AGREED if answer.agreed else Stage.REFUSED


def ivo_open_from(request: TransferRequest) -> date:
    """The first day the committee may apply to IVO when no answer has come."""
    return add_months(request.requested_on, ANSWER_MONTHS)


def ivo_due(application: IvoApplication) -> date:
    """The day IVO should have decided by (its own time, not the committee's: never escalated here)."""
    return add_months(application.applied_on, IVO_MONTHS)


def _text(problems: Problems, field: str, text: str, missing: str | None, limit: int = TEXT_LIMIT) -> str:
    text = text.strip()
    if not text and missing is not None:
        problems.add(field, missing, "required")
    elif len(text) > limit:
        problems.add(field, _("Högst %(n)d tecken.") % {"n": limit}, "max_length")
    return text


def _open_and_not_secret(problems: Problems, actor: Actor, case: Case) -> bool:
    """Whether the child has a live protected destination (the request then says where the child is, so
    only staff named for it make it, and only they see it): as for a transfer (`transfers.py`)."""
    if case.status == CaseStatus.CLOSED:
        problems.add(NON_FIELD_ERRORS, _("Ärendet är avslutat: ett avslutat ärende flyttas inte över."), "closed")
    today = timezone.localdate()
    live = Destination.objects.filter(case=case).filter(Q(to_on__isnull=True) | Q(to_on__gte=today)).exists()
    if live and not rules.may_see_destination(actor.user, case):
        problems.add(NON_FIELD_ERRORS, DESTINATION_REFUSAL, "destination")
    return live


def transfer_request_record(*, actor: Actor, case_public_id: object, data: RequestInput) -> TransferRequest:
    view = "collaboration.transfer_request"
    with changing_case(actor, case_public_id, view_name=view, action=CaseAction.DISCLOSE) as case:
        problems = Problems()
        live = _open_and_not_secret(problems, actor, case)
        connection = _text(problems, "connection", data.connection, _("Skriv barnets anknytning till kommunen."))
        wishes = _text(problems, "wishes", data.wishes, _("Skriv vad barnet och vårdnadshavarna önskar."))
        duration = _text(problems, "duration", data.duration, _("Skriv hur länge behovet av hjälp väntas vara."))
        circumstances = _text(problems, "circumstances", data.circumstances, None)
        basis = legal_basis_for(REQUEST_KEY, on=data.requested_on) if data.requested_on else None
        if data.requested_on is not None and basis is None:
            problems.add("disclosed_on", _("Bestämmelsen gällde inte den dagen."), "no_provision")
        disclosure = disclosure_checked(
            problems,
            actor=actor,
            case=case,
            data=DisclosureInput(
                person=str(case.child.public_id),
                disclosed_on=data.requested_on,
                recipient_kind=RecipientKind.MUNICIPALITY,
                recipient=data.municipality,
                channel="written",  # 29 kap. 10 § tredje stycket: the request is written
                what=data.what,
                basis=data.basis,
                conditions=data.conditions,
                assessment=data.assessment,
                consent=data.consent,
            ),
            destination=live,
        )
        problems.raise_any()
        assert disclosure is not None and basis is not None and data.requested_on is not None
        disclosure.save()
        return TransferRequest.objects.create(
            case=case,
            legal_basis=basis,
            disclosure=disclosure,
            municipality=disclosure.recipient,
            requested_on=data.requested_on,
            connection=connection,
            wishes=wishes,
            duration=duration,
            circumstances=circumstances,
            recorded_by=actor.user,
            recorded_at=disclosure.recorded_at,
        )


def _request_of(problems: Problems, actor: Actor, case: Case, request_id: object) -> TransferRequest | None:
    key = parse_uuid(str(request_id))
    found = (
        TransferRequest.objects.filter(case=case, public_id=key)
        .select_related("disclosure", "answer", "ivo_application__decision")
        .first()
        if key
        else None
    )
    if found is not None and found.disclosure.destination and not rules.may_see_destination(actor.user, case):
        found = None  # about a protected destination: as if it were not there
    if found is None:
        problems.add(NON_FIELD_ERRORS, _("Begäran finns inte i ärendet."), "no_request")
    return found


def _day(problems: Problems, day: date | None, *, after: date, after_words: str) -> date | None:
    if day is None:
        problems.add("day", _("Skriv dagen."), "required")
        return None
    if day > timezone.localdate():
        problems.add("day", _("Dagen kan inte ligga i framtiden."), "future")
        return None
    if day < after:
        problems.add("day", after_words, "too_early")
        return None
    return day


def steps_open(request: TransferRequest, today: date) -> list[Step]:
    """What may be recorded next: the answer while none has come (and, a month on, the application to IVO
    instead), the application after a refusal, IVO's decision while it has the case; nothing once settled."""
    stage = stage_of(request)
    if stage == Stage.AWAITING_ANSWER:
        return [Step.ANSWER, Step.IVO] if today >= ivo_open_from(request) else [Step.ANSWER]
    return {Stage.REFUSED: [Step.IVO], Stage.AT_IVO: [Step.DECISION]}.get(stage, [])


def transfer_step_record(
    *, actor: Actor, case_public_id: object, request_id: object, data: StepInput
) -> TransferAnswer | IvoApplication | IvoDecision:
    """One of the request's next steps: each is recorded once, in its order."""
    view = "collaboration.transfer_step"
    with changing_case(actor, case_public_id, view_name=view, action=CaseAction.DISCLOSE) as case:
        problems = Problems()
        request = _request_of(problems, actor, case, request_id)
        note = _text(problems, "note", data.note, None, NOTE_LIMIT)
        if request is not None and data.step not in steps_open(request, timezone.localdate()):
            problems.add(NON_FIELD_ERRORS, _("Det steget kan inte registreras nu för den här begäran."), "out_of_order")
        problems.raise_any()
        assert request is not None
        if data.step == Step.ANSWER:
            return _answer(problems, actor, request, data, note)
        if data.step == Step.IVO:
            return _ivo_application(problems, actor, request, data)
        return _ivo_decision(problems, actor, request, data, note)


def _verdict(problems: Problems, data: StepInput, *, after: date, after_words: str, missing: str) -> tuple[date, bool]:
    """The day and the yes or no of an answer or a decision, every problem at once."""
    day = _day(problems, data.day, after=after, after_words=after_words % {"day": after})
    if data.agreed is None:
        problems.add("agreed", missing, "required")
    problems.raise_any()
    assert day is not None and data.agreed is not None
    return day, data.agreed


def _answer(problems: Problems, actor: Actor, request: TransferRequest, data: StepInput, note: str) -> TransferAnswer:
    day, agreed = _verdict(
        problems,
        data,
        after=request.requested_on,
        after_words=_("Svaret kan inte ha kommit före begäran (%(day)s)."),
        missing=_("Välj om kommunen tar över ärendet eller inte."),
    )
    return TransferAnswer.objects.create(
        request=request, answered_on=day, agreed=agreed, note=note, recorded_by=actor.user, recorded_at=timezone.now()
    )


def _ivo_application(problems: Problems, actor: Actor, request: TransferRequest, data: StepInput) -> IvoApplication:
    answer = getattr(request, "answer", None)
    after = answer.answered_on if answer is not None else ivo_open_from(request)
    words = (
        _("Ansökan kan inte vara före svaret (%(day)s).")
        if answer is not None
        else _("Utan svar får nämnden ansöka hos IVO först en månad efter begäran, från %(day)s.")
    ) % {"day": after}
    day = _day(problems, data.day, after=after, after_words=words)
    basis = legal_basis_for(IVO_KEY, on=day) if day else None
    if day is not None and basis is None:
        problems.add("day", _("Bestämmelsen gällde inte den dagen."), "no_provision")
    problems.raise_any()
    assert day is not None and basis is not None
    return IvoApplication.objects.create(
        request=request, legal_basis=basis, applied_on=day, recorded_by=actor.user, recorded_at=timezone.now()
    )


def _ivo_decision(
    problems: Problems, actor: Actor, request: TransferRequest, data: StepInput, note: str
) -> IvoDecision:
    application = request.ivo_application
    day, moves = _verdict(
        problems,
        data,
        after=application.applied_on,
        after_words=_("IVO kan inte ha beslutat före ansökan (%(day)s)."),
        missing=_("Välj vad IVO beslutade."),
    )
    return IvoDecision.objects.create(
        application=application,
        decided_on=day,
        transfer=moves,
        note=note,
        recorded_by=actor.user,
        recorded_at=timezone.now(),
    )
