"""Outcomes in a real browser: a child who came to the programme six months ago, the occasions on the
participation page, and an outcome at 6 months recorded, refused first with every problem at once. axe
finds nothing and each page fits a 390 px phone."""

from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from core.calendar import add_months
from tests.e2e.accessibility import assert_accessible
from tests.e2e.signing_in import sign_in
from tests.e2e.test_programme_journey import _open_case_outside_the_programme

pytestmark = pytest.mark.browser


def test_an_outcome_at_6_months(page: Page, server_url: str, server_db: Path) -> None:
    sign_in(page, server_url)
    page.goto(f"{server_url}/arenden/{_open_case_outside_the_programme(server_db)}/")
    page.get_by_role("link", name="Registrera i avhopparprogrammet").click()
    page.get_by_label("Uppsökande arbete").check()
    page.get_by_label("Vem som aktualiserade").fill("Skolans kurator")
    # The first contact six months ago today: the 6-month occasion is due today.
    page.get_by_label("Första kontakten").fill(add_months(timezone.localdate(), -6).isoformat())
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Barnet är registrerat i avhopparprogrammet.")).to_be_visible()
    occasions = page.get_by_role("table", name="Tillfällen för utfall")
    expect(occasions.get_by_role("row", name="6 månader efter start")).to_contain_text("Ska registreras")
    expect(occasions.get_by_role("row", name="Vid start")).to_contain_text("Försenad")
    assert_accessible(page)

    page.get_by_role("link", name="Alla utfall och registreringar").click()
    expect(page.get_by_text("Inga utfall registrerade ännu.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Registrera 6 månader efter start").click()
    assert_accessible(page)
    page.get_by_role("button", name="Registrera utfallet").click()  # no source, no words: both told at once
    expect(page.locator(".u-error-summary li")).to_have_count(2)
    assert_accessible(page)
    page.locator(".u-error-summary a").first.click()  # the summary links to the field
    page.get_by_label("Barnet självt").check()
    page.get_by_label("Barnets egna ord om trygghet och mående").fill("Det är lugnare. Jag går till skolan nu.")
    page.get_by_label("Nya misstankar om brott").fill("0")
    page.get_by_role("group", name="Skolnärvaro").get_by_label("Mest närvarande, viss frånvaro").check()
    page.get_by_role("group", name="Hur trygg barnet själv säger sig vara").get_by_label("4", exact=True).check()
    page.get_by_role("button", name="Registrera utfallet").click()
    expect(page.get_by_text("Utfallet är registrerat.")).to_be_visible()
    expect(page.get_by_role("heading", name="Utfall: 6 månader efter start")).to_be_visible()
    expect(page.get_by_text("Mest närvarande, viss frånvaro")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Tillbaka till utfallen").click()
    expect(
        page.get_by_role("table", name="Tillfällen för utfall").get_by_role("row", name="6 månader efter start")
    ).to_contain_text("Registrerad")
    assert_accessible(page)


def test_the_unit_manager_narrows_the_committees_report_and_keeps_the_questions(page: Page, server_url: str) -> None:
    sign_in(page, server_url, "chef", "Mitt arbete")
    page.goto(f"{server_url}/utfall/")
    expect(page.get_by_role("table", name="Deltagande")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Ålder vid start").select_option(label="15–17 år")
    page.get_by_label("Start till och med").fill("2000-01-01")
    page.get_by_label("Start från och med").fill("2001-01-01")  # a period that ends before it starts
    page.get_by_role("button", name="Visa").click()
    expect(page.locator(".u-error-summary li")).to_have_count(1)
    assert_accessible(page)
    page.get_by_label("Start till och med").fill("")
    page.get_by_label("Start från och med").fill("")
    page.get_by_role("button", name="Visa").click()
    expect(page.get_by_text("Ett urval:", exact=False)).to_be_visible()
    page.get_by_role("link", name="Frågor vid uppföljning av utfall").click()
    assert_accessible(page)
    page.get_by_role("link", name="Lägg till en fråga").click()
    page.get_by_role("button", name="Spara").click()  # nothing filled: every problem at once
    for field in ("key", "group", "label_sv", "label_en"):
        expect(page.locator(f".u-error-summary a[href='#id_{field}']")).to_be_visible()
    assert_accessible(page)
