"""Which consent a plan item needs, as SoL (2025:400) has it. Pure rules: the services ask, the tests pin.

- 21 kap. 1 §: under 12, an insats for the child's personal needs only with the guardian's consent; from
  12 (to 15) also without it, if it is suitable and the child consents; from 15, if it is suitable and
  the child asks or consents. Care in a familjehem, jourhem, stödboende or HVB, and housing with special
  support, always need the guardian's consent. (The seeds say "up to 12": that is wrong; it is from 12.)
- With joint custody every guardian with custody consents (föräldrabalken 6 kap. 13 §).
- 11 kap. 5 §: a kontaktperson (and care in a familjehem) always needs an individual needs assessment, so
  such an item names its decision.
"""

from dataclasses import dataclass
from datetime import date

from programme.models import InsatsKind

# The social services' own insatser need consent; a partner's (school, child psychiatry) is theirs to agree.
NEEDS_CONSENT = frozenset(InsatsKind) - {InsatsKind.PARTNER}
ALWAYS_GUARDIANS = frozenset({InsatsKind.PLACEMENT})
NEEDS_DECISION = frozenset({InsatsKind.KONTAKTPERSON, InsatsKind.PLACEMENT})
OWN_CONSENT_AGE = 12


@dataclass(frozen=True)
class Given:
    """The consents recorded for one item, and who could give them."""

    custodians: frozenset[int]  # the person ids of the child's guardians with custody
    guardians: frozenset[int]  # the custodians who consented
    child: bool
    suitable_reasons: str


@dataclass(frozen=True)
class Answer:
    route: str  # "none", "guardians" or "child"; "" when refused
    problem: str = ""  # the code of what is missing


def age_on(birth: date | None, day: date) -> int | None:
    if birth is None:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def consent_needed(insats: str, age: int | None, given: Given) -> Answer:
    if insats not in NEEDS_CONSENT:
        return Answer(route="none")
    if given.custodians and given.guardians >= given.custodians:
        return Answer(route="guardians")
    if insats in ALWAYS_GUARDIANS:
        return Answer(route="", problem="guardians_always")
    if age is None or age < OWN_CONSENT_AGE:
        return Answer(route="", problem="under_12")
    if not given.child:
        return Answer(route="", problem="child_consent")
    if not given.suitable_reasons.strip():
        return Answer(route="", problem="suitable_reasons")
    return Answer(route="child")
