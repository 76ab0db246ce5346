"""Who must consent to a disclosure, as the statute has it and where it does not, as Utväg has chosen.
Pure functions: the services ask them, the tests pin them. Read in docs/law-sources.md part J.

What the statute says:
- OSL (2009:400) 12 kap. 2 §: a person may lift, wholly or partly, the secrecy that protects them.
- OSL 12 kap. 3 §: for a minor, secrecy holds against the guardian too, except as far as the guardian has
  the right and duty to decide in the child's personal matters under föräldrabalken 6 kap. 11 § (unless
  the child can be assumed to suffer considerable harm if it is revealed to the guardian). Where it does
  not hold, the guardian disposes over it "ensam eller, beroende på den underåriges ålder och mognad,
  tillsammans med den underårige".
- Föräldrabalken (1949:381) 6 kap. 11 §: the guardian decides in personal matters, with ever greater
  regard to the child's views and wishes as the child grows; 6 kap. 13 §: two guardians decide together;
  6 kap. 2 §: custody lasts until the child turns 18.

What the statute does not say, and is ours [ours]: the ages. The law speaks of age and maturity, never of a
year. Practice (JO, Socialstyrelsen) is that a child of about 15 usually decides on its own secrecy and that
between about 12 and 15 both the child and the guardians may be needed. Utväg asks, by the child's age on
the day of the disclosure: from OWN_DECISION_AGE the person alone; from JOINT_AGE the child and every
guardian with custody; below it every guardian with custody. An unknown age asks the child and the
guardians both. A worker who judges a younger child mature enough, or an older one not, cannot say so here
yet. One guardian alone when the other is prevented (6 kap. 13 § andra stycket) is not offered: every
guardian with custody recorded for the child must consent.
"""

from collections.abc import Collection
from dataclasses import dataclass

# Föräldrabalken 6 kap. 2 §: custody lasts until the child turns 18; from then the person alone decides.
ADULT_AGE = 18
# [ours] From this age the child alone decides on its own secrecy (practice, not statute).
OWN_DECISION_AGE = 15
# [ours] From this age to OWN_DECISION_AGE the child and the guardians with custody both consent.
JOINT_AGE = 12

OWN, GUARDIANS, NO_CUSTODIAN, RELATIVE_MINOR = "own_consent", "guardians_consent", "no_custodian", "relative_minor"


@dataclass(frozen=True)
class Needed:
    own: bool  # the person's own consent
    guardians: bool  # the consent of every guardian with custody of the child


def needed(age: int | None, *, is_child: bool) -> Needed:
    """Whose consent a disclosure about the person needs, by their age on the day.

    A relative of the child is asked alone: the ledger knows only the guardians of the case's child, so a
    relative under OWN_DECISION_AGE cannot be disclosed about on consent here (`missing` says so).
    """
    if not is_child:
        return Needed(own=True, guardians=False)
    if age is not None and age >= OWN_DECISION_AGE:  # [ours] from 15; statute from 18
        return Needed(own=True, guardians=False)
    if age is not None and age < JOINT_AGE:  # [ours] the threshold
        return Needed(own=False, guardians=True)
    return Needed(own=True, guardians=True)  # [ours] 12 to 14, or the age is not known


def may_give(*, giver: int, person: int, is_child: bool, custodians: Collection[int], age: int | None) -> bool:
    """Whether the giver may consent about the person at all: the person themself, or for the child under
    18 a guardian with custody (OSL 12 kap. 3 §; custody ends at 18, föräldrabalken 6 kap. 2 §). A parent
    without custody, or anyone else, never may."""
    if giver == person:
        return True
    adult = age is not None and age >= ADULT_AGE
    return is_child and not adult and giver in custodians


def missing(
    age: int | None, *, is_child: bool, custodians: Collection[int], own: bool, guardians: Collection[int]
) -> list[str]:
    """What is missing among the live consents covering a disclosure: `own`, whether the person's own
    covers it; `guardians`, the custodians whose own covers it. Codes, empty when the consents suffice."""
    if not is_child and age is not None and age < OWN_DECISION_AGE:
        return [RELATIVE_MINOR]
    need = needed(age, is_child=is_child)
    problems = []
    if need.own and not own:
        problems.append(OWN)
    if need.guardians and not custodians:
        problems.append(NO_CUSTODIAN)
    elif need.guardians and not set(custodians) <= set(guardians):
        problems.append(GUARDIANS)
    return problems
