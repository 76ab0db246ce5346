"""Recording a disclosure in the register: every check at once, in one transaction through `changing_case`.

A disclosure rests on a provision in force on its day (`collaboration.bases`), with each of its conditions
confirmed, to a recipient the provision allows, about the child or a relative of the child the discloser
may see. A correction is a new disclosure naming the one it corrects, in the same case.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from access import rules
from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from cases.models import Case
from collaboration import bases
from collaboration.consents import consent_cover
from collaboration.models import Channel, Disclosure, MeetingItem, PartnerConsent, RecipientKind
from collaboration.persons import persons_of_case
from core.errors import Problems
from core.fields import TEXT_LIMIT
from core.legal import legal_basis_for
from core.models import LegalBasis
from core.uuids import parse_uuid
from people.models import Person

RECIPIENT_LIMIT = 300


@dataclass(frozen=True)
class DisclosureInput:
    """`person`: the public id of the child or a relative; `basis`: a choice of `bases.BASES` or
    `bases.CONSENT` ("" refused); `consent`: for a disclosure on consent, the public id of its consent."""

    person: str
    disclosed_on: date | None
    recipient_kind: str
    recipient: str
    channel: str
    what: str
    basis: str
    conditions: Collection[str]
    assessment: str
    corrects: str = ""
    consent: str = ""
    meeting_item: str = ""  # the public id of the case's meeting item it was given at, if any


def disclosure_record(*, actor: Actor, case_public_id: object, data: DisclosureInput) -> Disclosure:
    with changing_case(actor, case_public_id, view_name="collaboration.disclosure", action=CaseAction.DISCLOSE) as case:
        problems = Problems()
        disclosure = disclosure_checked(problems, actor=actor, case=case, data=data)
        problems.raise_any()
        assert disclosure is not None  # else a problem was raised
        disclosure.save()
        return disclosure


def disclosure_checked(
    problems: Problems, *, actor: Actor, case: Case, data: DisclosureInput, destination: bool = False
) -> Disclosure | None:
    """Every check of a disclosure in `case` (already read through `changing_case`), each problem added to
    `problems`; the disclosure, not yet saved, when what it needs was found (the caller raises `problems`
    before saving it). A transfer to another municipality (`collaboration.transfers`) is checked here too, in
    its own transaction, with its own problems. `destination`: about the child's protected destination (a
    transfer while one is live); a correction of such a disclosure is one too, and only staff named for the
    destination find it."""
    persons = persons_of_case(actor.user, case)
    corrects = _corrected(problems, case, persons, data.corrects, rules.may_see_destination(actor.user, case))
    person = _person(problems, persons, data.person)
    what, recipient, assessment = data.what.strip(), data.recipient.strip(), data.assessment.strip()
    _text(problems, "what", what, _("Skriv vilka uppgifter som lämnades ut."), TEXT_LIMIT)
    _text(problems, "recipient", recipient, _("Skriv vem som tog emot: namn och enhet."), RECIPIENT_LIMIT)
    _text(
        problems,
        "assessment",
        assessment,
        _("Skriv sekretessprövningen: varför uppgiften fick lämnas ut."),
        TEXT_LIMIT,
    )
    if data.recipient_kind not in RecipientKind.values:
        problems.add("recipient_kind", _("Välj vilken sorts mottagare det var."), "required")
    if data.channel not in Channel.values:
        problems.add("channel", _("Välj hur uppgiften lämnades: muntligt eller skriftligt."), "required")
    day = _day(problems, data.disclosed_on)
    item = _meeting_item(problems, case, data.meeting_item, day)
    consent = None
    if data.basis == bases.CONSENT:
        legal_basis, consent = _on_consent(problems, case, data, person, day)
    else:
        legal_basis = _basis(problems, data, person, day)
    if person is None or day is None or legal_basis is None:
        return None  # a problem was added: the caller raises them all before saving anything
    chosen = bases.BASES.get(data.basis)
    return Disclosure(
        case=case,
        person=person,
        what=what,
        recipient_kind=data.recipient_kind,
        recipient=recipient,
        channel=data.channel,
        disclosed_on=day,
        legal_basis=legal_basis,
        conditions=sorted(set(data.conditions) & {c.key for c in chosen.conditions}) if chosen else [],
        assessment=assessment,
        on_consent=consent is not None,
        consent=consent,
        corrects=corrects,
        meeting_item=item,
        destination=destination or (corrects is not None and corrects.destination),
        disclosed_by=actor.user,
        recorded_at=timezone.now(),
    )


def _corrected(problems: Problems, case: Case, persons: list[Person], raw: str, sees: bool) -> Disclosure | None:
    """The disclosure a correction corrects: in the case, about someone the corrector may see (and, about a
    protected destination, only for staff named for it: `sees`), and not corrected already (the newest
    correction is the one to correct)."""
    if not raw:
        return None
    key = parse_uuid(raw)
    found = Disclosure.objects.filter(case=case, public_id=key).first() if key else None
    if found is not None and all(p.pk != found.person_id for p in persons):
        found = None  # about a relative kept from the corrector: as if it were not there
    if found is not None and found.destination and not sees:
        found = None  # about a destination kept from the corrector: the same
    if found is None:
        problems.add("corrects", _("Utlämnandet som ska rättas finns inte i ärendet."), "no_disclosure")
    elif found.corrections.exists():
        problems.add("corrects", _("Utlämnandet är redan rättat: rätta den senaste rättelsen."), "corrected")
    return found


def _meeting_item(problems: Problems, case: Case, raw: str, day: date | None) -> MeetingItem | None:
    """The meeting item it followed from: the case's own, and no later than the disclosure."""
    if not raw:
        return None
    key = parse_uuid(raw)
    found = MeetingItem.objects.filter(case=case, public_id=key).select_related("meeting").first() if key else None
    if found is None:
        problems.add("meeting_item", _("Punkten från mötet finns inte i ärendet."), "no_meeting_item")
    elif day is not None and day < found.meeting.held_on:
        problems.add(
            "disclosed_on",
            _("Utlämnandet kan inte vara före mötet det kom från (%(day)s).") % {"day": found.meeting.held_on},
            "before_meeting",
        )
    return found


