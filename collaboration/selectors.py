"""Reading the disclosure register and the consent ledger: what has been disclosed about the child and their
relatives, to whom, and who consented to what; each read of the case through access and logged; and what
the forms offer.

A disclosure about a relative the reader may not see (a protected relative they are not named for) is
left out and only counted, like the relative on the case page.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING
from uuid import UUID

from django.http import Http404
from django.utils import timezone

from access.actor import Actor
from access.models import AccessAction
from access.permissions import CaseAction
from access.reads import CaseRead, log_result_set, read_case, reading_case
from accounts.models import User
from cases.models import Case
from collaboration.bases import confirmed_texts
from collaboration.consents import custodians_of, visible_consent
from collaboration.models import Disclosure, IncomingInformation, MeetingItem, PartnerConsent, Transfer
from collaboration.persons import hidden_relatives, persons_of_case
from people.models import Person
from protection.models import Handover

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
    transfers: list[Transfer]  # the case handed to another municipality: each with its disclosure above
    # What went to the receiving municipality when the child was moved to a protected destination
    # (`protection.relocation`): part of the register, for the staff named for the destination alone.
    handovers: list[Handover]


def disclosure_page(actor: Actor, public_id: object) -> DisclosurePage:
    """The case's disclosures, newest first, with their corrections: the same few queries for any number."""
    with reading_case(actor, public_id, view_name="collaboration.disclosures") as read:
        hidden = hidden_relatives(actor.user, read.case)
        every = list(
            Disclosure.objects.filter(case=read.case).select_related(
                "person", "legal_basis", "disclosed_by", "consent__given_by", "meeting_item__meeting"
            )
        )
        sees = read.sees_destination
        # About a protected destination (a transfer while one is live): for the staff named for it only, and
        # to anyone else not there at all, not even counted (`protection.parts`: not a hint).
        every = [d for d in every if sees or not d.destination]
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
        transfers = list(
            Transfer.objects.filter(case=read.case, disclosure__destination__in=[False, sees]).select_related(
                "recorded_by", "disclosure"
            )
        )
        handovers = (
            list(Handover.objects.filter(relocation__case=read.case).select_related("legal_basis", "recorded_by"))
            if sees
            else []
        )
        if handovers or any(d.destination for d in shown):
            # Where the child went is shown: a destination row of its own, flagged for the log reviewer.
            log_result_set(
                actor,
                action=AccessAction.DESTINATION,
                view_name="protection.destination.register",
                subjects=[(read.case.child_id, read.case.pk)],
            )
        return DisclosurePage(
            read=read,
            rows=rows,
            hidden=sum(1 for d in every if d.person_id in hidden),
            transfers=transfers,
            handovers=handovers,
        )


@dataclass(frozen=True)
class DisclosureFormRead:
    read: CaseRead
    persons: list[Person]
    corrects: Disclosure | None
    consents: list[PartnerConsent]
    meeting_item: MeetingItem | None  # the case's meeting item it follows from (a correction keeps its original's)


def disclosure_form_read(
    actor: Actor, public_id: object, *, corrects: UUID | None = None, meeting_item: UUID | None = None
) -> DisclosureFormRead:
    """The read behind the form: who may record a disclosure in the case, and whom it may be about (each
    relative offered a LIST row). A correction's original must be about someone the reader may see; a
    meeting item must be the case's own."""
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
        original = (
            Disclosure.objects.filter(case=read.case, public_id=corrects)
            .select_related("legal_basis", "meeting_item__meeting")
            .first()
        )
        if original is None or all(p.pk != original.person_id for p in persons):
            raise Http404
        if original.destination and not read.sees_destination:
            raise Http404  # about a protected destination: as if it were not there
    item = original.meeting_item if original is not None else None
    if meeting_item is not None and original is None:
        item = MeetingItem.objects.filter(case=read.case, public_id=meeting_item).select_related("meeting").first()
        if item is None:
            raise Http404
    return DisclosureFormRead(
        read=read,
        persons=persons,
        corrects=original,
        consents=_consents_offered(actor.user, read.case),
        meeting_item=item,
    )


@dataclass(frozen=True)
class ConsentPage:
    read: CaseRead
    live: list[PartnerConsent]  # live today
    past: list[PartnerConsent]  # withdrawn, run out, or not yet in force
    hidden: int  # consents about relatives kept from the reader


def consent_page(actor: Actor, public_id: object) -> ConsentPage:
    """The case's consent ledger, live first: the same few queries for any number of consents."""
    with reading_case(actor, public_id, view_name="collaboration.consents") as read:
        hidden = hidden_relatives(actor.user, read.case)
        every = list(
            PartnerConsent.objects.filter(case=read.case).select_related(
                "person", "given_by", "recorded_by", "withdrawn_by"
            )
        )
        shown = [c for c in every if c.person_id not in hidden]
        relatives = sorted({c.person_id for c in shown} - {read.case.child_id})
        if relatives:
            log_result_set(
                actor,
                action=AccessAction.LIST,
                view_name="collaboration.consents.persons",
                subjects=[(pk, read.case.pk) for pk in relatives],
            )
        today = timezone.localdate()
        return ConsentPage(
            read=read,
            live=[c for c in shown if c.live_on(today)],
            past=[c for c in shown if not c.live_on(today)],
            hidden=len(every) - len(shown),
        )


