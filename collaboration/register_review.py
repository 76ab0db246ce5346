"""What has been disclosed about a person, for the data protection officer and a register extract (issue 16,
point 2): every disclosure about the person in the cases the reviewer may audit, across the municipality
for the log reviewer, across their unit for a unit manager.

The reviewer audits the register, not the case: each row says when, to which kind of recipient, how, on
which provision with which conditions confirmed, on whose consent and by whom, never what was said, the
recipient's own name or the secrecy assessment (those are case content, on the case's own register for
those who work the case). A protected person is named only to a reviewer named for them. A disclosure
about a protected destination is left out for everyone here, as the page says whether or not there is one:
where the child went is the secret, and its rows are for the staff named for it, on the case's register.

Asking is a read of personal data (it tells that the person is known here and was talked about to
partners), so every answer is logged: one row per person and case shown, or the question alone when none is.
"""

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction

from access.actor import Actor
from access.models import AccessAction
from access.reads import log_result_set
from access.review import person_names, persons_with_number, reviewable_cases
from collaboration.bases import confirmed_texts
from collaboration.models import Disclosure
from core.identity import IdentityNumber

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise

VIEW = "collaboration.register_review"


@dataclass(frozen=True)
class RegisterQuestion:
    number: IdentityNumber
    first_day: date | None = None  # None: from the first disclosure
    last_day: date | None = None  # None: up to today


@dataclass(frozen=True)
class ReviewRow:
    disclosure: Disclosure
    person: str  # the name, or "Skyddad person" to a reviewer not named for them
    corrected: bool  # a newer row corrects this one

    @property
    def conditions(self) -> list["_StrOrPromise"]:
        return confirmed_texts(self.disclosure.conditions)


@dataclass(frozen=True)
class RegisterAnswer:
    question: RegisterQuestion
    rows: list[ReviewRow]
    known: bool  # whether anyone here carries the number

    @property
    def recipients(self) -> list[str]:
        """The kinds of recipient, each once, in the order first met: the extract's summary."""
        return list(dict.fromkeys(str(row.disclosure.get_recipient_kind_display()) for row in self.rows))


def disclosures_about(actor: Actor, question: RegisterQuestion, *, printed: bool = False) -> RegisterAnswer:
    """Oldest first, as an extract reads, with corrections marked: the same four queries for any number."""
    persons = persons_with_number(question.number)
    found = Disclosure.objects.filter(
        person_id__in=persons, case__in=reviewable_cases(actor.user), destination=False
    ).select_related("case", "legal_basis", "disclosed_by", "consent__given_by", "meeting_item__meeting")
    if question.first_day is not None:
        found = found.filter(disclosed_on__gte=question.first_day)
    if question.last_day is not None:
        found = found.filter(disclosed_on__lte=question.last_day)
    with transaction.atomic():
        disclosures = list(found.order_by("disclosed_on", "id")) if persons else []
        corrected = set(
            Disclosure.objects.filter(corrects__in=[d.pk for d in disclosures]).values_list("corrects_id", flat=True)
        )
        names = person_names(actor.user, {d.person_id for d in disclosures})
        shown = sorted({(d.person_id, d.case_id) for d in disclosures})
        subjects: list[tuple[int | None, int | None]] = [(p, c) for p, c in shown] or [(p, None) for p in persons]
        log_result_set(
            actor,
            action=AccessAction.PRINT if printed else AccessAction.LIST,
            view_name=VIEW + (".pdf" if printed else ""),
            subjects=subjects or [(None, None)],
        )
    rows = [ReviewRow(d, names.get(d.person_id, ""), d.pk in corrected) for d in disclosures]
    return RegisterAnswer(question=question, rows=rows, known=bool(persons))
