"""Information that comes in from partners (issue 16, point 4): police notices, a school's absence report,
a word from the region, another municipality or a provider.

Two ways in, as intake has them:
- on a case the user may change: recorded as information on the case (`incoming_record`, through
  `changing_case`), shown on the case's list of incoming information and on the child's timeline; a
  school's absence report with its period and absence typed (`AbsenceInput`); a mistake put right by a
  correction (`incoming_record_correction`), a new row naming the one it corrects;
- about a child not known, or not the user's: registered as a signal through intake's `signal_register`
  (`incoming_signal`), with the partner in the signal's reporter fields. The signal is routed to the team
  that answers for the child and its receipt is intake's, the same whoever the child is; a transfer
  received from another municipality comes in this way, as a signal of its own kind.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from cases.models import Case, CaseStatus
from collaboration.models import AbsenceUnit, IncomingChannel, IncomingInformation, RecipientKind
from core.errors import Problems
from core.fields import TEXT_LIMIT
from core.uuids import parse_uuid
from intake.models import ReporterType, SignalKind
from intake.services import CLOCK_SKEW, SignalInput, SignalReceipt, signal_register

SENDER_LIMIT = 300
# The signal's reporter organisation holds 200 characters: the partner's kind, then what was typed.
ORGANISATION_LIMIT = 150
# Partners with a duty to report (19 kap. 1 § SoL 2025:400, docs/law-sources.md part L): authorities,
# schools, the region and providers.
# An "other" partner may be anyone, so it reports as a private person.
MANDATED = frozenset(RecipientKind.values) - {RecipientKind.OTHER}
# What came in is information, or a transfer from another municipality (issue 16, point 7).
INFORMATION, TRANSFER = "information", "transfer"


@dataclass(frozen=True)
class IncomingInput:
    source_kind: str
    sender: str
    received_at: datetime | None
    channel: str
    content: str


def _checked(problems: Problems, data: IncomingInput) -> None:
    """The checks both ways in share: the partner's kind, how it came and when."""
    if data.source_kind not in RecipientKind.values:
        problems.add("source_kind", _("Välj vilken sorts samverkanspartner uppgifterna kom från."), "required")
    if data.channel not in IncomingChannel.values:
        problems.add("channel", _("Välj hur uppgifterna kom in: skriftligt, muntligt eller digitalt."), "required")
    if data.received_at is None:
        problems.add("received_at", _("Skriv när uppgifterna kom in: datum och klockslag."), "required")
    elif data.received_at > timezone.now() + CLOCK_SKEW:
        problems.add("received_at", _("Tidpunkten kan inte ligga i framtiden."), "future")


def _text(problems: Problems, field: str, text: str, missing: str, limit: int) -> None:
    if not text:
        problems.add(field, missing, "required")
    elif len(text) > limit:
        problems.add(field, _("Högst %(n)d tecken.") % {"n": limit}, "max_length")


@dataclass(frozen=True)
class AbsenceInput:
    """A school's absence report, typed: the period it covers (from and to, both days included) and the
    absence in it, in lessons or hours, and how much of that is unauthorised (ogiltig frånvaro)."""

    absence_from: date | None = None
    absence_to: date | None = None
    absence_unit: str = ""
    absence_total: int | None = None
    absence_unauthorised: int | None = None

    @property
    def given(self) -> bool:
        """Whether anything of a report was filled in: then every part of it is asked for."""
        return any(v not in (None, "") for v in vars(self).values())


def incoming_record(
    *, actor: Actor, case_public_id: object, data: IncomingInput, absence: AbsenceInput | None = None
) -> IncomingInformation:
    """Information from a partner on a case the user may change: every check at once, in one transaction."""
    with changing_case(actor, case_public_id, view_name="collaboration.incoming", action=CaseAction.JOURNAL) as case:
        problems = Problems()
        fields = _fields(problems, data, absence or AbsenceInput())
        if case.status == CaseStatus.CLOSED:
            problems.add(
                "case",
                _(
                    "Ärendet är avslutat. Registrera uppgifterna om barnet som en aktualisering, under "
                    "Registrera uppgifter om ett barn."
                ),
                "closed",
            )
        problems.raise_any()
        return _saved(fields, actor=actor, case=case)


