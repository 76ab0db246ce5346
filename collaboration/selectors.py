"""Reading the disclosure register: what has been disclosed about the child and their relatives, to whom,
each read of the case through access and logged; and what the form offers.

A disclosure about a relative the reader may not see (a protected relative they are not named for) is
left out and only counted, like the relative on the case page.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING
from uuid import UUID

from django.http import Http404

from access.actor import Actor
from access.models import AccessAction
from access.permissions import CaseAction
from access.reads import CaseRead, log_result_set, read_case, reading_case
from access.selectors import relatives_of_visible_child
from accounts.models import User
from cases.models import Case
from collaboration.bases import confirmed_texts
from collaboration.disclosures import persons_of_case
from collaboration.models import Disclosure
from people.models import Person

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise


@dataclass(frozen=True)
class DisclosureRow:
    disclosure: Disclosure
    corrects: Disclosure | None  # the row this one corrects, when it is a correction
    corrected: bool  # a newer row corrects this one

    @property
    def conditions(self) -> list["_StrOrPromise"]:
        return confirmed_texts(self.disclosure.conditions)


@dataclass(frozen=True)
class DisclosurePage:
    read: CaseRead
    rows: list[DisclosureRow]
    hidden: int  # disclosures about relatives kept from the reader


def _hidden_relatives(user: User, case: Case) -> set[int]:
    return {
        r.relative_id
        for r in relatives_of_visible_child(user, case.child_id)
        if r.relative_hidden  # type: ignore[attr-defined]  # an annotation
    }


def disclosure_page(actor: Actor, public_id: object) -> DisclosurePage:
    """The case's disclosures, newest first, with their corrections: the same few queries for any number."""
    with reading_case(actor, public_id, view_name="collaboration.disclosures") as read:
        hidden = _hidden_relatives(actor.user, read.case)
        every = list(Disclosure.objects.filter(case=read.case).select_related("person", "legal_basis", "disclosed_by"))
        shown = [d for d in every if d.person_id not in hidden]
        by_id = {d.pk: d for d in shown}
        corrected = {d.corrects_id for d in shown}
        relatives = sorted({d.person_id for d in shown} - {read.case.child_id})
        if relatives:
            log_result_set(
                actor,
                action=AccessAction.LIST,
                view_name="collaboration.disclosures.persons",
                subjects=[(pk, read.case.pk) for pk in relatives],
            )
        rows = [DisclosureRow(d, by_id.get(d.corrects_id) if d.corrects_id else None, d.pk in corrected) for d in shown]
        return DisclosurePage(read=read, rows=rows, hidden=sum(1 for d in every if d.person_id in hidden))


@dataclass(frozen=True)
class DisclosureFormRead:
    read: CaseRead
    persons: list[Person]
    corrects: Disclosure | None


def disclosure_form_read(actor: Actor, public_id: object, *, corrects: UUID | None = None) -> DisclosureFormRead:
    """The read behind the form: who may record a disclosure in the case, and whom it may be about (each
    relative offered a LIST row). A correction's original must be about someone the reader may see."""
    read = read_case(actor, public_id, view_name="collaboration.disclosure.form", for_action=CaseAction.DISCLOSE)
    persons = persons_of_case(actor.user, read.case)
    if len(persons) > 1:
        log_result_set(
            actor,
            action=AccessAction.LIST,
            view_name="collaboration.disclosure.form.persons",
            subjects=[(p.pk, read.case.pk) for p in persons[1:]],
        )
    original = None
    if corrects is not None:
        original = Disclosure.objects.filter(case=read.case, public_id=corrects).select_related("legal_basis").first()
        if original is None or all(p.pk != original.person_id for p in persons):
            raise Http404
    return DisclosureFormRead(read=read, persons=persons, corrects=original)