@dataclass(frozen=True)
class ConsentFormRead:
    read: CaseRead
    persons: list[Person]
    givers: list[Person]  # the persons, and the child's guardians with custody among them


def consent_form_read(actor: Actor, public_id: object) -> ConsentFormRead:
    """The read behind the consent form: whom a consent may be about and who may give it (each relative
    offered a LIST row)."""
    read = read_case(actor, public_id, view_name="collaboration.consent.form", for_action=CaseAction.DISCLOSE)
    persons = persons_of_case(actor.user, read.case)
    if len(persons) > 1:
        log_result_set(
            actor,
            action=AccessAction.LIST,
            view_name="collaboration.consent.form.persons",
            subjects=[(p.pk, read.case.pk) for p in persons[1:]],
        )
    custodians = custodians_of(read.case)
    givers = [p for p in persons if p.pk == read.case.child_id or p.pk in custodians]
    others = [p for p in persons if p not in givers]
    return ConsentFormRead(read=read, persons=persons, givers=givers + others)


@dataclass(frozen=True)
class WithdrawRead:
    read: CaseRead
    consent: PartnerConsent


def consent_withdraw_read(actor: Actor, public_id: object, consent_id: UUID) -> WithdrawRead:
    """The read behind the withdrawal form: a consent of the case about someone the reader may see."""
    read = read_case(actor, public_id, view_name="collaboration.consent.withdraw.form", for_action=CaseAction.DISCLOSE)
    consent = visible_consent(actor.user, read.case, consent_id)
    if consent is None:
        raise Http404
    return WithdrawRead(read=read, consent=consent)


def _consents_offered(user: User, case: Case) -> list[PartnerConsent]:
    """The consents of the case about someone the user may see, withdrawn ones too: a disclosure on an
    earlier day may rest on a consent withdrawn since (the service checks the disclosure's own day)."""
    hidden = hidden_relatives(user, case)
    every = PartnerConsent.objects.filter(case=case).select_related("person", "given_by")
    return [c for c in every if c.person_id not in hidden]


@dataclass(frozen=True)
class IncomingRow:
    information: IncomingInformation
    corrects: IncomingInformation | None  # the row this one corrects, when it is a correction
    corrected: bool  # a newer row corrects this one


@dataclass(frozen=True)
class IncomingPage:
    read: CaseRead
    rows: list[IncomingRow]


def incoming_page(actor: Actor, public_id: object) -> IncomingPage:
    """What partners have told the committee about the child of the case, newest first, with their
    corrections: one logged read of the case and one query for the rows, however many."""
    with reading_case(actor, public_id, view_name="collaboration.incoming_list") as read:
        every = list(IncomingInformation.objects.filter(case=read.case).select_related("recorded_by"))
        by_id = {x.pk: x for x in every}
        corrected = {x.corrects_id for x in every}
        rows = [IncomingRow(x, by_id.get(x.corrects_id) if x.corrects_id else None, x.pk in corrected) for x in every]
        return IncomingPage(read=read, rows=rows)


def incoming_form_read(actor: Actor, public_id: object) -> CaseRead:
    """The read behind the form for information on the case: those who may write in the case's journal."""
    return read_case(actor, public_id, view_name="collaboration.incoming.form", for_action=CaseAction.JOURNAL)


@dataclass(frozen=True)
class IncomingCorrectionRead:
    read: CaseRead
    corrects: IncomingInformation


def incoming_correction_read(actor: Actor, public_id: object, incoming_id: UUID) -> IncomingCorrectionRead:
    """The read behind the correction form: those who may write in the case's journal, and a row of the
    case (another case's row is a 404, as if it were not there)."""
    read = read_case(
        actor, public_id, view_name="collaboration.incoming.correction.form", for_action=CaseAction.JOURNAL
    )
    original = IncomingInformation.objects.filter(case=read.case, public_id=incoming_id).first()
    if original is None:
        raise Http404
    return IncomingCorrectionRead(read=read, corrects=original)


@dataclass(frozen=True)
class TransferFormRead:
    read: CaseRead
    consents: list[PartnerConsent]  # about the child: a transfer is about the child


def transfer_form_read(
    actor: Actor, public_id: object, *, view_name: str = "collaboration.transfer.form"
) -> TransferFormRead:
    """The read behind the transfer form and the request's: those who may record a disclosure in the case."""
    read = read_case(actor, public_id, view_name=view_name, for_action=CaseAction.DISCLOSE)
    consents = PartnerConsent.objects.filter(case=read.case, person_id=read.case.child_id).select_related(
        "person", "given_by"
    )
    return TransferFormRead(read=read, consents=list(consents))
