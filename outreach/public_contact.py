"""The safe way in (issue 16 point 6): a child, a young person or a guardian asks the social services for
contact on a public page, anonymously or not, and the request lands as a signal with the intake team.

The request is registered by the municipality's receiving account (`settings.UTVAG_PUBLIC_CONTACT_ACCOUNT`:
an account that cannot sign in, of the unit whose mottagning answers), through `intake.services.
signal_register`: routed by the child's identity like any signal, the protection assessment's clock started
"genast", the team told. The page never learns whether the child is known: the answer is the same for
everyone. The sender's IP address is used only for the rate limit, as a keyed hash kept for its hour, and is
not written to the access log: a household's address would point at the child. A refused send is logged
(as the receiving account, with the problems' codes and no address); of a flood, only the first send over
the limit is.

Out of office hours the on-call team (`Team.is_on_call`, socialjouren) is told too, without the child's
name; it opens the case by emergency access, with its reason, if it cannot wait.
"""

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from access.actor import Actor
from access.log import write_access_events
from access.models import AccessAction
from accounts.models import Team, User
from core.calendar import add_months, is_day_off
from deadlines.models import NoticeKind
from deadlines.notices import notify
from intake.models import ReporterType, Signal, SignalKind
from intake.services import SignalInput, signal_register
from outreach.models import RateCount

WHO = ("child", "guardian", "other")
SAFE = ("yes", "text", "no")
OLDEST = 17  # a signal is about a child; a young adult is told where to call instead
MESSAGE_LIMIT, NAME_LIMIT, REACH_LIMIT = 4000, 100, 200
# Office hours of the intake team [ours: set with the municipality]; out of them the on-call team is told.
OPENS, CLOSES = time(8, 0), time(16, 30)
# At most this many sends an hour from one address, and from everyone together [ours]: enough for a
# household or a school's network with a few mistakes, too few for a script to flood the intake team.
PER_ADDRESS, PER_HOUR = 10, 200
HOUR = 3600
VIEW_NAME = "outreach.public_contact"
UNNAMED_GIVEN, UNNAMED_FAMILY = "Namn okänt", "(kontakt via webben)"


@dataclass(frozen=True)
class ContactRequest:
    who: str
    age: int | None
    message: str
    name: str = ""
    reach: str = ""
    safe: str = ""


def problems(data: ContactRequest) -> dict[str, str]:
    """Every problem at once: the field and the name of its message in `public_texts.Words`."""
    found = {}
    if data.who not in WHO:
        found["who"] = "error_who"
    if data.age is None or not 0 <= data.age <= 120:
        found["age"] = "error_age"
    elif data.age > OLDEST:
        found["age"] = "error_adult"
    if not data.message.strip():
        found["message"] = "error_message"
    elif len(data.message) > MESSAGE_LIMIT or len(data.name) > NAME_LIMIT or len(data.reach) > REACH_LIMIT:
        found["message"] = "error_too_long"
    return found


def refusal_log(account: User, reason: str) -> None:
    """A refused send, as the receiving account, naming no one and no address."""
    write_access_events(
        Actor.system(account), action=AccessAction.REFUSED, view_name=VIEW_NAME, subjects=[(None, None)], reason=reason
    )


def receiving_account() -> User | None:
    return User.objects.filter(username=settings.UTVAG_PUBLIC_CONTACT_ACCOUNT, unit__isnull=False).first()


@dataclass(frozen=True)
class Counted:
    ok: bool
    first_over: bool


def within_limits(address: str | None) -> Counted:
    """Counts this request against the hour's limits. `first_over`: this is the request that went over, the
    one refusal worth a row in the access log (a flood must not fill the append-only log)."""
    hour = int(timezone.now().timestamp()) // HOUR
    mark = hmac.new(settings.SECRET_KEY.encode(), (address or "").encode(), hashlib.sha256).hexdigest()[:32]
    # The address first, and everyone only for a send the address may make: one address's flood must not
    # use up the hour for every other child.
    for key, limit in ((mark, PER_ADDRESS), ("all", PER_HOUR)):
        n = _counted(f"{key}:{hour}", hour)
        if n > limit:
            return Counted(ok=False, first_over=n == limit + 1)
    return Counted(ok=True, first_over=False)


