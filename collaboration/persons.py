"""Whom a disclosure or a consent in a case may be about: the child, and each relative of the child the user
may see. A protected relative the user is not named for is never offered, and what is about them is kept."""

from access.selectors import relatives_of_visible_child
from accounts.models import User
from cases.models import Case
from people.models import Person


def persons_of_case(user: User, case: Case) -> list[Person]:
    """The child, then each relative of the child `user` may see, once."""
    offered = [case.child]
    for relation in relatives_of_visible_child(user, case.child_id):
        hidden = relation.relative_hidden  # type: ignore[attr-defined]  # an annotation
        if not hidden and all(p.pk != relation.relative_id for p in offered):
            offered.append(relation.relative)
    return offered


def hidden_relatives(user: User, case: Case) -> set[int]:
    """The relatives of the child kept from the user (protected, and the user not named for them)."""
    return {
        r.relative_id
        for r in relatives_of_visible_child(user, case.child_id)
        if r.relative_hidden  # type: ignore[attr-defined]  # an annotation
    }
