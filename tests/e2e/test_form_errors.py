"""A form with three errors: one summary at the top, focused, with a link to each field in error.

The GOV.UK error summary pattern, which Designsystemet follows: every check of the form at once, the
page title starts with "Fel:", and each link takes the user to its field.
"""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.signing_in import sign_in

pytestmark = pytest.mark.browser


def test_a_decision_with_three_errors_gets_one_summary_with_three_links_and_focus(page: Page, server_url: str) -> None:
    sign_in(page, server_url)
    page.locator("table a").first.click()
    page.get_by_role("link", name="Nytt beslut").click()
    page.get_by_label("Beslutstyp").select_option(label="Insats efter ansökan eller behovsprövning")
    page.get_by_role("button", name="Fortsätt").click()
    # Legal basis, delegation item and reasons left out; the decision maker, 25 § FL and the outcome given.
    page.get_by_label("Beslutsfattare").fill("Hanna Handläggare")
    page.get_by_label("Uppenbart obehövligt (beslutet går ingen part emot)").check()
    page.get_by_label("Bifall: det som söktes eller som den enskilde godtog beviljas helt").check()
    page.get_by_role("button", name="Registrera och signera beslutet").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_have_count(1)
    expect(summary).to_be_focused()
    assert page.title().startswith("Fel:")
    links = summary.get_by_role("link")
    expect(links).to_have_count(3)
    for target in links.evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        assert page.locator(target).count() == 1, f"{target} is not a field on the page"
    links.nth(2).click()
    expect(page.get_by_label("Skäl för beslutet")).to_be_focused()
    assert_accessible(page)


def test_sign_in_is_username_tab_password_enter_and_the_forgotten_password_link_comes_after(
    page: Page, server_url: str
) -> None:
    from demo.seeding import DEMO_PASSWORD

    page.goto(f"{server_url}/accounts/login/")
    page.get_by_label("Användarnamn").focus()
    page.keyboard.type("handlaggare")
    page.keyboard.press("Tab")
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Mitt arbete")).to_be_visible()


def test_a_forgotten_password_is_an_administrators_to_reset_and_the_page_answers_alike(
    page: Page, server_url: str
) -> None:
    page.goto(f"{server_url}/accounts/login/")
    button = page.get_by_role("button", name="Logga in", exact=True).bounding_box()
    link = page.get_by_role("link", name="Glömt lösenordet?")
    box = link.bounding_box()
    assert button is not None and box is not None and box["y"] > button["y"]
    link.click()
    expect(page.get_by_role("heading", name="Glömt lösenordet")).to_be_visible()
    assert_accessible(page)


def test_signing_a_decision_asks_first_and_says_it_cannot_be_changed(
    page: Page, server_url: str, confirmations: list[str]
) -> None:
    sign_in(page, server_url)
    page.locator("table a").first.click()
    page.get_by_role("link", name="Nytt beslut").click()
    page.get_by_label("Beslutstyp").select_option(label="Insats efter ansökan eller behovsprövning")
    page.get_by_role("button", name="Fortsätt").click()
    page.get_by_label("Beslutsfattare").fill("Hanna Handläggare")
    page.get_by_role("button", name="Registrera och signera beslutet").click()
    assert confirmations and "kan inte ändras" in confirmations[0]
