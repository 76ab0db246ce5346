"""Finding people by a fragment of their name, among those the searcher may see."""

from access.actor import Actor
from casefile.persons import search_persons
from conftest import World


def _found(world: World, query: str) -> set[str]:
    result = search_persons(Actor(world.user("hanna")), query)
    assert not result.error
    return {f"{p.given_name} {p.family_name}" for p in result.persons}


def test_three_letters_or_more_match_anywhere_in_the_name(world: World) -> None:
    assert _found(world, "erg") == {"Elias Berg", "Maria Berg"}
    assert _found(world, "lias ber") == {"Elias Berg"}


def test_two_letters_match_the_start_of_a_name_only(world: World) -> None:
    assert _found(world, "be") == {"Elias Berg", "Maria Berg"}
    assert _found(world, "EL") == {"Elias Berg"}
    assert _found(world, "er") == set()  # inside "Berg": too common to be a useful search


def test_the_fragment_never_reaches_beyond_need_to_know(world: World) -> None:
    assert _found(world, "sa") == set()  # Saga Holm is Söder's
    assert _found(world, "hol") == set()
