"""Logging a contact in the field, and handing a child who wants help to the mottagning.

A contact is counts by area and age band: the note is refused if it looks like it names someone (an
identity number or a phone number). A child who wants help becomes a signal through intake's own
`signal_register`, which routes it, starts the protection assessment's clock ("genast") and logs the
write; what comes back is never shown, so the field worker learns nothing about whether the child was
known, or where the signal went.
"""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from access import rules
from access.actor import Actor
from access.reads import refuse
from accounts.models import Unit
from core.errors import Problems
from core.identity import parse_entered_identity_number
from intake.models import ReporterType, SignalKind
from intake.services import SignalInput, signal_register
from outreach.models import AGE_BANDS, Company, Offer, OutreachArea, OutreachContact, PartOfDay, Place

NOTE_LIMIT = 300
# A contact may be logged up to a month afterwards (a shift's notes typed in at the office). [ours]
LOG_BACK = timedelta(days=31)
# Six or eight digits, then four: a personnummer or samordningsnummer, with or without dash or spaces
# (protection.threat refuses the same in its free text).
_IDENTITY_IN_TEXT = re.compile(r"(?<!\d)(\d{2})?\d{6}\s?[-+]?\s?\d{4}(?!\d)")
# A Swedish phone number: 0 or +46 and at least seven more digits, in groups.
_PHONE_IN_TEXT = re.compile(r"(?<![\d+])(?:\+46|0)[\s-]?(?:\d[\s-]?){6,11}\d(?!\d)")
ALLOWED_AGES = range(6, 18)
# A person needs both names; what the child did not say is stored as these words (data, not a message),
# which the mottagning replaces when it learns the name.
UNKNOWN_GIVEN, UNKNOWN_FAMILY = "Förnamn okänt", "Efternamn okänt"


def identifying(text: str) -> str | None:
    """Why a free text must not be kept on a contact, or None."""
    if _IDENTITY_IN_TEXT.search(text):
        return _("Skriv inte personnummer eller samordningsnummer: en kontakt i fältet är anonym.")
    if _PHONE_IN_TEXT.search(text):
        return _("Skriv inte telefonnummer: en kontakt i fältet är anonym.")
    return None


def unit_of(actor: Actor) -> Unit:
    user = actor.user
    unit = user.team.unit if user.team_id is not None and user.team else user.unit
    assert unit is not None, "may_log_outreach asks for a team or a unit"
    return unit


def areas_for(unit: Unit) -> list[OutreachArea]:
    """The areas a unit's workers choose from: the municipality's and the unit's own, in use."""
    return list(
        OutreachArea.objects.filter(active=True).filter(unit__isnull=True)
        | OutreachArea.objects.filter(active=True, unit=unit)
    )


@dataclass(frozen=True)
class ContactInput:
    day: date | None
    part_of_day: str
    area: int | None
    place: str
    company: str
    under_12: int | None = None
    age_12_14: int | None = None
    age_15_17: int | None = None
    age_18_21: int | None = None
    offered: list[str] = field(default_factory=list)
    note: str = ""


def _check_contact(data: ContactInput, unit: Unit) -> tuple[date, OutreachArea, dict[str, int]]:
    problems = Problems()
    today = timezone.localdate()
    if data.day is None:
        problems.add("day", _("Ange dagen."), "required")
    elif data.day > today:
        problems.add("day", _("Dagen kan inte ligga i framtiden."), "future")
    elif data.day < today - LOG_BACK:
        problems.add("day", _("En kontakt registreras senast en månad efteråt."), "too_old")
    if data.part_of_day not in PartOfDay.values:
        problems.add("part_of_day", _("Välj tid på dygnet."), "part_of_day")
    area = next((a for a in areas_for(unit) if a.pk == data.area), None)
    if area is None:
        problems.add("area", _("Välj ett område."), "area")
    if data.place not in Place.values:
        problems.add("place", _("Välj plats."), "place")
    if data.company not in Company.values:
        problems.add("company", _("Välj vem du mötte."), "company")
    counts = {name: getattr(data, name) or 0 for name, _label in AGE_BANDS}
    for name, value in counts.items():
        if value < 0:
            problems.add(name, _("Antalet kan inte vara negativt."), "negative")
        elif value > 500:
            problems.add(name, _("Högst 500."), "too_many")
    if all(value <= 0 for value in counts.values()):
        problems.add("under_12", _("Ange hur många du mötte i minst en åldersgrupp."), "nobody")
    if not data.offered or any(code not in Offer.values for code in data.offered):
        problems.add("offered", _("Välj vad som erbjöds."), "offered")
    note = data.note.strip()
    if len(note) > NOTE_LIMIT:
        problems.add("note", _("Högst %(n)d tecken.") % {"n": NOTE_LIMIT}, "max_length")
    elif (why := identifying(note)) is not None:
        problems.add("note", why, "identifying")
    problems.raise_any()
    assert data.day is not None and area is not None
    return data.day, area, counts