def _person(problems: Problems, persons: list[Person], raw: str) -> Person | None:
    key = parse_uuid(raw)
    found = next((p for p in persons if p.public_id == key), None) if key else None
    if found is None:
        problems.add("person", _("Välj barnet eller en anhörig i ärendet som uppgifterna gällde."), "not_of_case")
    return found


def _text(problems: Problems, field: str, text: str, missing: str, limit: int) -> None:
    if not text:
        problems.add(field, missing, "required")
    elif len(text) > limit:
        problems.add(field, _("Högst %(n)d tecken.") % {"n": limit}, "max_length")


def _day(problems: Problems, day: date | None) -> date | None:
    if day is None:
        problems.add("disclosed_on", _("Skriv vilken dag uppgiften lämnades ut."), "required")
    elif day > timezone.localdate():
        problems.add("disclosed_on", _("Datumet kan inte ligga i framtiden."), "future")
        return None
    return day


def _on_consent(
    problems: Problems, case: Case, data: DisclosureInput, person: Person | None, day: date | None
) -> tuple[LegalBasis | None, PartnerConsent | None]:
    """A disclosure on consent (OSL 12 kap. 2 §): a live consent covering it, and every one it needs."""
    found = legal_basis_for(bases.CONSENT_KEY, on=day) if day is not None else None
    if day is not None and found is None:
        problems.add("basis", _("Lagrummet gällde inte den dag uppgiften lämnades."), "no_provision")
    if person is None or day is None or data.recipient_kind not in RecipientKind.values:
        return found, None
    cover = consent_cover(case, person, data.recipient_kind, day, data.consent)
    for code, message in cover.problems:
        problems.add("consent", message, code)
    return found, cover.consent


def _basis(problems: Problems, data: DisclosureInput, person: Person | None, day: date | None) -> LegalBasis | None:
    basis = bases.BASES.get(data.basis)
    if basis is None:
        problems.add("basis", _("Ett utlämnande kräver lagrum: välj vilket utlämnandet vilar på."), "no_basis")
        return None
    if bases.unconfirmed(basis, data.conditions):
        message = _("Alla villkor i lagrummet måste vara uppfyllda: bekräfta vart och ett, eller välj ett annat.")
        problems.add(basis.field, message, "unconfirmed")
    if data.recipient_kind in RecipientKind.values and not bases.may_receive(basis, data.recipient_kind):
        allowed = _("Lagrummet tillåter bara utlämnande till: %(who)s.") % {"who": bases.recipients_named(basis)}
        problems.add("recipient_kind", allowed, "recipient_not_allowed")
    if person is not None and day is not None and bases.too_old(basis, person.birth_date, day):
        over = _(
            "Lagrummet gäller bara den som inte har fyllt %(n)d år den dag uppgiften lämnades, och "
            "personens ålder den dagen visar inte det."
        ) % {"n": basis.under}
        problems.add("person", over, "over_age")
    found = legal_basis_for(basis.key, on=day) if day is not None else None
    if day is not None and found is None:
        problems.add("basis", _("Lagrummet gällde inte den dag uppgiften lämnades."), "no_provision")
    return found
