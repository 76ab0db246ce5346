"""The field in Chromium: the outreach worker logs a contact (every problem first), the draft survives a
reload, a child who wants help goes to the mottagning, and the unit manager reads the figures. axe finds
nothing on any page, and each fits a 390 px phone."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.test_oversight_journey import _sign_in

pytestmark = pytest.mark.browser


def test_the_outreach_worker_logs_a_contact_and_hands_a_child_to_the_mottagning(page: Page, server_url: str) -> None:
    _sign_in(page, server_url, "falt", "Mitt arbete")
    page.get_by_role("link", name="Fältarbete").click()
    expect(page.get_by_role("heading", name="Fältarbete", exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Registrera kontakten").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_contain_text("minst en åldersgrupp")
    assert_accessible(page)

    page.get_by_label("Kväll").check()
    page.get_by_label("Centrum", exact=True).check()
    page.get_by_label("Torg eller centrum").check()
    page.get_by_label("En grupp unga").check()
    page.get_by_label("15–17 år").fill("4")
    page.get_by_label("Samtal", exact=True).check()
    page.get_by_role("button", name="Registrera kontakten").click()
    expect(page.get_by_text("Kontakten är registrerad.")).to_be_visible()
    expect(page.get_by_text("Centrum, kväll")).to_be_visible()

    # A reload on a poor connection keeps what was typed, in this tab only.
    page.get_by_label("Natt").check()
    page.get_by_label("Söder", exact=True).check()
    page.goto(f"{server_url}/falt/")
    expect(page.get_by_label("Natt")).to_be_checked()
    expect(page.get_by_label("Söder", exact=True)).to_be_checked()

    page.get_by_role("link", name="Ett barn vill ha hjälp").click()
    assert_accessible(page)
    page.get_by_label("Vad barnet vill ha hjälp med").fill("Vill komma bort från gänget.")
    page.get_by_label("Hur mottagningen når barnet").fill("Ringer själv i morgon.")
    page.get_by_label("Ungefärlig ålder").fill("15")
    page.get_by_role("button", name="Skicka till mottagningen").click()
    expect(page.get_by_text("Skickat till mottagningen.")).to_be_visible()

    _sign_in(page, server_url, "chef", "Mitt arbete")
    page.get_by_role("link", name="Fältarbetets siffror").click()
    expect(page.get_by_role("heading", name="Fältarbetets siffror")).to_be_visible()
    expect(page.get_by_text("färre än 5").first).to_be_visible()
    assert_accessible(page)
