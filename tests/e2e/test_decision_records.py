"""The records around a decision, in a real browser: detention, kommunicering, delivery and appeal period,
and feedback withheld from a reporter. axe reports nothing and each page fits a phone."""

import sqlite3
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.signing_in import sign_in

pytestmark = pytest.mark.browser


def _signal_awaiting_feedback(server_db: Path) -> tuple[str, int]:
    """A signal of handlaggare's team whose reporter asked for feedback that has not been given."""
    with sqlite3.connect(server_db) as db:
        row = db.execute(
            "SELECT c.public_id, s.id FROM intake_signal s JOIN cases_case c ON c.id = s.case_id "
            "JOIN accounts_user u ON u.team_id = c.team_id WHERE u.username = 'handlaggare' "
            "AND s.feedback_requested AND s.feedback_given_at IS NULL ORDER BY s.id LIMIT 1"
        ).fetchone()
    value = row[0]
    case = value if "-" in value else f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return case, row[1]


def test_detention_communication_delivery_and_appeal_period(page: Page, server_url: str) -> None:
    sign_in(page, server_url)
    page.locator("table a").first.click()
    case_url = page.url

    page.get_by_role("link", name="Registrera frihetsberövande").click()
    assert_accessible(page)
    page.get_by_label("Häktad").check()
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Frihetsberövandet är registrerat.")).to_be_visible()
    page.get_by_role("link", name="Registrera att det upphörde").first.click()
    assert_accessible(page)
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Att frihetsberövandet upphörde är registrerat.")).to_be_visible()

    page.get_by_role("link", name="Kommunicera med en part").click()
    assert_accessible(page)
    page.get_by_label("Vårdnadshavare").check()
    page.get_by_label("Namn", exact=True).fill("Sara Berg")
    page.get_by_label("Vad som kommunicerades").fill("Utredningen och förslaget till beslut")
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Kommuniceringen är registrerad.")).to_be_visible()
    page.get_by_role("link", name="Registrera svar").first.click()
    assert_accessible(page)
    page.get_by_label("Vad parten svarade").fill("Inget att tillägga.")
    page.get_by_role("button", name="Registrera svaret").click()
    expect(page.get_by_text("Partens svar är registrerat.")).to_be_visible()

    page.get_by_role("link", name="Nytt beslut").click()
    page.get_by_label("Beslutstyp").select_option(label="Insats efter ansökan eller behovsprövning")
    page.get_by_role("button", name="Fortsätt").click()
    page.get_by_label("Lagrum").select_option(
        label="11 kap. 1 § SoL (2025:400) – Rätt till insatser för personliga behov"
    )
    page.get_by_label("Punkt i delegationsordningen").select_option(index=1)
    page.get_by_label("Beslutsfattare").fill("Hanna Handläggare")
    page.get_by_label("Skäl för beslutet").fill("Behov av kontaktperson, men inte av familjebehandling.")
    page.get_by_label("Delvis bifall: en del av det som söktes avslås").check()  # against them: appealable
    page.get_by_label("Kommunicerat med parterna").check()
    page.get_by_role("button", name="Registrera och signera beslutet").click()
    expect(page.get_by_text("Beslutet är registrerat och signerat.")).to_be_visible()

    page.get_by_role("link", name="Registrera delfående").last.click()
    assert_accessible(page)
    page.get_by_label("Vårdnadshavare").check()
    page.get_by_label("Namn", exact=True).fill("Sara Berg")
    page.get_by_label("Brev", exact=True).check()
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Delfåendet är registrerat.")).to_be_visible()
    expect(page.get_by_text("överklagandetid till")).to_be_visible()
    page.get_by_role("link", name="Avsluta överklagandetiden").first.click()
    assert_accessible(page)
    page.get_by_label("Ja", exact=True).check()
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_role("link", name="Överklagandet kom in: Ange när överklagandet kom in.")).to_be_visible()
    page.goto(case_url)
    assert_accessible(page)


def test_feedback_withheld_from_a_reporter(page: Page, server_url: str, server_db: Path) -> None:
    sign_in(page, server_url)
    case, signal = _signal_awaiting_feedback(server_db)
    page.goto(f"{server_url}/arenden/{case}/aktualiseringar/{signal}/aterkoppling-olamplig/")
    assert_accessible(page)
    page.get_by_role("button", name="Anteckna").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert_accessible(page)
