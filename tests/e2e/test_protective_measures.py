"""Protective measures in Chromium: the unit manager registers a provider (the permit asked for first), a
case worker records the police's placement on a Saturday night and then an immediate skyddat boende with
the guardian at that provider; the one-week and six-week clocks appear on the case. axe finds nothing on
any page, and each fits a 390 px phone."""

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from core.calendar import statutory_deadline
from tests.e2e.accessibility import assert_accessible
from tests.e2e.signing_in import sign_in

pytestmark = pytest.mark.browser
PROVIDER = "Skyddsboendet Fyren AB"


def _case_with_two_guardians(server_db: Path) -> str:
    """An open case of handlaggare's team whose child (not protected) has two guardians with custody."""
    with sqlite3.connect(server_db) as db:
        row = db.execute(
            "SELECT c.public_id FROM cases_case c JOIN people_person p ON p.id = c.child_id "
            "JOIN accounts_user u ON u.team_id = c.team_id AND u.username = 'handlaggare' "
            "WHERE c.status = 'open' AND p.protection_level = 'none' AND ("
            "  SELECT COUNT(*) FROM people_relation r WHERE r.child_id = p.id AND r.kind = 'guardian_custody') = 2 "
            "ORDER BY c.id DESC LIMIT 1"
        ).fetchone()
    value = row[0]
    return value if "-" in value else f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"


def _last_saturday(today: date) -> date:
    return today - timedelta(days=(today.weekday() - 5) % 7 or 7)


def _add_provider(page: Page, server_url: str) -> None:
    sign_in(page, server_url, "chef", "Mitt arbete")
    page.goto(f"{server_url}/utforare/")
    expect(page.get_by_role("heading", name="Utförarregister")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Lägg till en utförare").click()
    page.get_by_label("Namn", exact=True).fill(PROVIDER)
    page.get_by_label("Organisationsnummer").fill("556016-0681")  # a wrong check digit
    page.get_by_label("Verksamhet", exact=True).select_option(label="Skyddat boende")
    page.get_by_role("button", name="Spara").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_contain_text("kontrollsiffra")
    expect(summary).to_contain_text("IVO:s tillståndsnummer")
    assert_accessible(page)
    page.get_by_label("Organisationsnummer").fill("5560160680")
    page.get_by_label("IVO:s tillståndsnummer").fill("IVO 3.5.1-1234/2024")
    page.get_by_label("Tillståndet gäller från").fill("2024-04-01")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("heading", name=PROVIDER)).to_be_visible()
    expect(page.get_by_text("556016-0680")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Ändra utföraren").click()
    assert_accessible(page)
    page.go_back()
    page.get_by_role("link", name="Registrera uppföljning").click()
    assert_accessible(page)
    page.get_by_label("Besök", exact=True).check()
    page.get_by_label("Iakttagelser").fill("Besök på boendet, inga brister.")
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Uppföljningen är registrerad.")).to_be_visible()


def test_police_placement_on_a_saturday_night_then_skyddat_boende_with_the_guardian(
    page: Page, server_url: str, server_db: Path
) -> None:
    _add_provider(page, server_url)
    case = _case_with_two_guardians(server_db)
    today = datetime.now(ZoneInfo("Europe/Stockholm")).date()
    saturday = _last_saturday(today)

    sign_in(page, server_url, "handlaggare", "Mitt arbete")
    page.goto(f"{server_url}/arenden/{case}/skydd/")
    assert_accessible(page)
    page.get_by_role("link", name="Registrera polisens akuta placering").click()
    assert_accessible(page)
    page.get_by_label("När polisen placerade barnet").fill(f"{saturday.isoformat()} 22:00")
    page.get_by_label("Polisen som placerade").fill("Polisområde Malmö")
    page.get_by_label("Var, allmänt hållet").fill("Jourhem")
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Polisens placering är registrerad.")).to_be_visible()
    sunday = (saturday + timedelta(days=1)).isoformat()
    expect(page.get_by_text(f"Nämndens eget beslut efter polisens placering: senast {sunday}")).to_be_visible()

    page.get_by_role("link", name="Besluta om skyddat boende").click()
    assert_accessible(page)
    page.get_by_label("Omedelbar insats i form av skyddat boende för barnet").check()
    page.get_by_label("Vårdnadshavaren som barnet bor med").select_option(index=1)
    page.get_by_label("Vårdnadshavaren beviljades skyddat boende").fill(today.isoformat())
    page.get_by_label("Samtycker inte: ansökan hos förvaltningsrätten eller omedelbar insats").check()
    page.get_by_label("Den andra vårdnadshavaren", exact=True).select_option(index=2)
    page.get_by_label("Utförare").select_option(label=f"{PROVIDER} (556016-0680)")
    for name, text in (("Lagrum", "4 kap. 1 §"), ("Punkt i delegationsordningen", "D 4.3")):
        field = page.get_by_label(name)
        field.select_option(field.locator("option", has_text=text).first.get_attribute("value"))
    page.get_by_label("Beslutsfattare").fill("Sociala utskottet")
    page.get_by_label("Skäl för beslutet").fill("Barnet och mamman är hotade och kan inte bo kvar.")
    page.get_by_role("button", name="Registrera och signera beslutet").click()
    expect(page.get_by_text("Beslutet om skyddat boende är registrerat")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{server_url}/arenden/{case}/")
    week, six_weeks = statutory_deadline(today, weeks=1).isoformat(), statutory_deadline(today, weeks=6).isoformat()
    expect(page.get_by_text("Underställning av omedelbart skyddat boende").first).to_be_visible()
    expect(page.get_by_text(week).first).to_be_visible()
    expect(page.get_by_text("Ansökan om skyddat boende hos förvaltningsrätten").first).to_be_visible()
    expect(page.get_by_text(six_weeks).first).to_be_visible()

    page.goto(f"{server_url}/arenden/{case}/skydd/")
    for link in ("Registrera övervägande", "Avsluta", "Besluta om hemlig vistelseort (14 § LVU)"):
        page.get_by_role("link", name=link, exact=True).first.click()
        assert_accessible(page)
        page.go_back()
    page.get_by_role("link", name="Registrera underställning").click()
    assert_accessible(page)
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Underställningen till förvaltningsrätten är registrerad.")).to_be_visible()
    expect(page.get_by_text("Underställt förvaltningsrätten")).to_be_visible()

    # The court confirms the immediate insats: the application's six weeks now count from the placement.
    page.get_by_role("link", name="Registrera att rätten fastställt beslutet").click()
    assert_accessible(page)
    page.get_by_label("Placeringen påbörjades").fill((today + timedelta(days=1)).isoformat())  # not after today
    page.get_by_role("button", name="Registrera").click()
    expect(page.locator(".u-error-summary li")).to_have_count(1)
    assert_accessible(page)
    page.get_by_label("Placeringen påbörjades").fill(today.isoformat())
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Att rätten fastställt beslutet är registrerat.", exact=False)).to_be_visible()
    expect(page.get_by_text("Fastställt av förvaltningsrätten", exact=False)).to_be_visible()
    expect(page.get_by_text(f"Ansökan om skyddat boende hos förvaltningsrätten: senast {six_weeks}")).to_be_visible()
