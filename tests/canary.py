"""The destination canary's world and its two tools: a filler that gives every route its arguments from
the world's records, and the check that finds a canary string in anything a user was sent.

The world is `own_case` (Elias, team Norr A) with a protected destination, a threatened guardian with
protected personal data, a relocation, a handover, a placement warning and a notice, every record the
authorization matrix makes (`_work`), and the people around the case who must not learn where he is:
the team, the unit manager, a defector specialist of another team named to the case, a Söder worker
with emergency access, the log reviewer and the administrator. Only hanna is named for the destination.
"""

import html
import re
import zlib
from collections.abc import Iterable
from datetime import date, timedelta
from urllib.parse import quote, quote_plus

from allauth.mfa.totp.internal.auth import TOTP
from django.urls import reverse
from django.utils import timezone

from access.actor import Actor
from access.log import write_access_events
from access.models import AccessAction, CaseMember, DestinationNaming, ProtectedIdentityAuthorization
from accounts.models import Role, Team, User
from conftest import TEST_TOTP_SECRET, World, grant_emergency, make_person
from deadlines.models import Notice, NoticeKind
from people.models import Person, ProtectionLevel, RelationKind
from people.services import relation_create
from tests.routes import Route

NAMED = "hanna"
MUNICIPALITY = "Kanarieby-kx7f3a9c"
ADDRESS = "Kanariegatan 41 kx5b2e1d"
GUARDIAN_ADDRESS = "Gomstigen 3 kx9d4c8a"
CANARIES = (MUNICIPALITY, ADDRESS, GUARDIAN_ADDRESS)
# Each canary carries a token of letters and digits alone, which no escaping changes: a page that
# prints a canary in any case, escaped, quoted, cut short after the token or upper-cased still has it.
TOKENS = ("kx7f3a9c", "kx5b2e1d", "kx9d4c8a")


def _forms(text: str) -> set[str]:
    return {text, html.escape(text), quote(text), quote_plus(text), text.replace(" ", "&nbsp;")}


NEEDLES = tuple(sorted({form.lower() for text in CANARIES for form in _forms(text)} | set(TOKENS)))


def leaks(where: str, body: bytes | str, typed: str = "") -> list[str]:
    """Each canary found in `body` (case-insensitively, in any of its forms), named with where it was.
    What the user typed (a search for a canary) is taken out first: a form may show it back to them."""
    text = (body if isinstance(body, str) else body.decode("utf-8", "replace")).lower()
    for form in sorted(_forms(typed.lower()) if typed else (), key=len, reverse=True):
        text = text.replace(form, "")
    return [f"{where}: {needle!r}" for needle in NEEDLES if needle in text]