def _counted(bucket: str, hour: int) -> int:
    """One more in the bucket, in its own transaction: the row's update waits for a concurrent one."""
    with transaction.atomic():
        made = RateCount.objects.get_or_create(bucket=bucket, defaults={"hour": hour})[1]
        RateCount.objects.filter(bucket=bucket).update(count=F("count") + 1)
        if made:
            RateCount.objects.filter(hour__lt=hour).delete()  # an hour gone by: nothing of it is kept
        return RateCount.objects.values_list("count", flat=True).get(bucket=bucket)


def out_of_hours(moment: datetime) -> bool:
    local = timezone.localtime(moment)
    return is_day_off(local.date()) or not OPENS <= local.time() < CLOSES


def contact_send(*, account: User, data: ContactRequest, received_at: datetime) -> None:
    """Register the request as a signal and tell whoever must know now; the caller has checked `problems`."""
    assert data.age is not None  # checked by `problems`
    with transaction.atomic():
        receipt = signal_register(actor=Actor.system(account), data=_signal(data, received_at))
        if out_of_hours(received_at):
            assert account.unit_id is not None  # `receiving_account` has a unit
            on_call_teams = Team.objects.filter(is_on_call=True, unit_id=account.unit_id)
            on_call = list(User.objects.filter(team__in=on_call_teams, is_active=True))
            case = Signal.objects.select_related("case__team").get(pk=receipt.signal_id).case
            notify(recipients=on_call, kind=NoticeKind.WEB_CONTACT_AFTER_HOURS, case=case)


def _signal(data: ContactRequest, received_at: datetime) -> SignalInput:
    assert data.age is not None
    anonymous = not (data.name.strip() or data.reach.strip())
    child_writes = data.who == "child"
    given, _, family = data.name.strip().partition(" ") if child_writes else ("", "", "")
    # A person must have a name; one the child did not give says so, and the team corrects it when known.
    given, family = given or UNNAMED_GIVEN, family or UNNAMED_FAMILY
    return SignalInput(
        kind=SignalKind.WEB_CONTACT,
        received_at=received_at,
        reporter_type=ReporterType.NOT_A_REPORT
        if child_writes
        else (ReporterType.ANONYMOUS if anonymous else ReporterType.PRIVATE),
        content=_content(data),
        given_name=given[:NAME_LIMIT],
        family_name=family[:NAME_LIMIT],
        birth_date=_estimated_birth(data.age, timezone.localdate(received_at)),
        reporter_name="" if child_writes or anonymous else data.name.strip()[:NAME_LIMIT],
        reporter_contact="" if child_writes or anonymous else data.reach.strip()[:REACH_LIMIT],
        not_a_duplicate=True,  # the receiving account sees no one: a duplicate is the team's to find
    )


def _estimated_birth(age: int, today: date) -> date:
    """The latest birthday that makes the child `age` today, so that it stays a child as long as it can be
    one: an estimate, and the signal's text says so."""
    return add_months(today, -12 * age)


def _content(data: ContactRequest) -> str:
    who = {"child": "barnet eller den unga själv", "guardian": "en förälder eller vårdnadshavare", "other": "en vuxen"}
    safe = {"yes": "ja", "text": "bara sms", "no": "nej", "": "inte angivet"}
    lines = [
        "Kontaktförfrågan via webben (uppgifterna är inte kontrollerade).",
        f"Skrivet av: {who[data.who]}. Uppgiven ålder: {data.age} år (födelsedatumet är uppskattat).",
        f"Namn: {data.name.strip()[:NAME_LIMIT] or 'inget angivet'}.",
        f"Kontaktväg: {data.reach.strip()[:REACH_LIMIT] or 'ingen angiven'}. Säkert att ringa eller sms:a: "
        f"{safe.get(data.safe, safe[''])}.",
        "",
        data.message.strip()[:MESSAGE_LIMIT],
    ]
    return "\n".join(lines)
