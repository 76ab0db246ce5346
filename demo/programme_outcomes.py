"""Synthetic outcomes for the seeded participations: each occasion that has come, recorded or missed in
the proportions of a programme that loses touch with some children over time, with values that are
mostly "known", the child's own rating and the child's own words. Nothing here is a real child's data.
"""

import random
from datetime import date, timedelta

from accounts.models import User
from demo.bulk import save_all
from programme.models import EndReason, Participation
from programme.occasions import Status, occasions
from programme.outcome_models import FieldKind, OutcomeField, OutcomeRecord, OutcomeSource, OutcomeValue

# Of the occasions that have come, the share recorded: the baseline nearly always, follow-ups less the
# longer it has been, and after the end less still (the child has left the programme's daily contact).
RECORDED = {
    "entry": 0.9,
    "entry-6": 0.75,
    "entry-12": 0.65,
    "entry-24": 0.55,
    "end-6": 0.5,
    "end-12": 0.4,
    "end-24": 0.3,
}
UNKNOWN = 0.12  # a value not known at an occasion
SOURCES = (
    [OutcomeSource.CHILD] * 11 + [OutcomeSource.GUARDIAN] * 3 + [OutcomeSource.SCHOOL] * 3 + [OutcomeSource.RECORDS] * 3
)
WORDS = [
    "Det är lugnare nu. Jag går inte ut sent.",
    "Jag är fortfarande rädd när jag är i centrum.",
    "Bättre. Jag har börjat träna igen.",
    "Vet inte. Samma som förut.",
    "Barnet gick inte att nå; mamman berättade per telefon.",
]
NOTES = ["Går i åttan på en ny skola", "Praktik på en bilverkstad", "Söker jobb via Arbetsförmedlingen", ""]


def _number(rng: random.Random, kind: str, key: str, later: bool) -> int:
    if kind == FieldKind.SCALE_5:
        return rng.choices(range(1, 6), weights=[1, 2, 3, 3, 2] if later else [2, 3, 3, 2, 1])[0]
    if kind == FieldKind.SCALE_10:
        return min(10, max(0, round(rng.gauss(6.5 if later else 5, 2))))
    # Counts of suspicions and threats: most periods none, a few several; fewer later for most children.
    return rng.choices([0, 1, 2, 4], weights=[7, 2, 1, 1] if later else [4, 3, 2, 1])[0]


def _value(rng: random.Random, field: OutcomeField, participation: Participation, occasion: str, day: date) -> object:
    if field.key == "dropout_reason":
        dropped = participation.end_reason == EndReason.DROPPED_OUT and occasion.startswith("end")
        return rng.choice([c[0] for c in field.choices]) if dropped else None
    if rng.random() < UNKNOWN:
        return None
    later = occasion != "entry"
    kind = field.kind
    if kind == FieldKind.YES_NO:
        return rng.random() < (0.2 if field.key in ("relocated", "debt") else 0.35)
    if kind == FieldKind.CHOICE:
        codes = [c[0] for c in field.choices]
        return rng.choices(codes, weights=range(len(codes), 0, -1))[0]  # the first codes are the common ones
    if kind == FieldKind.DATE:
        return day - timedelta(days=rng.randint(10, 120)) if rng.random() < 0.15 else None
    if kind == FieldKind.TEXT:
        return rng.choice(NOTES) or None
    return _number(rng, kind, field.key, later)


def occasions_recorded(
    rng: random.Random, participations: list[Participation], today: date
) -> list[tuple[Participation, str, date]]:
    """The occasions that have come and are recorded, each with the day its facts are about."""
    chosen = []
    for participation in participations:
        for due in occasions(participation, set(), today):
            if due.status in (Status.UPCOMING, Status.ELSEWHERE) or rng.random() >= RECORDED[due.occasion]:
                continue
            last = min(today, due.due_on + timedelta(days=20))
            day = due.opens_on + timedelta(days=rng.randint(0, max(0, (last - due.opens_on).days)))
            chosen.append((participation, due.occasion.value, day))
    return chosen


def seed_outcomes(
    rng: random.Random, participations: list[Participation], staff: dict[int, User], fallback: User, today: date
) -> int:
    """Returns the number of records."""
    fields = list(OutcomeField.objects.filter(retired_on__isnull=True).order_by("position", "id"))
    records: list[OutcomeRecord] = []
    values: list[OutcomeValue] = []
    for participation, occasion, day in occasions_recorded(rng, participations, today):
        record = OutcomeRecord(
            participation=participation,
            occasion=occasion,
            recorded_on=day,
            source=rng.choice(SOURCES),
            child_words=rng.choice(WORDS),
            recorded_by=staff.get(participation.case.responsible_id or 0, fallback),
        )
        records.append(record)
        for field in fields:
            value = _value(rng, field, participation, occasion, day)
            if value is not None:
                values.append(_row(record, field, value))
    save_all(records)
    for row in values:
        row.record = row.record  # the record has its id now (see demo.programme)
    save_all(values)
    return len(records)


def _row(record: OutcomeRecord, field: OutcomeField, value: object) -> OutcomeValue:
    row = OutcomeValue(record=record, field=field)
    if field.kind == FieldKind.YES_NO:
        row.flag = bool(value)
    elif field.kind == FieldKind.DATE:
        row.day = value  # type: ignore[assignment]
    elif field.kind == FieldKind.CHOICE:
        row.code = str(value)
    elif field.kind == FieldKind.TEXT:
        row.text = str(value)
    else:
        row.number = value  # type: ignore[assignment]
    return row
