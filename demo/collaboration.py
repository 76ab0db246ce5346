"""Synthetic incoming information from partners: a school's absence report on some of the open cases (the
period, the absence in lessons, the unauthorised part), a police notice on a few, and now and then a
report put right by a correction naming it, so that a demo case shows each on its list and timeline.

Shares [ours]: a report on about one open case in five, a police notice on one in ten, a correction on one
report in four. Every school and police unit is made up. Its own random stream (`seeding.seed`), so the
rest stays as it was.
"""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from accounts.models import User
from cases.models import Case, CaseStatus
from collaboration.models import AbsenceUnit, IncomingChannel, IncomingInformation, RecipientKind
from demo.bulk import save_all

SCHOOLS = ["Kvarnskolan", "Björkhagaskolan", "Södra gymnasiet", "Ekbackens skola"]
REPORTED = 0.2
NOTICED = 0.1
CORRECTED = 0.25


def seed_incoming(rng: random.Random, users: dict[str, User], today: date) -> int:
    """Returns the number of rows made. The first open case always has a report, and a correction of it."""
    cases = list(Case.objects.filter(status=CaseStatus.OPEN).select_related("responsible").order_by("id"))
    fallback = users["handlaggare"]
    reports, notices = [], []
    for n, case in enumerate(cases):
        by = case.responsible or fallback
        if n == 0 or rng.random() < REPORTED:
            reports.append(_report(rng, case, by, today))
        if rng.random() < NOTICED:
            notices.append(_notice(rng, case, by, today))
    save_all(reports + notices)
    corrections = [_corrected(report, today) for n, report in enumerate(reports) if n == 0 or rng.random() < CORRECTED]
    save_all(corrections)
    return len(reports) + len(notices) + len(corrections)


def _moment(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def _report(rng: random.Random, case: Case, by: User, today: date) -> IncomingInformation:
    """A month's report, sent a few days after the month ended."""
    end = today - timedelta(days=rng.randint(3, 60))
    total = rng.randint(4, 60)
    received = _moment(end + timedelta(days=rng.randint(1, 2)), rng.randint(8, 15))
    return IncomingInformation(
        case=case,
        source_kind=RecipientKind.SCHOOL,
        sender=f"{rng.choice(SCHOOLS)}, rektor",
        received_at=min(received, _moment(today, 0)),
        channel=IncomingChannel.DIGITAL,
        content=rng.choice(["", "Skolan har haft kontakt med vårdnadshavare.", "Frånvaron främst på måndagar."]),
        absence_from=end - timedelta(days=27),
        absence_to=end,
        absence_unit=AbsenceUnit.LESSONS,
        absence_total=total,
        absence_unauthorised=rng.randint(0, total),
        recorded_by=by,
        recorded_at=min(received + timedelta(hours=2), _moment(today, 0)),
    )


def _corrected(report: IncomingInformation, today: date) -> IncomingInformation:
    """The school's second letter: two lessons fewer, they were a study visit."""
    assert report.absence_total is not None and report.absence_unauthorised is not None
    total = max(report.absence_total - 2, 0)
    later = min(report.recorded_at + timedelta(days=1), _moment(today, 0))
    return IncomingInformation(
        case=report.case,
        source_kind=report.source_kind,
        sender=report.sender,
        received_at=report.received_at,
        channel=report.channel,
        content=report.content,
        absence_from=report.absence_from,
        absence_to=report.absence_to,
        absence_unit=report.absence_unit,
        absence_total=total,
        absence_unauthorised=min(report.absence_unauthorised, total),
        corrects=report,
        correction_reason="Skolan skickade en rättad rapport: två lektioner var ett studiebesök.",
        recorded_by=report.recorded_by,
        recorded_at=later,
    )


def _notice(rng: random.Random, case: Case, by: User, today: date) -> IncomingInformation:
    received = _moment(today - timedelta(days=rng.randint(1, 90)), rng.randint(0, 23))
    return IncomingInformation(
        case=case,
        source_kind=RecipientKind.POLICE,
        sender="Polisen, lokalpolisområde Norr",
        received_at=received,
        channel=IncomingChannel.WRITTEN,
        content=rng.choice(
            [
                "Barnet anträffat sent på kvällen i centrum tillsammans med äldre personer.",
                "Barnet omhändertaget enligt 12 § polislagen och överlämnat till vårdnadshavare.",
            ]
        ),
        recorded_by=by,
        recorded_at=received + timedelta(hours=1),
    )
