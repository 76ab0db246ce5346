"""The consent ledger (samtyckesregistret): recording a consent to disclose, and its withdrawal. Every check
at once, in one transaction through `changing_case` with `CaseAction.DISCLOSE`.

A consent is about the child or a relative of the child the recorder may see, to one kind of partner, for
what information and purpose, given by the person themself or by a guardian with custody of the child
(`consent_rules.may_give`). Whether the consents on record suffice for a disclosure is asked when the
disclosure is recorded (`disclosures`), by the person's age on that day.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import changing_case
from accounts.models import User
from cases.models import Case
from collaboration import consent_rules
from collaboration.models import ConsentForm, PartnerConsent, RecipientKind
from collaboration.persons import hidden_relatives, persons_of_case
from core.errors import Problems
from core.fields import TEXT_LIMIT
from core.uuids import parse_uuid
from people.models import Person, Relation, RelationKind
from programme.consent import age_on

NOTE_LIMIT = 300
RECIPIENT_LIMIT = 300


@dataclass(frozen=True)
class ConsentInput:
    """`person` and `given_by`: public ids of persons of the case; `given_by` is the person or a custodian."""

    person: str
    partner_kind: str
    partner: str
    covers: str
    purpose: str
    given_by: str
    given_on: date | None
    form: str
    form_note: str = ""
    valid_until: date | None = None


def custodians_of(case: Case) -> set[int]:
    """The person ids of every guardian with custody recorded for the case's child."""
    relations = Relation.objects.filter(child_id=case.child_id, kind=RelationKind.GUARDIAN_WITH_CUSTODY)
    return set(relations.values_list("relative_id", flat=True))


def partner_consent_record(*, actor: Actor, case_public_id: object, data: ConsentInput) -> PartnerConsent:
    with changing_case(actor, case_public_id, view_name="collaboration.consent", action=CaseAction.DISCLOSE) as case:
        problems = Problems()
        persons = persons_of_case(actor.user, case)
        person = _one_of(problems, "person", persons, data.person, _("Välj barnet eller en anhörig i ärendet."))
        giver = _one_of(problems, "given_by", persons, data.given_by, _("Välj vem som lämnade samtycket."))
        partner, covers, purpose = data.partner.strip(), data.covers.strip(), data.purpose.strip()
        if data.partner_kind not in RecipientKind.values:
            problems.add("partner_kind", _("Välj vilken samverkanspartner samtycket gäller."), "required")
        _text(problems, "partner", partner, _("Skriv partnerns namn och enhet."), RECIPIENT_LIMIT)
        _text(problems, "covers", covers, _("Skriv vilka uppgifter samtycket omfattar."), TEXT_LIMIT)
        _text(problems, "purpose", purpose, _("Skriv för vilket syfte uppgifterna får lämnas."), TEXT_LIMIT)
        if data.form not in ConsentForm.values:
            problems.add("form", _("Välj hur samtycket lämnades: muntligt, skriftligt eller digitalt."), "required")
        if len(data.form_note) > NOTE_LIMIT:
            problems.add("form_note", _("Högst %(n)d tecken.") % {"n": NOTE_LIMIT}, "max_length")
        given_on = _given_on(problems, data)
        if person is not None and giver is not None and given_on is not None:
            is_child = person.pk == case.child_id
            age = age_on(person.birth_date, given_on)
            if not consent_rules.may_give(
                giver=giver.pk, person=person.pk, is_child=is_child, custodians=custodians_of(case), age=age
            ):
                problems.add("given_by", _giver_refusal(is_child, age), "not_giver")
        problems.raise_any()
        assert person is not None and giver is not None and given_on is not None  # else a problem was raised
        return PartnerConsent.objects.create(
            case=case,
            person=person,
            partner_kind=data.partner_kind,
            partner=partner,
            covers=covers,
            purpose=purpose,
            given_by=giver,
            given_on=given_on,
            form=data.form,
            form_note=data.form_note.strip(),
            valid_until=data.valid_until,
            recorded_by=actor.user,
            recorded_at=timezone.now(),
        )


def partner_consent_withdraw(
    *, actor: Actor, case_public_id: object, consent_id: object, withdrawn_on: date | None
) -> PartnerConsent:
    """Record that a consent was withdrawn, from a day: once, never before it was given, never ahead."""
    view_name = "collaboration.consent.withdraw"
    with changing_case(actor, case_public_id, view_name=view_name, action=CaseAction.DISCLOSE) as case:
        problems = Problems()
        consent = visible_consent(actor.user, case, consent_id, for_update=True)
        if consent is None:
            problems.add("consent", _("Samtycket finns inte i ärendet."), "no_consent")
        elif consent.withdrawn_on is not None:
            problems.add("withdrawn_on", _("Samtycket är redan återkallat."), "withdrawn")
        if withdrawn_on is None:
            problems.add("withdrawn_on", _("Skriv vilken dag samtycket återkallades."), "required")
        elif withdrawn_on > timezone.localdate():
            problems.add("withdrawn_on", _("Datumet kan inte ligga i framtiden."), "future")
        elif consent is not None and withdrawn_on < consent.given_on:
            problems.add("withdrawn_on", _("Samtycket kan inte återkallas före den dag det lämnades."), "before_given")
        problems.raise_any()
        assert consent is not None and withdrawn_on is not None  # else a problem was raised
        consent.withdrawn_on, consent.withdrawn_by, consent.withdrawn_at = withdrawn_on, actor.user, timezone.now()
        consent.save(update_fields=["withdrawn_on", "withdrawn_by", "withdrawn_at"])
        return consent


