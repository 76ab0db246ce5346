"""The protection page, the case page's section and the API: what each reader sees of the threat picture."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from access.models import AccessEvent
from conftest import World, signed_in
from protection.tests.threat_helpers import guardian_relation, protected_guardian, recorded, sibling
from protection.threat import ThreatenedInput

pytestmark = pytest.mark.django_db

CHILD_HIGH = ThreatenedInput(relation_id=None, level="high")


def _page(world: World, name: str) -> str:
    response = signed_in(world.user(name)).get(reverse("protection:page", args=[world.own_case.public_id]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_shows_the_current_picture_and_the_earlier_ones(world: World) -> None:
    recorded(world, ThreatenedInput(relation_id=None, level="low"), assessed=100, threatened_by="Ett tidigare gäng.")
    recorded(
        world,
        CHILD_HIGH,
        ThreatenedInput(relation_id=guardian_relation(world).pk, level="severe", note="Hot vid porten."),
        assessed=2,
        review=1,  # the review day has passed
    )
    page = _page(world, "olle")
    current, _, earlier = page.partition("Tidigare hotbilder")
    for shown in (
        "Hög",
        "Mycket hög",
        "Maria Berg",
        "Hot vid porten.",
        "Polisens hotbedömning",
        "tillsammans med polisen",
    ):
        assert shown in current, shown
    assert "Ett kriminellt nätverk i barnets område." in current and "dagen har passerat" in current
    assert "Ett tidigare gäng." in earlier and "Låg" in earlier
    assert "Ny hotbild som ersätter den här" in page


def test_without_a_picture_the_page_says_so_and_offers_it_only_to_those_who_may_record(world: World) -> None:
    assert "Ingen hotbild är registrerad." in _page(world, "bo")
    assert "Registrera hotbild" not in _page(world, "bo")
    assert "Registrera hotbild" in _page(world, "adam")


def test_a_protected_guardian_is_seen_only_by_staff_named_for_him(world: World) -> None:
    father = protected_guardian(world)
    recorded(world, CHILD_HIGH, ThreatenedInput(relation_id=father.pk, level="severe", note="Adressen är röjd."))
    named = _page(world, "hanna")
    assert "Omar" in named and "Adressen är röjd." in named and "Mycket hög" in named
    for name in ("olle", "karin"):  # on the team and the unit's manager, neither named for him
        other = _page(world, name)
        assert "Omar" not in other and "Gömdsson" not in other and "Adressen är röjd." not in other
        assert "Mycket hög" not in other  # not even his level
        assert "1 hotad anhörig har skyddade personuppgifter och visas inte." in other


def test_the_page_logs_the_case_and_each_relative_shown(world: World) -> None:
    father = protected_guardian(world)
    recorded(world, CHILD_HIGH, ThreatenedInput(relation_id=guardian_relation(world).pk, level="low"))
    recorded(world, CHILD_HIGH, ThreatenedInput(relation_id=father.pk, level="low"))
    before = set(AccessEvent.objects.values_list("pk", flat=True))
    _page(world, "olle")
    rows = AccessEvent.objects.exclude(pk__in=before).values_list("action", "view_name", "person_id", "case_id")
    case = world.own_case
    assert sorted(rows) == [
        ("list", "protection.page.threatened", world.guardian.pk, case.pk),  # in the earlier picture
        ("view", "protection.page", case.child_id, case.pk),
    ]


def test_others_get_nothing_and_the_refusal_is_logged(world: World) -> None:
    client = Client()
    client.force_login(world.user("sara"))
    assert client.get(reverse("protection:page", args=[world.own_case.public_id])).status_code == 404
    assert list(AccessEvent.objects.values_list("action", "view_name")) == [("denied", "protection.page")]


def test_the_page_reads_in_the_same_number_of_queries_from_one_picture_to_many(world: World) -> None:
    client = signed_in(world.user("hanna"))
    url = reverse("protection:page", args=[world.own_case.public_id])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    recorded(world, CHILD_HIGH, ThreatenedInput(relation_id=guardian_relation(world).pk, level="low"), assessed=40)
    recorded(world, CHILD_HIGH, assessed=39)
    few = queries()
    people = [guardian_relation(world), sibling(world), sibling(world, "Ella", 655), protected_guardian(world)]
    for days in range(38, 26, -1):
        recorded(world, CHILD_HIGH, *(ThreatenedInput(relation_id=r.pk, level="raised") for r in people), assessed=days)
    assert queries() == few
    older = client.get(url, {"hotbilder": 2}).content.decode()
    assert "Sida 2, 3 st." in older and "Nyare hotbilder" in older


def test_the_case_page_shows_the_childs_level_and_never_a_relatives(world: World) -> None:
    father = protected_guardian(world)
    case_url = reverse("casefile:case_detail", args=[world.own_case.public_id])
    assert "Ingen hotbild är registrerad." in signed_in(world.user("olle")).get(case_url).content.decode()
    recorded(world, ThreatenedInput(relation_id=father.pk, level="severe"))
    page = signed_in(world.user("olle")).get(case_url).content.decode()
    assert "barnet inte hotat" in page and "Mycket hög" not in page and "Omar" not in page
    assert reverse("protection:page", args=[world.own_case.public_id]) in page
    recorded(world, CHILD_HIGH)
    assert "barnet Hög" in signed_in(world.user("olle")).get(case_url).content.decode()


def test_the_api_gives_the_current_picture_and_a_relative_only_if_visible(world: World) -> None:
    father = protected_guardian(world)
    first = recorded(world, ThreatenedInput(relation_id=None, level="low"), assessed=5)
    recorded(
        world,
        CHILD_HIGH,
        ThreatenedInput(relation_id=father.pk, level="severe"),
        ThreatenedInput(relation_id=guardian_relation(world).pk, level="raised"),
    )
    url = reverse("api:case_protection", args=[world.own_case.public_id])
    olle = signed_in(world.user("olle")).get(url).json()
    current = olle["current"]
    assert current["replaces"] == str(first.public_id)
    assert sorted((t["kind"], t["person_id"], t["level"]) for t in current["threatened"]) == [
        ("child", None, "high"),
        ("guardian", str(world.guardian.public_id), "raised"),
    ]
    assert current["hidden_relatives"] == 1
    assert "destination" not in str(olle) and "Omar" not in str(olle)
    hanna = signed_in(world.user("hanna")).get(url).json()
    assert str(father.relative.public_id) in {t["person_id"] for t in hanna["current"]["threatened"]}
    rows = AccessEvent.objects.filter(username="olle").values_list("action", "view_name", "person_id")
    assert sorted(rows) == [
        ("api", "api.protection", world.own_case.child_id),
        ("list", "api.protection.threatened", world.guardian.pk),
    ]
