"""A handful of anonymous contacts in the field, logged by the demo's outreach worker (Fatima, Fältgruppen).

The same few at every scale: the field page and the unit manager's figures have something to show. Days
count back from yesterday, so every contact is in the past when the seed runs; no contact names anyone.
"""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from accounts.models import User
from outreach.models import Company, Offer, OutreachArea, OutreachContact, PartOfDay, Place

CONTACTS = 24


def seed_outreach(rng: random.Random, worker: User, today: date) -> int:
    areas = list(OutreachArea.objects.filter(unit__isnull=True, active=True).order_by("name"))
    unit = worker.team.unit if worker.team else worker.unit
    assert unit is not None and areas, "the demo's outreach worker has a team, and the areas are migrated"
    contacts = []
    for _ in range(CONTACTS):
        day = today - timedelta(days=rng.randint(1, 120))
        counts = {
            "under_12": rng.choice([0, 0, 0, 1]),
            "age_12_14": rng.choice([0, 1, 2, 3]),
            "age_15_17": rng.randint(1, 6),
            "age_18_21": rng.choice([0, 0, 1, 2]),
        }
        offered = sorted(rng.sample(list(Offer.values), k=rng.randint(1, 2)), key=list(Offer.values).index)
        contacts.append(
            OutreachContact(
                day=day,
                part_of_day=rng.choice([PartOfDay.AFTERNOON, PartOfDay.EVENING, PartOfDay.EVENING, PartOfDay.NIGHT]),
                area=rng.choice(areas),
                place=rng.choice(Place.values),
                company=rng.choice([Company.GROUP, Company.GROUP, Company.ONE, Company.GUARDIAN]),
                offered=offered,
                unit=unit,
                recorded_by=worker,
                recorded_at=datetime.combine(day, time(22), tzinfo=timezone.get_current_timezone()),
                **counts,
            )
        )
    OutreachContact.objects.bulk_create(contacts)
    return len(contacts)
