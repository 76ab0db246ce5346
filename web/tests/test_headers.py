"""What a browser and a proxy may keep of a page: nothing signed in, nothing from the API (audit, point 5)."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World, signed_in

pytestmark = pytest.mark.django_db


def test_a_signed_in_page_and_an_api_answer_are_not_stored(world: World) -> None:
    client = signed_in(world.user("hanna"))
    for url in (reverse("casefile:my_work"), reverse("casefile:case_detail", args=[world.own_case.public_id])):
        assert client.get(url)["Cache-Control"] == "no-store", url
    assert client.get("/api/v1/cases")["Cache-Control"] == "no-store"
    assert Client().get("/api/v1/cases")["Cache-Control"] == "no-store"  # the 401 too


def test_every_page_denies_camera_microphone_and_location(world: World) -> None:
    policy = Client().get(reverse("account_login"))["Permissions-Policy"]
    assert all(f"{feature}=()" in policy for feature in ("camera", "microphone", "geolocation"))


def test_the_api_documentation_is_for_signed_in_staff_and_loads_nothing_from_elsewhere(world: World) -> None:
    for url in ("/api/docs", "/api/openapi.json"):
        assert Client().get(url).status_code == 302, url  # to sign-in
    page = signed_in(world.user("hanna")).get("/api/docs").content.decode()
    assert "swagger-ui" in page and "cdn." not in page and "https://" not in page


def test_a_malformed_id_in_the_api_is_a_404_like_a_missing_one(world: World) -> None:
    client = signed_in(world.user("hanna"))
    for url in ("/api/v1/cases/not-a-uuid", "/api/v1/persons/1234"):
        response = client.get(url)
        assert (response.status_code, response.json()) == (404, {"detail": "Not Found"}), url


def test_the_request_id_is_utvags_own_unless_a_proxy_is_configured(world: World, settings: object) -> None:
    client = signed_in(world.user("hanna"))
    chosen = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
    assert client.get(reverse("casefile:my_work"), HTTP_X_REQUEST_ID=chosen)["X-Request-ID"] != chosen
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1  # type: ignore[attr-defined]
    assert client.get(reverse("casefile:my_work"), HTTP_X_REQUEST_ID=chosen)["X-Request-ID"] == chosen
