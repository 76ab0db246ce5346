"""Synthetic people for the demo municipality and the benchmark scales.

Every identity number has a deliberately wrong check digit (core.identity.synthetic_identity_number),
so none can be a real person's. Names are drawn from common Swedish names; any likeness is chance.
Phone numbers come from the range PTS reserves for fiction.
"""

import random
import uuid
from datetime import date, timedelta

from core.identity import identity_index, synthetic_identity_number
from people.models import IdentityKind, Person, ProtectionLevel

GIVEN_NAMES = [
    "Elias",
    "Noah",
    "William",
    "Hugo",
    "Lucas",
    "Adam",
    "Liam",
    "Oscar",
    "Alexander",
    "Ali",
    "Mohammed",
    "Leo",
    "Vincent",
    "Isak",
    "Theo",
    "Ibrahim",
    "Alice",
    "Maja",
    "Elsa",
    "Astrid",
    "Wilma",
    "Freja",
    "Ebba",
    "Alva",
    "Selma",
    "Vera",
    "Olivia",
    "Nora",
    "Saga",
    "Amira",
    "Leila",
    "Sara",
    "Hanna",
    "Anna",
    "Maria",
    "Karin",
    "Eva",
    "Lena",
    "Fatima",
    "Johan",
    "Erik",
    "Anders",
    "Lars",
    "Mikael",
    "Ahmed",
    "Omar",
    "Peter",
    "Kristina",
    "Helena",
]
FAMILY_NAMES = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Lindberg",
    "Lindström",
    "Lindqvist",
    "Lindgren",
    "Berg",
    "Axelsson",
    "Hussein",
    "Mohamud",
    "Ali",
    "Hassan",
    "Yilmaz",
    "Nowak",
    "Lundberg",
    "Sandberg",
    "Holm",
    "Åberg",
    "Öberg",
    "Ekström",
    "Sjöberg",
    "Björk",
]
STREETS = [
    "Storgatan",
    "Kungsgatan",
    "Drottninggatan",
    "Skolgatan",
    "Ängsvägen",
    "Björkvägen",
    "Lönngatan",
    "Rosengatan",
]


class SyntheticPeople:
    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self._used: set[tuple[date, int]] = set()

    def _identity(self, birth: date) -> tuple[str, str]:
        while True:
            serial = self.rng.randint(1, 999)
            if (birth, serial) not in self._used:
                self._used.add((birth, serial))
                number = synthetic_identity_number(birth, serial)
                return number.twelve_digits, identity_index(number)

    def person(
        self, *, min_age: int, max_age: int, family_name: str | None = None, protection: str = ProtectionLevel.NONE
    ) -> Person:
        rng = self.rng
        birth = self.today - timedelta(days=rng.randint(min_age * 365 + 1, max_age * 365 + 300))
        given = rng.choice(GIVEN_NAMES)
        family = family_name or rng.choice(FAMILY_NAMES)
        number, index = self._identity(birth)
        return Person(
            public_id=uuid.UUID(int=rng.getrandbits(128), version=4),
            given_name=given,
            family_name=family,
            search_name=f"{given} {family}".lower(),
            identity_kind=IdentityKind.PERSONNUMMER,
            identity_number=number,
            identity_index=index,
            birth_date=birth,
            protection_level=protection,
            address=f"{rng.choice(STREETS)} {rng.randint(1, 80)}, 21{rng.randint(100, 999)} Malmö",
            # PTS reserves 070-1740605 to 070-1740699 for fiction: no real subscriber has them.
            phone=f"070-174 06 {rng.randint(5, 99):02d}",
            email="",
            is_synthetic=True,
        )


def protection_for(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.03:
        return ProtectionLevel.CONFIDENTIALITY_MARK
    if roll < 0.05:
        return ProtectionLevel.PROTECTED_REGISTRATION
    if roll < 0.055:
        return ProtectionLevel.FICTITIOUS_IDENTITY
    return ProtectionLevel.NONE