def incoming_record_correction(
    *,
    actor: Actor,
    case_public_id: object,
    corrects: object,
    data: IncomingInput,
    absence: AbsenceInput | None = None,
    reason: str,
) -> IncomingInformation:
    """A correction of information on the case: a new row naming the one it corrects, with the reason; the
    corrected row stays as it was recorded. A row is corrected once: a later mistake corrects the correction.
    A closed case's information may be corrected too (the record is put right; nothing new comes in)."""
    with changing_case(
        actor, case_public_id, view_name="collaboration.incoming.correction", action=CaseAction.JOURNAL
    ) as case:
        problems = Problems()
        fields = _fields(problems, data, absence or AbsenceInput())
        key = parse_uuid(corrects)
        original = IncomingInformation.objects.filter(case=case, public_id=key).first() if key else None
        if original is None:
            problems.add("corrects", _("Uppgiften som ska rättas finns inte i ärendet."), "no_incoming")
        elif original.corrections.exists():
            problems.add("corrects", _("Uppgiften är redan rättad: rätta den senaste rättelsen."), "corrected")
        reason = reason.strip()
        _text(problems, "reason", reason, _("Skriv varför uppgiften rättas: vad som var fel."), TEXT_LIMIT)
        problems.raise_any()
        return _saved(fields | {"corrects": original, "correction_reason": reason}, actor=actor, case=case)


def _fields(problems: Problems, data: IncomingInput, absence: AbsenceInput) -> dict[str, Any]:
    """The fields of the row that information on a case becomes, every problem with them added."""
    _checked(problems, data)
    sender, content = data.sender.strip(), data.content.strip()
    _text(problems, "sender", sender, _("Skriv vem som lämnade uppgifterna: namn och enhet."), SENDER_LIMIT)
    if absence.given:
        _absence_checked(problems, data.source_kind, absence)
        if len(content) > TEXT_LIMIT:  # a report says what it says in its fields; words beside it are free
            problems.add("content", _("Högst %(n)d tecken.") % {"n": TEXT_LIMIT}, "max_length")
    else:
        _text(problems, "content", content, _("Skriv vad uppgifterna säger."), TEXT_LIMIT)
    return {
        "source_kind": data.source_kind,
        "sender": sender,
        "received_at": data.received_at,
        "channel": data.channel,
        "content": content,
        **(vars(absence) if absence.given else {}),
    }


def _saved(fields: dict[str, Any], *, actor: Actor, case: Case) -> IncomingInformation:
    assert fields["received_at"] is not None  # else a problem was raised
    return IncomingInformation.objects.create(**fields, case=case, recorded_by=actor.user, recorded_at=timezone.now())


# Higher than any school term's lessons or hours: a number above it is a typing mistake.
ABSENCE_LIMIT = 10_000


def _absence_checked(problems: Problems, source_kind: str, absence: AbsenceInput) -> None:
    """A school's absence report: a whole period, not ahead of today, and the absence in it, the unauthorised
    part no more than the whole. Figures for judgement only: nothing here is scored or decides anything."""
    if source_kind in RecipientKind.values and source_kind != RecipientKind.SCHOOL:
        problems.add(
            "source_kind",
            _("En frånvarorapport kommer från en skola: välj Skola, eller lämna fälten om frånvaro tomma."),
            "absence_not_school",
        )
    today = timezone.localdate()
    start, end = absence.absence_from, absence.absence_to
    if start is None:
        problems.add("absence_from", _("Skriv den första dagen som frånvarorapporten gäller."), "required")
    elif start > today:
        problems.add("absence_from", _("Datumet kan inte ligga i framtiden."), "future")
    if end is None:
        problems.add("absence_to", _("Skriv den sista dagen som frånvarorapporten gäller."), "required")
    elif end > today:
        problems.add("absence_to", _("Datumet kan inte ligga i framtiden."), "future")
    elif start is not None and end < start:
        problems.add("absence_to", _("Perioden kan inte sluta innan den börjar."), "before_start")
    if absence.absence_unit not in AbsenceUnit.values:
        problems.add("absence_unit", _("Välj om frånvaron räknas i lektioner eller timmar."), "required")
    total = _count(problems, "absence_total", absence.absence_total, _("Skriv hur stor frånvaron var under perioden."))
    unauthorised = _count(
        problems,
        "absence_unauthorised",
        absence.absence_unauthorised,
        _("Skriv hur mycket av frånvaron som var ogiltig (0 om ingen)."),
    )
    if total is not None and unauthorised is not None and unauthorised > total:
        problems.add(
            "absence_unauthorised",
            _("Den ogiltiga frånvaron kan inte vara större än frånvaron under perioden."),
            "more_than_total",
        )


