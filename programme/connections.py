"""A child's connections to other people, the events that happen to those people, and the motivation
windows such an event opens for every child connected to the person.

All of it is restricted (`access.rules.may_see_restricted`): the child's own team and the defector
specialists named to the case. Someone else who may change the case (the unit manager) is refused by
`changing_case(..., restricted=True)`, and the refusal is in the log. An event reaches the workers of
every connected child with a notice that names nobody; the one who records it learns nothing of the
other children, not even how many there are.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from access.routing import known_person
from core.errors import Problems
from core.fields import TEXT_LIMIT
from core.identity import IdentityNumber, parse_entered_identity_number
from core.legal import legal_basis_for
from core.models import LegalBasis
from deadlines.models import NoticeKind
from deadlines.notices import notify_each
from people.models import Person
from people.services import person_create
from programme.models import (
    Connection,
    ConnectionSource,
    MotivationWindow,
    NetworkEvent,
    NetworkEventKind,
    Participation,
)
from programme.rows import locked_open_participation

BASIS_KEY = "programme-connection"
# A connection is kept a year at most before it must be recorded again from a source. [ours]
LONGEST = timedelta(days=366)
# How long a window shows on a child's page unless acted on first. [ours]
WINDOW = timedelta(days=30)


@dataclass(frozen=True)
class ConnectionInput:
    identity_number: str
    given_name: str
    family_name: str
    source: str
    source_note: str
    expires_on: date


@dataclass(frozen=True)
class EventInput:
    kind: str
    occurred_on: date
    source: str


def live_connections() -> QuerySet[Connection]:
    return Connection.objects.filter(
        withdrawn_at__isnull=True, expires_on__gte=timezone.localdate(), participation__ended_on__isnull=True
    )


def _number(problems: Problems, raw: str) -> tuple[IdentityNumber, bool] | None:
    """The number typed and whether it is synthetic (demo only), or None with the problem noted."""
    if not raw.strip():
        problems.add("identity_number", _("Ange personens person- eller samordningsnummer."), "required")
        return None
    try:
        return parse_entered_identity_number(raw, allow_synthetic=settings.SYNTHETIC_IDENTITIES_ALLOWED)
    except ValidationError as exc:
        problems.add("identity_number", exc.messages[0], "identity_number")
        return None


def _check_connection(problems: Problems, data: ConnectionInput) -> None:
    for field in ("given_name", "family_name"):
        if not getattr(data, field).strip():
            problems.add(field, _("Skriv namnet som källan angav det."), "required")
    if data.source not in ConnectionSource.values:
        problems.add("source", _("Välj var uppgiften kommer ifrån."), "source")
    if not data.source_note.strip():
        problems.add("source_note", _("Skriv vad källan är, till exempel polisens lägesbild och datum."), "required")
    elif len(data.source_note.strip()) > 300:
        problems.add("source_note", _("Högst %(n)d tecken.") % {"n": 300}, "max_length")
    today = timezone.localdate()
    if not (today < data.expires_on <= today + LONGEST):
        problems.add("expires_on", _("Ange när kopplingen gallras: efter i dag och högst ett år framåt."), "expires_on")


def _person(number: IdentityNumber, synthetic: bool, data: ConnectionInput) -> Person:
    """The person by number, found without showing anything of them; made when Utväg does not know them."""
    found = known_person(number)
    if found is not None:
        return found
    if synthetic:
        return person_create(given_name=data.given_name, family_name=data.family_name, synthetic_identity=number)
    return person_create(given_name=data.given_name, family_name=data.family_name, identity_number=number.twelve_digits)


def _basis(problems: Problems) -> LegalBasis | None:
    basis = legal_basis_for(BASIS_KEY, on=timezone.localdate())
    if basis is None:
        problems.add(NON_FIELD_ERRORS, _("Ingen rättslig grund för kopplingar gäller i dag."), "no_basis")
    return basis


def connection_record(
    *, actor: Actor, case_public_id: object, participation_id: UUID | str, data: ConnectionInput
) -> Connection:
    with changing_case(
        actor, case_public_id, view_name="programme.connection", action=CaseAction.PROGRAMME, restricted=True
    ) as case:
        participation = locked_open_participation(case, participation_id)
        problems = Problems()
        parsed = _number(problems, data.identity_number)
        _check_connection(problems, data)
        basis = _basis(problems)
        problems.raise_any()
        assert parsed is not None and basis is not None  # refused above
        person = _person(*parsed, data)
        if person.pk == case.child_id:
            problems.add("identity_number", _("Det är barnets eget nummer."), "self")
        elif live_connections().filter(participation=participation, person=person).exists():
            problems.add("identity_number", _("Barnet har redan en koppling till personen."), "duplicate")
        problems.raise_any()
        return Connection.objects.create(
            participation=participation,
            person=person,
            named_as=f"{data.given_name.strip()} {data.family_name.strip()}"[:200],
            source=data.source,
            source_note=data.source_note.strip(),
            legal_basis=basis,
            expires_on=data.expires_on,
            recorded_by=actor.user,
        )


def _connection(participation: Participation, connection_id: int) -> Connection:
    found = live_connections().select_for_update().filter(participation=participation, pk=connection_id).first()
    if found is None:
        raise ValidationError(_("Kopplingen finns inte, eller har tagits bort eller gallrats."), code="no_connection")
    return found


def connection_withdraw(
    *, actor: Actor, case_public_id: object, participation_id: UUID | str, connection_id: int, reason: str
) -> Connection:
    with changing_case(
        actor, case_public_id, view_name="programme.connection_withdraw", action=CaseAction.PROGRAMME, restricted=True
    ) as case:
        connection = _connection(locked_open_participation(case, participation_id), connection_id)
        reason = reason.strip()
        if not reason or len(reason) > 300:
            raise ValidationError({"reason": _("Skriv varför kopplingen tas bort (högst 300 tecken).")}, code="reason")
        connection.withdrawn_at = timezone.now()
        connection.withdrawn_by = actor.user
        connection.withdrawn_reason = reason
        connection.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawn_reason"])
        return connection


def network_event_record(
    *, actor: Actor, case_public_id: object, participation_id: UUID | str, connection_id: int, data: EventInput
) -> NetworkEvent:
    """The event about the person at the end of `connection`, and a window for every child connected to them."""
    with changing_case(
        actor, case_public_id, view_name="programme.network_event", action=CaseAction.PROGRAMME, restricted=True
    ) as case:
        connection = _connection(locked_open_participation(case, participation_id), connection_id)
        problems = Problems()
        if data.kind not in NetworkEventKind.values:
            problems.add("kind", _("Välj vad som har hänt."), "kind")
        if data.occurred_on > timezone.localdate():
            problems.add("occurred_on", _("Datumet kan inte ligga i framtiden."), "future")
        if not data.source.strip():
            problems.add("source", _("Skriv var uppgiften kommer ifrån."), "required")
        elif len(data.source.strip()) > 300:
            problems.add("source", _("Högst %(n)d tecken.") % {"n": 300}, "max_length")
        problems.raise_any()
        event = NetworkEvent.objects.create(
            person=connection.person,
            kind=data.kind,
            occurred_on=data.occurred_on,
            source=data.source.strip(),
            recorded_by=actor.user,
        )
        _open_windows(event)
        return event


def _open_windows(event: NetworkEvent) -> None:
    """One window per connected child (the event is new, so none has one yet), and one notice to each
    child's worker: three queries however many children the person is connected to."""
    today = timezone.localdate()
    reached = live_connections().filter(person=event.person).select_related("participation__case__responsible")
    first: dict[int, Connection] = {}
    for connection in reached.order_by("id"):
        first.setdefault(connection.participation_id, connection)
    MotivationWindow.objects.bulk_create(
        MotivationWindow(
            participation=connection.participation,
            event=event,
            connection=connection,
            opened_on=today,
            lapses_on=today + WINDOW,
        )
        for connection in first.values()
    )
    cases = [connection.participation.case for connection in first.values()]
    notify_each(kind=NoticeKind.MOTIVATION_WINDOW, cases=cases)


def window_act(
    *, actor: Actor, case_public_id: object, participation_id: UUID | str, window_id: int, note: str
) -> MotivationWindow:
    with changing_case(
        actor, case_public_id, view_name="programme.window_act", action=CaseAction.PROGRAMME, restricted=True
    ) as case:
        participation = locked_open_participation(case, participation_id)
        window = MotivationWindow.objects.select_for_update().filter(participation=participation, pk=window_id).first()
        if window is None or window.acted_on is not None:
            raise ValidationError(_("Fönstret finns inte eller är redan åtgärdat."), code="no_window")
        note = note.strip()
        if not note or len(note) > TEXT_LIMIT:
            raise ValidationError(
                {"note": _("Skriv vad som gjordes, till exempel ett samtal med barnet.")}, code="note"
            )
        window.acted_on = timezone.localdate()
        window.acted_by = actor.user
        window.acted_note = note
        window.save(update_fields=["acted_on", "acted_by", "acted_note"])
        return window
