"""Finding people and the person page. Everything goes through access.selectors and writes the access log."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from access import rules
from access import selectors as access
from access.actor import Actor
from access.models import AccessAction
from access.reads import log_result_set, read_person
from cases.models import Case
from core.history import ChangeRow, change_rows
from core.identity import identity_indexes, looks_like_identity_number, parse_entered_identity_number
from people.models import Person, Relation

SEARCH_LIMIT = 50
# What a hit shows (casefile/_search_results.html). The identity number and the contact details are
# encrypted, and decrypting them for every hit cost more than the rest of the row.
HIT_FIELDS = ("public_id", "given_name", "family_name", "birth_date", "protection_level")
HIT_ORDER = ("family_name", "given_name", "id")
MIN_NAME_FRAGMENT = 2
MAX_QUERY = 100


@dataclass
class SearchResult:
    persons: list[Person] = field(default_factory=list)
    error: str = ""
    truncated: bool = False


def _identity_lookup(query: str) -> list[str]:
    number, _synthetic = parse_entered_identity_number(query, allow_synthetic=settings.SYNTHETIC_IDENTITIES_ALLOWED)
    return identity_indexes(number)


def name_matches(fragment: str) -> Q:
    if len(fragment) > MIN_NAME_FRAGMENT:
        return Q(search_name__contains=fragment)
    # Two letters match the start of a name ("ek": Ek, Ekström, not Bergek): inside names they match
    # a large share of everyone.
    return Q(search_name__startswith=fragment) | Q(search_name__contains=f" {fragment}")


def search_persons(actor: Actor, query: str) -> SearchResult:
    """Exact identity number, or a name fragment; only among persons the actor may see."""
    query = " ".join((query or "").split())[:MAX_QUERY]
    if looks_like_identity_number(query):
        # An identity number finds one or two persons; each is then tested against the rule.
        try:
            visible = access.visible_persons(actor.user).filter(identity_index__in=_identity_lookup(query))
        except ValidationError as exc:
            return SearchResult(error=exc.messages[0])
    elif len(query) >= MIN_NAME_FRAGMENT:
        visible = access.visible_persons_matching(actor.user, name_matches(query.lower()))
    else:
        return SearchResult(error=_("Skriv minst två bokstäver av namnet, eller ett helt personnummer."))
    with transaction.atomic():
        # The hits are chosen and sorted by id and names alone (index-only on PostgreSQL, `person_id_names`),
        # and only those shown are read from the table.
        chosen = visible.order_by(*HIT_ORDER).values("id")[: SEARCH_LIMIT + 1]
        persons = list(Person.objects.filter(id__in=chosen).only(*HIT_FIELDS).order_by(*HIT_ORDER))
        shown = persons[:SEARCH_LIMIT]
        log_result_set(
            actor, action=AccessAction.SEARCH, view_name="person.search", subjects=[(p.pk, None) for p in shown]
        )
    return SearchResult(persons=shown, truncated=len(persons) > SEARCH_LIMIT)


@dataclass
class RelativeRow:
    kind_label: str
    person: Person | None  # None: a protected relative the actor is not named for


@dataclass
class PersonPage:
    person: Person
    show_contact_details: bool
    relatives: list[RelativeRow]
    children: list[RelativeRow]
    cases: list[Case]
    history: list[ChangeRow]


def person_page(actor: Actor, public_id: object) -> PersonPage:
    # The person and its log row commit first, so a denied attempt is kept even though it raises.
    person = read_person(actor, public_id, view_name="person.detail")
    with transaction.atomic():
        visible = access.visible_persons(actor.user)
        relations = list(Relation.objects.filter(child=person).select_related("relative").order_by("kind", "id"))
        allowed = set(visible.filter(id__in=[r.relative_id for r in relations]).values_list("id", flat=True))
        relatives = [
            RelativeRow(str(r.get_kind_display()), r.relative if r.relative_id in allowed else None) for r in relations
        ]
        children = [
            RelativeRow(str(r.get_kind_display()), r.child)
            for r in Relation.objects.filter(relative=person, child_id__in=visible.values("id"))
            .select_related("child")
            .order_by("kind", "id")
        ]
        cases = list(access.visible_cases(actor.user).filter(child=person).select_related("team", "responsible"))
        related_shown: list[tuple[int | None, int | None]] = [
            (row.person.pk, None) for row in relatives + children if row.person is not None
        ]
        if related_shown:
            log_result_set(actor, action=AccessAction.LIST, view_name="person.detail.related", subjects=related_shown)
    return PersonPage(
        person=person,
        show_contact_details=rules.may_see_contact_details(actor.user, person),
        relatives=relatives,
        children=children,
        cases=cases,
        history=change_rows(person.history.all()),
    )
