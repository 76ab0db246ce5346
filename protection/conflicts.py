"""Conflicts between people the programme's connections point at, and the warning before a placement.

A conflict is restricted programme data (`changing_case(..., restricted=True)`): recorded from a child's
case by the child's own team or a named defector specialist, between a person the child is connected to
and another person (connected to the child too, or not), with its source, its legal basis and an expiry.

When a child's destination is entered, children connected to the other side of a conflict whose live
destination is in the same municipality, or with the same provider, raise a warning on both cases. The
warning is for the staff named for each destination and names neither the other child nor the place;
whoever enters the destination learns nothing more than that the warning exists.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from access.actor import Actor
from access.models import DestinationNaming
from access.permissions import CaseAction
from access.reads import changing_case
from access.routing import known_person
from cases.models import Case
from core.errors import Problems, field_error
from core.identity import parse_entered_identity_number
from core.legal import legal_basis_for
from deadlines.models import Notice, NoticeKind
from people.models import Person
from people.services import person_create
from programme.connections import BASIS_KEY, live_connections
from programme.models import Connection
from protection.destination_selectors import live_destinations
from protection.models import Conflict, Destination, PlacementWarning

# A conflict is kept a year at most before it must be recorded again from a source, like a connection. [ours]
LONGEST = timedelta(days=366)
SOURCE_LIMIT = 300


@dataclass(frozen=True)
class ConflictInput:
    """`first`: a live connection of this child. The other side: another of its connections
    (`second`), or a person by number and name as the source gave them."""

    first: int
    second: int | None
    identity_number: str
    given_name: str
    family_name: str
    source_note: str
    expires_on: date


def live_conflicts() -> QuerySet[Conflict]:
    return Conflict.objects.filter(withdrawn_at__isnull=True, expires_on__gte=timezone.localdate())


def child_connections(case: Case) -> QuerySet[Connection]:
    return live_connections().filter(participation__case=case).select_related("person").order_by("named_as", "id")


def _other_side(problems: Problems, case: Case, data: ConflictInput) -> Person | None:
    if data.second is not None:
        found = child_connections(case).filter(pk=data.second).first()
        if found is None:
            problems.add("second", _("Välj en av barnets kopplingar."), "second")
        return found.person if found else None
    if not data.identity_number.strip():
        problems.add("second", _("Välj en av barnets kopplingar eller ange den andra personens nummer."), "required")
        return None
    try:
        number, synthetic = parse_entered_identity_number(
            data.identity_number, allow_synthetic=settings.SYNTHETIC_IDENTITIES_ALLOWED
        )
    except ValidationError as exc:
        problems.add("identity_number", exc.messages[0], "identity_number")
        return None
    given, family = data.given_name.strip(), data.family_name.strip()
    # Names asked whether or not Utväg knows the number, so the form never tells which.
    if not given or not family:
        problems.add("given_name" if not given else "family_name", _("Skriv namnet som källan angav det."), "required")
        return None
    found_person = known_person(number)
    if found_person is not None:
        return found_person
    if synthetic:
        return person_create(given_name=given, family_name=family, synthetic_identity=number)
    return person_create(given_name=given, family_name=family, identity_number=number.twelve_digits)


def _check(problems: Problems, data: ConflictInput) -> None:
    source = data.source_note.strip()
    if not source:
        problems.add("source_note", _("Skriv vad källan är, till exempel polisens lägesbild och datum."), "required")
    elif len(source) > SOURCE_LIMIT:
        problems.add("source_note", _("Högst %(n)d tecken.") % {"n": SOURCE_LIMIT}, "max_length")
    today = timezone.localdate()
    if not (today < data.expires_on <= today + LONGEST):
        problems.add("expires_on", _("Ange när konflikten gallras: efter i dag och högst ett år framåt."), "expires_on")


def conflict_record(*, actor: Actor, case_public_id: object, data: ConflictInput) -> Conflict:
    with changing_case(
        actor, case_public_id, view_name="protection.conflict", action=CaseAction.PROGRAMME, restricted=True
    ) as case:
        problems = Problems()
        first = child_connections(case).filter(pk=data.first).first()
        if first is None:
            problems.add("first", _("Välj en av barnets kopplingar."), "first")
        _check(problems, data)
        basis = legal_basis_for(BASIS_KEY, on=timezone.localdate())
        if basis is None:
            problems.add(NON_FIELD_ERRORS, _("Ingen rättslig grund för kopplingar gäller i dag."), "no_basis")
        problems.raise_any()
        second = _other_side(problems, case, data)
        problems.raise_any()
        assert first is not None and second is not None and basis is not None  # refused above
        pair = Q(first=first.person, second=second) | Q(first=second, second=first.person)
        if second.pk == first.person_id:
            problems.add("second", _("En konflikt gäller två olika personer."), "same")
        elif live_conflicts().filter(pair).exists():
            problems.add("second", _("Konflikten mellan personerna är redan registrerad."), "duplicate")
        problems.raise_any()
        return Conflict.objects.create(
            first=first.person,
            second=second,
            source_note=data.source_note.strip(),
            legal_basis=basis,
            expires_on=data.expires_on,
            recorded_in=case,
            recorded_by=actor.user,
            recorded_at=timezone.now(),
        )


def conflict_withdraw(*, actor: Actor, case_public_id: object, conflict_id: int) -> Conflict:
    with changing_case(
        actor, case_public_id, view_name="protection.conflict_withdraw", action=CaseAction.PROGRAMME, restricted=True
    ) as case:
        found = live_conflicts().select_for_update().filter(recorded_in=case, pk=conflict_id).first()
        if found is None:
            gone = _("Konflikten finns inte, eller är redan borttagen eller gallrad.")
            raise ValidationError(gone, code="no_conflict")
        found.withdrawn_at = timezone.now()
        found.withdrawn_by = actor.user
        found.save(update_fields=["withdrawn_at", "withdrawn_by"])
        return found


def place_key(municipality: str) -> str:
    """A municipality as typed, made comparable: "Gävle kommun", " gävle " and "GÄVLE" are one place."""
    words = municipality.casefold().split()
    if len(words) > 1 and words[-1] in {"kommun", "stad"}:
        words = words[:-1]
    return " ".join(words)


def _rival_cases(case: Case) -> set[int]:
    """Cases of children connected to someone in conflict with someone this child is connected to."""
    mine = set(live_connections().filter(participation__case=case).values_list("person_id", flat=True))
    if not mine:
        return set()
    rivals: set[int] = set()
    for first, second in (
        live_conflicts().filter(Q(first_id__in=mine) | Q(second_id__in=mine)).values_list("first_id", "second_id")
    ):
        rivals |= {second} if first in mine else set()
        rivals |= {first} if second in mine else set()
    if not rivals:
        return set()
    reached = live_connections().filter(person_id__in=rivals).exclude(participation__case=case)
    return set(reached.values_list("participation__case_id", flat=True))


def raise_warnings(destination: Destination) -> list[PlacementWarning]:
    """Warnings for the child's new destination and for each rival's live one in the same place: a
    handful of queries however many children are connected (the candidates are compared in Python,
    since the municipality is encrypted)."""
    others = _rival_cases(destination.case)
    if not others:
        return []
    place = place_key(destination.municipality)
    now = timezone.now()
    warnings: list[PlacementWarning] = []
    for theirs in live_destinations().filter(case_id__in=others, person__isnull=True):
        same_place = place_key(theirs.municipality) == place
        same_provider = destination.provider_id is not None and theirs.provider_id == destination.provider_id
        if same_place or same_provider:
            warnings.append(
                PlacementWarning(
                    case_id=theirs.case_id,
                    destination=theirs,
                    same_municipality=same_place,
                    same_provider=same_provider,
                    raised_at=now,
                )
            )
    if not warnings:
        return []
    mine = PlacementWarning(
        case=destination.case,
        destination=destination,
        same_municipality=any(w.same_municipality for w in warnings),
        same_provider=any(w.same_provider for w in warnings),
        raised_at=now,
    )
    made = PlacementWarning.objects.bulk_create([mine, *warnings])
    _tell_named({w.case_id for w in made})
    return made


def _tell_named(case_ids: set[int]) -> None:
    """One notice to each person named for each case's destination: it names nobody, and the case
    it points at is one they already know about."""
    now = timezone.now()
    named = DestinationNaming.objects.filter(case_id__in=case_ids, withdrawn_at__isnull=True, user__is_active=True)
    Notice.objects.bulk_create(
        Notice(recipient_id=user_id, kind=NoticeKind.PLACEMENT_CONFLICT, case_id=case_id, created_at=now)
        for user_id, case_id in named.values_list("user_id", "case_id")
    )


def warning_acknowledge(*, actor: Actor, case_public_id: object, warning_id: int, note: str) -> PlacementWarning:
    with changing_case(
        actor,
        case_public_id,
        view_name="protection.destination.warning",
        action=CaseAction.PROTECTION,
        destination=True,
    ) as case:
        found = PlacementWarning.objects.select_for_update().filter(case=case, pk=warning_id).first()
        if found is None or found.acknowledged_at is not None:
            raise ValidationError(_("Varningen finns inte, eller är redan hanterad."), code="no_warning")
        note = note.strip()
        if not note or len(note) > 2000:
            raise field_error("note", _("Skriv vad som gjordes med varningen (högst 2000 tecken)."), "note")
        found.acknowledged_at = timezone.now()
        found.acknowledged_by = actor.user
        found.acknowledged_note = note
        found.save(update_fields=["acknowledged_at", "acknowledged_by", "acknowledged_note"])
        return found
