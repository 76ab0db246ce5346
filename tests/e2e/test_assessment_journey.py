"""A structured assessment in a real browser: a case worker assesses a child with the open instrument, the
child's own part included, twice, and sees the change per domain as a chart with its table. axe finds
nothing and each page fits a phone."""

import sqlite3
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.signing_in import sign_in

pytestmark = pytest.mark.browser

AREAS = ["Individ", "Familj", "Kamrater", "Skola", "Närsamhälle"]
SAFETY = "Hur trygg känner du dig, hemma, i skolan och ute?"


def _open_case_without_assessments(server_db: Path) -> str:
    """An open case of handlaggare's team that no other journey has assessed (they share the server)."""
    with sqlite3.connect(server_db) as db:
        value = db.execute(
            "SELECT c.public_id FROM cases_case c JOIN accounts_user u ON u.team_id = c.team_id "
            "JOIN people_person p ON p.id = c.child_id WHERE u.username = 'handlaggare' AND c.status = 'open' "
            "AND p.protection_level = 'none' "
            "AND NOT EXISTS (SELECT 1 FROM assessments_assessment a WHERE a.case_id = c.id) ORDER BY c.id DESC LIMIT 1"
        ).fetchone()[0]
    return value if "-" in value else f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"


def _assess(page: Page, *, risk: str, safety: str, words: str) -> None:
    page.get_by_role("link", name="Ny bedömning: Utvägs öppna bedömning").click()
    for area in AREAS:
        page.get_by_role("group", name=f"{area}: riskfaktorer").get_by_label(risk).check()
        page.get_by_role("group", name=f"{area}: skyddsfaktorer").get_by_label("2 · Finns i viss mån").check()
    page.get_by_role("group", name="Utbildning: hur det ser ut nu").get_by_label("2 · Visst behov av stöd").check()
    page.get_by_role("group", name="Barnets egen del").get_by_label("Barnet svarade själv").check()
    page.get_by_role("group", name=SAFETY).get_by_label(safety).check()
    page.get_by_label(f"{SAFETY} – barnets egna ord").fill(words)
    page.get_by_label("Vad vill du ska hända nu? Vad vill du ha hjälp med?").fill("Jag vill klara nian.")
    page.get_by_role("button", name="Registrera bedömningen").click()
    expect(page.get_by_text("Bedömningen är registrerad.")).to_be_visible()


def test_a_case_worker_assesses_a_child_with_the_open_instrument_and_the_childs_own_part(
    page: Page, server_url: str, server_db: Path
) -> None:
    sign_in(page, server_url)
    page.goto(f"{server_url}/arenden/{_open_case_without_assessments(server_db)}/")
    page.get_by_role("link", name="Strukturerade bedömningar").click()
    expect(page.get_by_text("Inga bedömningar gjorda ännu.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Ny bedömning: Utvägs öppna bedömning").click()
    assert_accessible(page)
    page.get_by_role("button", name="Registrera bedömningen").click()  # nothing filled in: every problem at once
    expect(page.locator(".u-error-summary li")).to_have_count(11)
    assert_accessible(page)
    page.locator(".u-error-summary a").first.click()
    expect(page.get_by_role("group", name="Individ: riskfaktorer").get_by_label("1 · Inga kända")).to_be_focused()
    page.get_by_role("link", name="Tillbaka till bedömningarna").click()

    _assess(page, risk="3 · Finns tydligt", safety="1 · Dåligt", words="Jag är rädd när jag går hem.")
    expect(page.get_by_text("Barnet: Jag är rädd när jag går hem.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Alla bedömningar i ärendet, med förändring per område").click()
    _assess(page, risk="2 · Finns i viss mån", safety="2 · Sådär", words="Det är lite lugnare nu.")

    page.get_by_role("link", name="Alla bedömningar i ärendet, med förändring per område").click()
    section = page.get_by_role("region", name="Risk- och skyddsfaktorer: Skola")
    expect(section.locator("svg.u-chart")).to_be_visible()
    expect(section.get_by_role("cell", name="3 · Finns tydligt")).to_be_visible()
    expect(section.get_by_role("cell", name="2 · Finns i viss mån").first).to_be_visible()
    assert_accessible(page)