def visible_consent(user: User, case: Case, raw: object, *, for_update: bool = False) -> PartnerConsent | None:
    """A consent of the case about someone the user may see; None as if it were not there otherwise."""
    key = parse_uuid(raw)
    if key is None:
        return None
    found = PartnerConsent.objects.filter(case=case, public_id=key)
    consent = (found.select_for_update() if for_update else found).first()
    if consent is None or consent.person_id in hidden_relatives(user, case):
        return None
    return consent


def _giver_refusal(is_child: bool, age: int | None) -> str:
    if not is_child:
        return _("Ett samtycke om en anhörig lämnas av den anhörige själv.")
    if age is not None and age >= consent_rules.ADULT_AGE:
        return _("Den som har fyllt 18 år samtycker själv: vårdnaden har upphört.")
    return _(
        "Samtycket lämnas av barnet självt eller av en vårdnadshavare med vårdnad om barnet. En förälder utan "
        "vårdnad eller en annan anhörig kan inte samtycka för barnet."
    )


def _one_of(problems: Problems, field: str, persons: list[Person], raw: str, missing: str) -> Person | None:
    key = parse_uuid(raw)
    found = next((p for p in persons if p.public_id == key), None) if key else None
    if found is None:
        problems.add(field, missing, "not_of_case")
    return found


def _text(problems: Problems, field: str, text: str, missing: str, limit: int) -> None:
    if not text:
        problems.add(field, missing, "required")
    elif len(text) > limit:
        problems.add(field, _("Högst %(n)d tecken.") % {"n": limit}, "max_length")


def _given_on(problems: Problems, data: ConsentInput) -> date | None:
    day = data.given_on
    if day is None:
        problems.add("given_on", _("Skriv vilken dag samtycket lämnades."), "required")
        return None
    if day > timezone.localdate():
        problems.add("given_on", _("Datumet kan inte ligga i framtiden."), "future")
        return None
    if data.valid_until is not None and data.valid_until < day:
        problems.add("valid_until", _("Samtycket kan inte gälla till en dag före den då det lämnades."), "before_given")
    return day


@dataclass(frozen=True)
class Cover:
    """What the live consents say about one disclosure: the chosen consent, and what is still missing."""

    consent: PartnerConsent | None
    problems: list[tuple[str, str]]  # (code, message)


def consent_cover(case: Case, person: Person, partner_kind: str, day: date, raw: str) -> Cover:
    """Whether the chosen consent, with the other live ones, lets the disclosure be made on the day.

    The chosen one must be of the case, about the person, to that kind of partner and live on the day
    (given by then, not withdrawn by then, not run out). Then every consent the person's age asks for
    (`consent_rules.missing`) must be live too: the person's own, and each guardian's with custody.
    """
    key = parse_uuid(raw) if raw else None
    every = list(PartnerConsent.objects.filter(case=case, person=person, partner_kind=partner_kind))
    live = [c for c in every if c.live_on(day)]
    chosen = next((c for c in live if c.public_id == key), None) if key else None
    if chosen is None:
        message = _(
            "Inget gällande samtycke omfattar utlämnandet: välj ett samtycke som gäller personen och den "
            "sortens mottagare den dag uppgiften lämnades, och som inte var återkallat. Finns inget, får "
            "uppgiften inte lämnas ut med samtycke."
        )
        return Cover(None, [("no_consent", message)])
    custodians = custodians_of(case)
    codes = consent_rules.missing(
        age_on(person.birth_date, day),
        is_child=person.pk == case.child_id,
        custodians=custodians,
        own=any(c.given_by_id == person.pk for c in live),
        guardians={c.given_by_id for c in live if c.given_by_id in custodians},
    )
    return Cover(chosen, [(code, str(MISSING[code]) % {"n": consent_rules.OWN_DECISION_AGE}) for code in codes])


MISSING = {
    consent_rules.OWN: gettext_lazy("Personens eget samtycke behövs och gäller inte den dagen."),
    consent_rules.GUARDIANS: gettext_lazy(
        "Samtycke behövs från varje vårdnadshavare med vårdnad om barnet, och alla gäller inte den dagen."
    ),
    consent_rules.NO_CUSTODIAN: gettext_lazy(
        "Barnets vårdnadshavare ska samtycka, men ingen vårdnadshavare med vårdnad är registrerad för barnet."
    ),
    consent_rules.RELATIVE_MINOR: gettext_lazy(
        "Anhörigen är under %(n)d år: samtycke från den anhöriges vårdnadshavare kan inte registreras här."
    ),
}
