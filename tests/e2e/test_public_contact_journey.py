"""The safe way in, in a real browser: a young person asks for contact on the public page, told first what
is missing, then sends and reads what happens next; leaves the page quickly, and the back button does not
bring it back; the request reaches the intake team's queue. axe finds nothing on the page (in Swedish and
in Arabic, right to left) and it fits a 390 px phone."""

import time

import pytest
from playwright.sync_api import Page, Route, expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.test_programme_journey import _sign_in

pytestmark = pytest.mark.browser
EXIT = "https://www.smhi.se/"


def _neutral_site(route: Route) -> None:
    route.fulfill(status=200, content_type="text/html", body="<!DOCTYPE html><title>Väder</title><p>Väder")


def test_a_young_person_asks_for_contact_leaves_quickly_and_the_intake_team_has_it(page: Page, server_url: str) -> None:
    page.route(f"{EXIT}**", _neutral_site)  # no request leaves the machine: the neutral site is stood in for
    page.goto(f"{server_url}/kontakt/?sprak=ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(page)
    page.goto(f"{server_url}/kontakt/")
    assert not page.context.cookies(), "the page set a cookie before anything was sent"
    assert_accessible(page)
    started = time.monotonic()
    page.get_by_label("Jag är barn eller ung och skriver om mig själv").check()
    page.get_by_role("button", name="Skicka").click()
    summary = page.locator("[data-error-summary]")
    expect(summary.get_by_role("link")).to_have_count(2)  # the age and the message, at once
    assert_accessible(page)
    summary.get_by_role("link").first.click()
    page.get_by_label("Hur gammal är barnet eller den unga?").fill("15")
    page.get_by_label("Vad vill du berätta eller fråga?").fill("Jag vill sluta hänga med dem men vågar inte.")
    page.get_by_label("Bara sms").check()
    time.sleep(max(0.0, 3.5 - (time.monotonic() - started)))  # a person takes longer than a robot
    page.get_by_role("button", name="Skicka").click()
    expect(page.get_by_role("heading", name="Tack, vi har fått det du skrev")).to_be_visible()
    expect(page.get_by_text("Ring 112", exact=False).first).to_be_visible()
    assert not page.context.cookies()
    assert_accessible(page)

    page.get_by_role("link", name="Lämna sidan snabbt").click()
    page.wait_for_url(EXIT)
    page.go_back()  # the receipt was replaced: back leads to the form before it, which the page says may stay
    assert "Tack, vi har fått det du skrev" not in page.content(), "the back button brought the receipt back"

    _sign_in(page, server_url, "handlaggare", "Mitt arbete")
    page.goto(f"{server_url}/arbetsko/")
    expect(page.get_by_text("Namn okänt (kontakt via webben)").first).to_be_visible()
    assert_accessible(page)
