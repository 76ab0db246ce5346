"""What `make bench` times of working with partners: a Bob-råd whose agenda holds 40 of the team's cases,
and a register with a realistic history (a dozen disclosures a case on the first cases). The seed has none,
so they are made once per copy of the database through the services, as workers make them."""

from datetime import timedelta
from uuid import UUID

from django.utils import timezone

from access.actor import Actor
from accounts.models import User
from cases.models import Case
from collaboration import bases
from collaboration.disclosures import DisclosureInput, disclosure_record
from collaboration.meetings import ItemInput, MeetingInput, meeting_create, meeting_item_record
from collaboration.models import Channel, Disclosure, Meeting, RecipientKind

AGENDA = 40
PER_CASE = 12
TITLE = "Bob-råd, benchmark"


def bob_meeting(user: User, cases: list[UUID]) -> UUID:
    """The public id of a held Bob-råd with `AGENDA` cases of the team on it."""
    actor = Actor.system(user)
    found = Meeting.objects.filter(title=TITLE).first()
    if found is None:
        data = MeetingInput(
            kind="bob", held_on=timezone.localdate() - timedelta(days=1), title=TITLE, participants="Polisen, skolan."
        )
        found = meeting_create(actor=actor, data=data)
        for public_id in cases[:AGENDA]:
            words = ItemInput(discussed="Barnet har setts med äldre i området.", decided="Kontakt med fältgruppen.")
            meeting_item_record(actor=actor, case_public_id=public_id, meeting_id=found.public_id, data=words)
    return found.public_id


def disclosed_cases(user: User, cases: list[UUID]) -> list[UUID]:
    """The first ten cases, each with `PER_CASE` disclosures to the police under OSL 10 kap. 2 §."""
    actor = Actor.system(user)
    chosen = cases[:10]
    children = dict(Case.objects.filter(public_id__in=chosen).values_list("public_id", "child__public_id"))
    for public_id in chosen:
        have = Disclosure.objects.filter(case__public_id=public_id).count()
        for n in range(have, PER_CASE):
            data = DisclosureInput(
                person=str(children[public_id]),
                disclosed_on=timezone.localdate() - timedelta(days=30 * n),
                recipient_kind=RecipientKind.POLICE,
                recipient="Polisen, lokalpolisområde Norr",
                channel=Channel.ORAL,
                what="Att barnet har setts med äldre i nätverket.",
                basis=bases.NECESSARY,
                conditions=frozenset({"2-necessary"}),
                assessment="Nödvändigt för nämndens arbete med barnets skydd.",
            )
            disclosure_record(actor=actor, case_public_id=public_id, data=data)
    return chosen
