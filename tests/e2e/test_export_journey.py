"""Exports in Chromium: the log reviewer sends a log question to a file, watches it being made without
reloading, downloads it once, and is told clearly that it cannot be downloaded again; the unit manager
makes the delegation report's file. Every page passes axe and fits a 390 px phone.
"""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("task_worker")]


def test_the_log_reviewer_exports_an_extract_and_downloads_it_once(page: Page, server_url: str) -> None:
    sign_in(page, server_url, "logg", "Åtkomstlogg")
    page.get_by_label("Användarnamn").fill("handlaggare")
    page.get_by_role("button", name="Exportera svaret till en CSV-fil").click()
    expect(page.get_by_role("heading", name="Utdrag ur åtkomstloggen")).to_be_visible()
    assert "?" not in page.url  # the question went in the body, and stays out of the address
    status_page = page.url
    assert_accessible(page)  # waiting or being made: the progress bar is labelled
    download_button = page.get_by_role("button", name="Hämta filen")
    expect(download_button).to_be_visible(timeout=30_000)  # polled in, without a reload
    expect(page.get_by_role("status")).to_contain_text("Filen är klar")
    assert_accessible(page)

    second_tab = page.context.new_page()
    second_tab.goto(status_page)  # the same export open twice, both still offering the file
    with page.expect_download() as download:
        download_button.click()
    assert download.value.suggested_filename.startswith("atkomstlogg-")
    text = download.value.path().read_text(encoding="utf-8-sig")
    assert text.startswith("Tid;Användare;Roll;Händelse") and "Hanna Handläggare" in text

    second_tab.get_by_role("button", name="Hämta filen").click()
    expect(second_tab.get_by_role("heading", name="Filen finns inte längre")).to_be_visible()
    expect(second_tab.get_by_text("Filen är redan hämtad")).to_be_visible()
    assert_accessible(second_tab)
    second_tab.close()

    page.goto(f"{server_url}/exporter/")
    expect(page.get_by_role("table", name="Exporter, nyast först")).to_contain_text("Hämtad")
    assert_accessible(page)


def test_the_log_extract_form_shows_its_errors(page: Page, server_url: str) -> None:
    sign_in(page, server_url, "logg", "Åtkomstlogg")
    page.goto(f"{server_url}/logg/export/")
    expect(page.get_by_role("heading", name="Utdrag ur åtkomstloggen")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Personnummer").fill("12345")
    page.get_by_role("button", name="Gör en CSV-fil").click()
    expect(page.get_by_label("Personnummer")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)


def test_the_unit_manager_makes_the_delegation_reports_file(page: Page, server_url: str) -> None:
    sign_in(page, server_url, "chef", "Mitt arbete")
    page.get_by_role("link", name="Delegationsbeslut").click()
    page.get_by_role("button", name="Visa rapporten").click()
    page.get_by_role("button", name="Gör en CSV-fil").click()
    expect(page.get_by_role("heading", name="Anmälan av delegationsbeslut")).to_be_visible()
    expect(page.get_by_role("button", name="Hämta filen")).to_be_visible(timeout=30_000)
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Hämta filen").click()
    assert download.value.suggested_filename.startswith("delegationsbeslut-")
    page.reload()
    expect(page.get_by_role("status")).to_contain_text("hämtades")
    assert_accessible(page)
