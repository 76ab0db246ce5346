"""Signing in as a demo user, the way every journey starts: the sign-in form, then the user's landing page."""

from playwright.sync_api import Page, expect

from demo.seeding import DEMO_PASSWORD


def sign_in(page: Page, server_url: str, username: str = "handlaggare", landing: str = "Mitt arbete") -> None:
    page.context.clear_cookies()
    page.goto(f"{server_url}/accounts/login/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Logga in", exact=True).click()
    expect(page.get_by_role("heading", name=landing)).to_be_visible()
