"""Synthetic structured assessments for the seeded cases, with the open instrument.

Proportions: most children in the exit programme have one or two assessments (some three, a few none
yet); a smaller share of the other open cases under investigation have one, made during the
investigation. Each assessment rates every risk and protective factor, some of BBIC's dimensions, and
usually has the child's own part; a later one moves a little from the one before, as children change.
Dates count back from `today`, so a fixed seed and day give the same data.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from accounts.models import Role, User
from assessments.models import Assessment, ChildPart, Instrument, Item, Rating, Respondent, ScaleValue
from cases.models import Case, CaseStatus
from demo.bulk import save_all
from investigations.models import Investigation
from programme.models import Participation

IN_PROGRAMME = 0.85  # of the participations, those with at least one assessment
UNDER_INVESTIGATION = 0.15  # of the other open cases with an open investigation
CHILD_WORDS = {
    "barn-trygghet": ["Jag är rädd när jag går hem sent.", "Det är lugnare nu.", "Hemma är det tryggt."],
    "barn-skolan": ["Jag har inte varit där på länge.", "Det går okej, jag har en bra mentor.", "Vill byta skola."],
    "barn-familjen": ["Mamma är orolig hela tiden.", "Vi bråkar mindre.", "Pappa vet inte vad jag gör."],
    "barn-vad-jag-vill": ["Jag vill ha ett jobb.", "Jag vill flytta härifrån.", "Jag vill klara nian.", "Vet inte."],
}
NOT_ASKED = "Barnet var frihetsberövat vid bedömningen; barnets egen del görs vid nästa samtal."


@dataclass(frozen=True)
class _Instrument:
    instrument: Instrument
    items: list[Item]
    values: dict[int, list[int]]  # by scale id, in order


@dataclass
class _Rows:
    assessments: list[Assessment] = field(default_factory=list)
    ratings: list[Rating] = field(default_factory=list)


def _open_instrument() -> _Instrument | None:
    instrument = Instrument.objects.filter(key="utvag-oppen").order_by("-loaded_at").first()
    if instrument is None:
        return None
    values: dict[int, list[int]] = {}
    for value in ScaleValue.objects.filter(scale__instrument=instrument).order_by("position"):
        values.setdefault(value.scale_id, []).append(value.value)
    items = list(Item.objects.filter(instrument=instrument).order_by("position"))
    return _Instrument(instrument=instrument, items=items, values=values)


def seed_assessments(rng: random.Random, cases: list[Case], users: dict[str, User], today: date) -> int:
    """Returns the number of assessments."""
    known = _open_instrument()
    if known is None:
        return 0
    by_pk = {case.pk: case for case in cases if case.status == CaseStatus.OPEN}
    staff = {user.pk: user for user in users.values()}
    treatment = [u for u in users.values() if u.role == Role.TREATMENT]
    rows = _Rows()
    in_programme: dict[int, date] = {}
    for case_id, raised_on in Participation.objects.order_by("case_id", "raised_on").values_list(
        "case_id", "raised_on"
    ):
        in_programme.setdefault(case_id, raised_on)
    for case_id, since in in_programme.items():
        if case_id in by_pk and rng.random() < IN_PROGRAMME:
            count = 1 if rng.random() < 0.5 else 2 if rng.random() < 0.8 else 3
            _series(rng, known, by_pk[case_id], since, count, staff, treatment, today, rows)
    investigated = Investigation.objects.filter(completed_on__isnull=True).order_by("case_id")
    for case_id, opened_on in investigated.values_list("case_id", "opened_on"):
        if case_id in by_pk and case_id not in in_programme and rng.random() < UNDER_INVESTIGATION:
            _series(rng, known, by_pk[case_id], opened_on, 1, staff, treatment, today, rows)
    save_all(rows.assessments)
    for rating in rows.ratings:
        rating.assessment = rating.assessment  # its id, now that the assessment has one (COPY does not look)
    save_all(rows.ratings)
    return len(rows.assessments)


def _series(
    rng: random.Random,
    known: _Instrument,
    case: Case,
    since: date,
    count: int,
    staff: dict[int, User],
    treatment: list[User],
    today: date,
    rows: _Rows,
) -> None:
    """`count` assessments of one child, spread from `since` to today, each a little moved from the last."""
    span = max((today - since).days, 0)
    days = sorted(since + timedelta(days=rng.randint(0, span)) for _ in range(count))
    worker = staff.get(case.responsible_id or 0) or (treatment[0] if treatment else next(iter(staff.values())))
    levels: dict[int, int] = {}  # the last rating of each item, as an index into its scale
    for day in days:
        assessor = rng.choice(treatment) if treatment and rng.random() < 0.25 else worker
        roll = rng.random()
        part = ChildPart.ANSWERED if roll < 0.7 else ChildPart.DECLINED if roll < 0.92 else ChildPart.NOT_ASKED
        assessment = Assessment(
            case=case,
            instrument=known.instrument,
            assessed_on=day,
            assessed_by=assessor,
            child_part=part,
            child_part_note=NOT_ASKED if part == ChildPart.NOT_ASKED else "",
        )
        rows.assessments.append(assessment)
        for item in known.items:
            rating = _rating(rng, known, item, levels, answered=part == ChildPart.ANSWERED)
            if rating is not None:
                rating.assessment = assessment
                rows.ratings.append(rating)


def _rating(
    rng: random.Random, known: _Instrument, item: Item, levels: dict[int, int], *, answered: bool
) -> Rating | None:
    child = item.respondent == Respondent.CHILD
    if child and not answered:
        return None
    if not item.required and not child and rng.random() < 0.4:
        return None  # a dimension the worker does not assess this time
    words = rng.choice(CHILD_WORDS.get(item.key, [""])) if child and rng.random() < 0.7 else ""
    scale = known.values.get(item.scale_id or 0, [])
    if not scale:
        return Rating(item=item, value=None, comment=words) if words else None
    last = levels.get(item.pk)
    level = rng.randrange(len(scale)) if last is None else min(max(last + rng.choice((-1, 0, 0, 1)), 0), len(scale) - 1)
    levels[item.pk] = level
    return Rating(item=item, value=scale[level], comment=words)