def _count(problems: Problems, field: str, value: int | None, missing: str) -> int | None:
    if value is None:
        problems.add(field, missing, "required")
    elif value < 0:
        problems.add(field, _("Antalet kan inte vara mindre än 0."), "negative")
    elif value > ABSENCE_LIMIT:
        problems.add(field, _("Högst %(n)d.") % {"n": ABSENCE_LIMIT}, "too_many")
    else:
        return value
    return None


@dataclass(frozen=True)
class ChildInput:
    """Who the information is about, as intake asks it (the number, or the name and birth date)."""

    identity_number: str = ""
    given_name: str = ""
    family_name: str = ""
    birth_date: date | None = None
    not_a_duplicate: bool = False


def signal_kind(source_kind: str, what: str) -> str:
    """The signal a partner's information becomes: a notice from the police, a transfer or anything from
    another municipality a municipality's, everything else a report of concern."""
    if what == TRANSFER or source_kind == RecipientKind.MUNICIPALITY:
        return SignalKind.OTHER_MUNICIPALITY
    if source_kind == RecipientKind.POLICE:
        return SignalKind.POLICE_NOTICE
    return SignalKind.REPORT_OF_CONCERN


def incoming_signal(
    *,
    actor: Actor,
    data: IncomingInput,
    child: ChildInput,
    what: str = INFORMATION,
    sender_name: str = "",
    sender_contact: str = "",
) -> SignalReceipt:
    """Information from a partner about a child not known or not the user's: a signal through intake.

    `data.sender` is the partner's organisation and unit (the signal's reporter organisation, after the
    kind of partner), `sender_name` and `sender_contact` the person. The receipt is intake's own, the same
    field for field whoever the child is. Every problem at once, intake's and ours; nothing is kept when
    there is one.
    """
    problems = Problems()
    _checked(problems, data)
    if what not in (INFORMATION, TRANSFER):
        problems.add("what", _("Välj om det är uppgifter om barnet eller ett överlämnande."), "required")
    elif (
        what == TRANSFER and data.source_kind in RecipientKind.values and data.source_kind != RecipientKind.MUNICIPALITY
    ):
        problems.add("source_kind", _("Ett överlämnande kommer från en annan kommun."), "transfer_not_municipality")
    sender = data.sender.strip()
    _text(
        problems,
        "reporter_organisation",
        sender,
        _("Skriv vilken myndighet eller enhet uppgifterna kom från."),
        ORGANISATION_LIMIT,
    )
    kind_label = RecipientKind(data.source_kind).label if data.source_kind in RecipientKind.values else ""
    organisation = f"{kind_label}: {sender}" if kind_label else sender
    channel_label = IncomingChannel(data.channel).label if data.channel in IncomingChannel.values else ""
    content = data.content.strip()
    signal = SignalInput(
        kind=signal_kind(data.source_kind, what),
        received_at=data.received_at or timezone.now(),
        reporter_type=ReporterType.MANDATORY if data.source_kind in MANDATED else ReporterType.PRIVATE,
        content=f"{channel_label}. {content}" if content and channel_label else content,
        reporter_organisation=organisation,
        reporter_name=sender_name,
        reporter_contact=sender_contact,
        **vars(child),
    )
    intake_refused: ValidationError | None = None
    with transaction.atomic():
        try:
            receipt = signal_register(actor=actor, data=signal)
        except ValidationError as exc:
            intake_refused = exc  # what intake logged before refusing (a likely duplicate shown) is kept
        else:
            if _any(problems):
                transaction.set_rollback(True)  # ours refuse it: the signal and its clocks are not kept
    if intake_refused is not None:
        _merged(problems, intake_refused)
    problems.raise_any()
    return receipt


def _any(problems: Problems) -> bool:
    try:
        problems.raise_any()
    except ValidationError:
        return True
    return False


def _merged(problems: Problems, exc: ValidationError) -> Problems:
    """Intake's problems beside ours, each field once: ours already hold the time the data came in."""
    if not hasattr(exc, "error_dict"):
        for error in exc.error_list:
            problems.add(NON_FIELD_ERRORS, error.message % (error.params or {}), str(error.code))
        return problems
    for field, errors in exc.error_dict.items():
        if field in problems and field in ("received_at", "reporter_organisation"):
            continue
        for error in errors:
            problems.add(field, error.message % (error.params or {}), str(error.code))
    return problems
