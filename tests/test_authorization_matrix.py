"""Every route, every role, every kind of record: who gets what.

A new route without a rule here fails `test_every_route_has_a_rule`.
"""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import World, grant_emergency

ROLES = ["hanna", "olle", "bo", "fia", "adam", "sara", "karin", "lars", "anna"]
NORR_TEAM = {"hanna", "olle", "bo", "fia", "adam"}

# Which users may see each kind of record (person page and case page alike).
SEES = {
    "own": NORR_TEAM | {"karin"},
    "other_team": {"sara"},
    "protected": {"hanna", "karin"},  # named staff only; olle is on the team but not named
}

# Routes from other packages that hold no personal data of ours.
THIRD_PARTY_PREFIXES = (
    "account_",
    "mfa_",
    "set_language",
    "headless",
    "socialaccount",
    "usersessions",
    "openid_connect",
)


def _route_names(resolver: URLResolver | None = None, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _route_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def _record(world: World, kind: str) -> object:
    return {"own": world.own_case, "other_team": world.other_team_case, "protected": world.protected_case}[kind]


RECORD_ROUTES: dict[str, Callable[[object], str]] = {
    "web:case_detail": lambda case: reverse("web:case_detail", args=[case.public_id]),  # type: ignore[attr-defined]
    "web:person_detail": lambda case: reverse("web:person_detail", args=[case.child.public_id]),  # type: ignore[attr-defined]
    "api:case_detail": lambda case: reverse("api:case_detail", args=[case.public_id]),  # type: ignore[attr-defined]
    "api:person_detail": lambda case: reverse("api:person_detail", args=[case.child.public_id]),  # type: ignore[attr-defined]
}
# Routes open to a set of roles regardless of record: name -> (method, roles allowed, status when allowed).
ROLE_ROUTES = {
    "web:my_work": ("get", set(ROLES), 200),
    "web:person_search": ("get", set(ROLES), 200),
    "web:emergency_access": ("get", NORR_TEAM | {"sara", "karin"}, 200),
    "web:access_log": ("get", {"lars", "karin"}, 200),
    "web:emergency_review": ("post", {"lars", "karin"}, 302),
    "web:needs_risk_analysis": ("get", {"lars", "anna", "karin"}, 200),
    "api:my_cases": ("get", set(ROLES), 200),
    "api:api-root": ("get", set(ROLES), 404),
    "api:openapi-json": ("get", set(ROLES), 200),
    "api:openapi-view": ("get", set(ROLES), 200),
}


def test_every_route_has_a_rule() -> None:
    ours = {name for name in _route_names() if not name.startswith(THIRD_PARTY_PREFIXES)}
    missing = ours - set(RECORD_ROUTES) - set(ROLE_ROUTES)
    assert not missing, f"routes without an access rule in this test: {sorted(missing)}"


def _client(world: World, username: str) -> Client:
    client = Client()
    client.force_login(world.user(username))
    return client


@pytest.mark.parametrize("route", sorted(RECORD_ROUTES))
@pytest.mark.parametrize("kind", sorted(SEES))
@pytest.mark.parametrize("username", ROLES)
def test_record_route(world: World, route: str, kind: str, username: str) -> None:
    url = RECORD_ROUTES[route](_record(world, kind))
    response = _client(world, username).get(url)
    expected = 200 if username in SEES[kind] else 404
    assert response.status_code == expected, f"{username} on {kind} via {route}"


@pytest.mark.parametrize("route", sorted(RECORD_ROUTES))
def test_emergency_access_opens_other_team_case(world: World, route: str) -> None:
    client = _client(world, "sara")
    url = RECORD_ROUTES[route](world.own_case)
    assert client.get(url).status_code == 404
    grant_emergency(world.user("sara"), world.own_case)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("route", sorted(RECORD_ROUTES))
def test_emergency_access_never_opens_protected_identity(world: World, route: str) -> None:
    grant_emergency(world.user("olle"), world.protected_case)
    response = _client(world, "olle").get(RECORD_ROUTES[route](world.protected_case))
    assert response.status_code == 404


@pytest.mark.parametrize("route", sorted(ROLE_ROUTES))
@pytest.mark.parametrize("username", ROLES)
def test_role_route(world: World, route: str, username: str) -> None:
    method, allowed, status = ROLE_ROUTES[route]
    grant = grant_emergency(world.user("sara"), world.own_case)
    args_by_route: dict[str, list[object]] = {
        "web:emergency_access": [world.own_case.public_id],
        "web:emergency_review": [grant.pk],
    }
    args = args_by_route.get(route, [])
    client = _client(world, username)
    response = getattr(client, method)(
        reverse(route, args=args), {"note": "Kontrollerad, skälet håller."} if method == "post" else None
    )
    assert response.status_code == (status if username in allowed else 404), f"{username} on {route}"


def test_anonymous_is_sent_to_sign_in(world: World) -> None:
    response = Client().get(reverse("web:case_detail", args=[world.own_case.public_id]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_unit_manager_reviews_only_their_own_unit(world: World) -> None:
    soder_grant = grant_emergency(world.user("sara"), world.own_case)  # a Söder worker in a Norr case
    other = grant_emergency(world.user("sara"), world.other_team_case)  # entirely Söder's business
    client = _client(world, "karin")
    page = client.get(reverse("web:access_log")).content.decode()
    assert world.own_case.reference in page
    assert world.other_team_case.reference not in page
    response = client.post(reverse("web:emergency_review", args=[other.pk]), {"note": "Granskad."})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.reviewed_at is None
    assert client.post(reverse("web:emergency_review", args=[soder_grant.pk]), {"note": "Granskad."}).status_code == 302


def test_nobody_reviews_their_own_emergency_access(world: World) -> None:
    grant = grant_emergency(world.user("karin"), world.other_team_case)
    response = _client(world, "karin").post(reverse("web:emergency_review", args=[grant.pk]), {"note": "Ok."})
    assert response.status_code == 404
    grant.refresh_from_db()
    assert grant.reviewed_at is None