def contact_log(*, actor: Actor, data: ContactInput) -> OutreachContact:
    """Log an anonymous contact. Not personal data: no read or write is logged for it, only a refusal."""
    if not rules.may_log_outreach(actor.user):
        refuse(actor, view_name="outreach.contact")
    unit = unit_of(actor)
    day, area, counts = _check_contact(data, unit)
    with transaction.atomic():
        return OutreachContact.objects.create(
            day=day,
            part_of_day=data.part_of_day,
            area=area,
            place=data.place,
            company=data.company,
            offered=[code for code in Offer.values if code in data.offered],
            note=data.note.strip(),
            unit=unit,
            recorded_by=actor.user,
            recorded_at=timezone.now(),
            **counts,
        )


@dataclass(frozen=True)
class ChildInput:
    """What the child gave, if anything: a number, a name, or only an age; what they want; how to reach them."""

    wants: str
    reach: str
    identity_number: str = ""
    given_name: str = ""
    family_name: str = ""
    age: int | None = None
    area: int | None = None


def _adult_on(birth: date, day: date) -> bool:
    try:
        eighteenth = birth.replace(year=birth.year + 18)
    except ValueError:  # born on 29 February: of age on 1 March
        eighteenth = date(birth.year + 18, 3, 1)
    return day >= eighteenth


def _estimated_birth(age: int, today: date) -> date:
    """A birth date for a child who gave only an age: half a year past the birthday, as intake asks for one."""
    return today.replace(year=today.year - age, day=1) - timedelta(days=182)


def _check_child(data: ChildInput, unit: Unit) -> tuple[date | None, OutreachArea | None]:
    """Every check at once, before anything is registered: what intake would refuse, asked here first, so
    a refusal is the same whoever the child is (the age comes from what was typed, never a record)."""
    problems = Problems()
    today = timezone.localdate()
    birth = None
    if data.identity_number.strip():
        try:
            number, _synthetic = parse_entered_identity_number(
                data.identity_number, allow_synthetic=settings.SYNTHETIC_IDENTITIES_ALLOWED
            )
        except ValidationError as exc:
            problems.add("identity_number", exc.messages[0], "identity_number")
        else:
            birth = number.birth_date
            if _adult_on(birth, today):
                problems.add("identity_number", _("Personen har fyllt 18 år: här lämnas bara barn vidare."), "adult")
    elif data.age is None:
        problems.add("age", _("Ange barnets ungefärliga ålder, eller personnumret om barnet gav det."), "required")
    elif data.age not in ALLOWED_AGES:
        problems.add("age", _("Ange en ålder mellan 6 och 17 år."), "age")
    else:
        birth = _estimated_birth(data.age, today)
    if not data.wants.strip():
        problems.add("wants", _("Skriv vad barnet vill ha hjälp med."), "required")
    elif len(data.wants) > 2000:
        problems.add("wants", _("Högst %(n)d tecken.") % {"n": 2000}, "max_length")
    if not data.reach.strip():
        problems.add("reach", _("Skriv hur mottagningen når barnet, eller att barnet hör av sig själv."), "required")
    elif len(data.reach) > 400:
        problems.add("reach", _("Högst %(n)d tecken.") % {"n": 400}, "max_length")
    for name in ("given_name", "family_name"):
        if len(getattr(data, name).strip()) > 100:
            problems.add(name, _("Högst %(n)d tecken.") % {"n": 100}, "max_length")
    area = next((a for a in areas_for(unit) if a.pk == data.area), None) if data.area is not None else None
    problems.raise_any()
    return birth, area


def _content(data: ChildInput, area: OutreachArea | None) -> str:
    name = " ".join(f"{data.given_name} {data.family_name}".split())
    lines = [_("Barn som vill ha hjälp, mött i uppsökande arbete.")]
    if not data.identity_number.strip():
        lines.append(
            _("Känd till namn: %(name)s.") % {"name": name} if name else _("Barnet gav inte sitt namn."),
        )
        lines.append(_("Födelsedatum uppskattat från åldern barnet uppgav: %(age)s år.") % {"age": data.age})
    if area is not None:
        lines.append(_("Område: %(area)s.") % {"area": area.name})
    lines.append(_("Vad barnet vill: %(wants)s") % {"wants": data.wants.strip()})
    lines.append(_("Hur barnet nås: %(reach)s") % {"reach": data.reach.strip()})
    return "\n".join(lines)


def outreach_signal(*, actor: Actor, data: ChildInput) -> None:
    """A child met in the field wants help: a signal to the unit's mottagning, with the protection
    assessment's clock started by intake. Returns nothing: the field page says "sent" and no more.

    The duplicate warning is skipped (`not_a_duplicate`): it would tell the worker that a child of that
    name is already known. The mottagning joins the records if it is the same child."""
    if not rules.may_log_outreach(actor.user):
        refuse(actor, view_name="outreach.signal")
    unit = unit_of(actor)
    birth, area = _check_child(data, unit)
    signal_register(
        actor=actor,
        data=SignalInput(
            kind=SignalKind.OUTREACH,
            received_at=timezone.now(),
            reporter_type=ReporterType.NOT_A_REPORT,
            content=_content(data, area),
            identity_number=data.identity_number.strip(),
            given_name=data.given_name.strip() or UNKNOWN_GIVEN,
            family_name=data.family_name.strip() or UNKNOWN_FAMILY,
            birth_date=None if data.identity_number.strip() else birth,
            reporter_organisation=_("Fältarbete, %(unit)s") % {"unit": unit.name},
            reporter_name=actor.user.get_full_name() or actor.user.get_username(),
            not_a_duplicate=True,
        ),
    )