def pdf_text(pdf: bytes) -> bytes:
    """The PDF with every compressed stream decompressed after it (its metadata may sit in one)."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


# A route's argument -> the record that fills it; an argument not here is filled by the record named
# like it without "_id" (`destination_id` -> "destination"). Per namespace first, then per route.
KWARGS = {
    "public_id": "case",
    "case_id": "case",
    "person_id": "child",
    "request_id": "document",
    "decision_id": "custody",
    "key": "service",
    "action": "signal_action",
    "user_id": "account",
}
NAMESPACE_KWARGS = {
    "reports": {"public_id": "export"},
    # In protection an assessment is the threat picture, and a person is most often the relative under threat.
    "protection": {"assessment_id": "threat", "person_id": "guardian", "consent_id": "guardian"},
    # In collaboration a consent is a consent to disclose, in the consent ledger.
    "collaboration": {
        "consent_id": "partner_consent",
        "item_id": "meeting_item",
        "incoming_id": "incoming_information",
        "request_id": "transfer_request",
    },
}
ROUTE_KWARGS = {
    "casefile:person_detail": {"public_id": "persons"},
}


def _value(record: object, converter: object) -> object:
    kind = type(converter).__name__
    if isinstance(record, str):
        return record
    if kind == "IntConverter":
        return record.pk  # type: ignore[attr-defined]
    public_id = getattr(record, "public_id", None)
    if kind == "UUIDConverter":
        if public_id is None:
            raise LookupError(f"{type(record).__name__} has no public_id")
        return public_id
    return str(public_id or record.pk)  # type: ignore[attr-defined]


def fill(route: Route, records: dict[str, object]) -> list[str]:
    """Every URL of the route the world's records give (more than one where a record is a list).
    LookupError names an argument nothing in the world fills."""
    urls: list[dict[str, object]] = [{}]
    for name, converter in route.converters:
        key = ROUTE_KWARGS.get(route.name, {}).get(name) or NAMESPACE_KWARGS.get(route.namespace, {}).get(name)
        key = key or KWARGS.get(name) or name.removesuffix("_id")
        if key not in records:
            raise LookupError(f"no record for the argument {name!r}")
        found = records[key]
        choices = found if isinstance(found, list) else [found]
        urls = [{**kwargs, name: _value(choice, converter)} for kwargs in urls for choice in choices]
    return [reverse(route.name, kwargs=kwargs) for kwargs in urls]


def canary_world(world: World) -> dict[str, object]:
    """The world's records by the name a route's argument goes by, after the canary is planted."""
    from tests.test_authorization_matrix import _counted_service, _work

    guardian = _threatened_guardian(world)  # before the documents, so that they need a second check
    work = _work(world, "own")
    case = world.own_case
    hanna = world.user(NAMED)
    documents = [work["document"], _decision_document(hanna, work)]
    for document in documents:
        _checked_by_olle(world, document)
    protection = _protection(world, guardian)
    _transfer_to_destination(world)
    key, count_pk = _counted_service(world)
    member = _member_from_another_team(world)
    authorization = ProtectedIdentityAuthorization.objects.create(
        person=guardian, user=hanna, granted_by=world.user("karin"), granted_at=timezone.now()
    )
    for user in User.objects.exclude(username=NAMED):
        Notice.objects.create(recipient=user, kind=NoticeKind.PLACEMENT_CONFLICT, case=case, created_at=timezone.now())
    # The named worker has looked at the destination: the log's own screens have a row of that kind to show.
    write_access_events(
        Actor.system(hanna),
        action=AccessAction.DESTINATION,
        view_name="protection.destination",
        subjects=[(case.child_id, case.pk)],
    )
    persons = [case.child, world.guardian, guardian]
    return {
        **work,
        **protection,
        "child": case.child,
        "guardian": guardian,
        "persons": persons,
        "documents": documents,
        "document": documents,
        "custody": work["custody"],
        "member": member,
        "grant": grant_emergency(world.user("sara"), case),
        "authorization": authorization,
        "account": hanna,
        "service": key,
        "count": type("Count", (), {"pk": count_pk})(),
        "signal_action": "vardnadshavare",
        "export": _export(world),
        "area": _area(world),
    }


def _area(world: World) -> object:
    """An area of the unit's own, for the manager's areas screen (it names no one)."""
    from outreach.models import OutreachArea

    return OutreachArea.objects.create(name="Kanariparken", unit=world.norr)


def _threatened_guardian(world: World) -> Person:
    guardian = make_person(
        "Lena",
        "Berg",
        date(1982, 9, 10),
        654,
        address=GUARDIAN_ADDRESS,
        protection_level=ProtectionLevel.PROTECTED_REGISTRATION,
    )
    relation_create(child=world.own_case.child, relative=guardian, kind=RelationKind.GUARDIAN_WITH_CUSTODY)
    return guardian


def _decision_document(hanna: User, work: dict[str, object]) -> object:
    from documents.services import document_request

    return document_request(
        actor=Actor.system(hanna),
        case_public_id=work["case"].public_id,  # type: ignore[attr-defined]
        kind="decision",
        subject_public_id=work["custody"].public_id,  # type: ignore[attr-defined]
    )


def _checked_by_olle(world: World, document: object) -> None:
    from documents.services import document_confirm

    document_confirm(
        actor=Actor.system(world.user("olle")),
        case_public_id=world.own_case.public_id,
        request_public_id=document.public_id,  # type: ignore[attr-defined]
        checked=True,
    )


def _protection(world: World, guardian: Person) -> dict[str, object]:
    """The threat picture, a police placement, the destination with its relocation, handover and warning."""
    from core.legal import legal_basis_for
    from protection.models import (
        Conflict,
        Destination,
        Handover,
        PlacementWarning,
        PolicePlacement,
        Provider,
        Relocation,
        ThreatAssessment,
        ThreatenedPerson,
    )

    case, hanna, now, today = world.own_case, world.user(NAMED), timezone.now(), timezone.localdate()
    threat = ThreatAssessment.objects.create(
        case=case,
        assessed_on=today,
        source="police",
        source_note="Polisens hotbedömning.",
        with_police=True,
        threatened_by="Ett kriminellt nätverk i barnets område.",
        review_on=today + timedelta(days=90),
        recorded_by=hanna,
        recorded_at=now,
    )
    threatened = ThreatenedPerson.objects.create(assessment=threat, kind="guardian", person=guardian, level="high")
    provider = Provider.objects.create(
        name="Skyddsboendet AB", org_number="556677-8899", kind="shelter", own_operation=True
    )
    destination = Destination.objects.create(
        case=case,
        municipality=MUNICIPALITY,
        address=ADDRESS,
        provider=provider,
        from_on=today,
        entered_by=hanna,
        entered_at=now,
    )
    guardian_destination = Destination.objects.create(
        case=case, person=guardian, municipality=MUNICIPALITY, from_on=today, entered_by=hanna, entered_at=now
    )
    relocation = Relocation.objects.create(
        case=case, destination=destination, moved_on=today, recorded_by=hanna, recorded_at=now
    )
    handover = Handover.objects.create(
        relocation=relocation,
        sent_on=today,
        what_sent=f"Utredningen till socialtjänsten i {MUNICIPALITY}",
        recipient=f"Socialtjänsten i {MUNICIPALITY}",
        consent_from="Vårdnadshavaren",
        recorded_by=hanna,
        recorded_at=now,
    )
    warning = PlacementWarning.objects.create(case=case, destination=destination, same_municipality=True, raised_at=now)
    placement = PolicePlacement.objects.create(
        case=case,
        placed_at=now,
        police_unit="Polisen Norr",
        where_general="Jourhem",
        recorded_by=hanna,
        recorded_at=now,
    )
    basis = legal_basis_for("programme-connection", on=today)
    assert basis is not None
    conflict = Conflict.objects.create(
        first=guardian,
        second=world.guardian,
        source_note="Polisens lägesbild.",
        legal_basis=basis,
        expires_on=today + timedelta(days=90),
        recorded_in=case,
        recorded_by=hanna,
        recorded_at=now,
    )
    naming = DestinationNaming.objects.create(
        case=case, user=hanna, reason="Handläggare för flytten.", named_by=world.user("karin"), named_at=now
    )
    return {
        "threat": threat,
        "threatened": threatened,
        "provider": provider,
        "destination": [destination, guardian_destination],
        "relocation": relocation,
        "handover": handover,
        "warning": warning,
        "placement": placement,
        "police_placement": placement,
        "naming": naming,
        "conflict": conflict,
    }


def _transfer_to_destination(world: World) -> None:
    """The case handed to the destination's municipality by the named worker: its disclosure in the register
    says where the child went, so it is for her alone."""
    from collaboration.transfers import TransferInput, transfer_record

    data = TransferInput(
        municipality=f"Socialtjänsten i {MUNICIPALITY}",
        transferred_on=timezone.localdate(),
        reason="relocated",
        reason_note="",
        what=f"Utredningen, skickad till {MUNICIPALITY}",
        channel="written",
        basis="necessary",
        conditions=frozenset({"2-necessary"}),
        assessment=f"Nödvändigt för att {MUNICIPALITY} ska kunna fortsätta insatsen.",
    )
    transfer_record(actor=Actor.system(world.user(NAMED)), case_public_id=world.own_case.public_id, data=data)


def _member_from_another_team(world: World) -> CaseMember:
    """david, a defector specialist of Norr B, named to work in Elias's case (not for its destination)."""
    team = Team.objects.create(unit=world.norr, name="Norr B")
    david = User.objects.create_user(
        username="david", password=None, role=Role.DEFECTOR_SPECIALIST, unit=world.norr, team=team
    )
    TOTP.activate(david, TEST_TOTP_SECRET)
    world.users["david"] = david
    return CaseMember.objects.create(
        case=world.own_case,
        user=david,
        reason="Avhopparverksamheten arbetar med Elias.",
        named_by=world.user("karin"),
        named_at=timezone.now(),
        expires_on=timezone.localdate() + timedelta(days=180),
    )


def _export(world: World) -> object:
    """karin's delegation export, made: the export pages' own argument."""
    from reports.exports.services import export_request
    from reports.models import ExportKind
    from reports.tests.exporting import run_queued_exports

    today = timezone.localdate().isoformat()
    export = export_request(
        actor=Actor.system(world.user("karin")),
        kind=ExportKind.DELEGATION,
        parameters={"first_day": today, "last_day": today},
    )
    run_queued_exports()
    return export


def not_named(world: World) -> Iterable[str]:
    return sorted(name for name in world.users if name != NAMED)
