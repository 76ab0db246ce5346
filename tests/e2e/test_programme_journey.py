"""The exit programme in a real browser: a child raised by the police, moved to the joint meeting, motivation
heard, the definition assessed and the police criteria checked. axe finds nothing and each page fits a phone."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from core.identity import synthetic_identity_number
from demo.seeding import DEMO_PASSWORD
from tests.e2e.accessibility import assert_accessible
from tests.e2e.test_case_journey import sign_in

pytestmark = pytest.mark.browser

# An older person in the child's network: a synthetic number, which no real person can have.
OLDER = synthetic_identity_number(date(1997, 6, 7), 901).display


def _open_case_outside_the_programme(server_db: Path) -> str:
    """An open case of handlaggare's team with no participation yet: other journeys share the server."""
    with sqlite3.connect(server_db) as db:
        value = db.execute(
            "SELECT c.public_id FROM cases_case c JOIN accounts_user u ON u.team_id = c.team_id "
            "JOIN people_person p ON p.id = c.child_id WHERE u.username = 'handlaggare' AND c.status = 'open' "
            "AND p.protection_level = 'none' AND p.birth_date <= date('now', '-13 years') "
            "AND NOT EXISTS (SELECT 1 FROM programme_participation pp WHERE pp.case_id = c.id) ORDER BY c.id LIMIT 1"
        ).fetchone()[0]
    return value if "-" in value else f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"


def test_a_child_raised_by_the_police_through_the_first_steps_of_the_programme(
    page: Page, server_url: str, server_db: Path
) -> None:
    sign_in(page, server_url)
    case_url = f"{server_url}/arenden/{_open_case_outside_the_programme(server_db)}/"
    page.goto(case_url)
    page.get_by_role("link", name="Registrera i avhopparprogrammet").click()
    assert_accessible(page)
    page.get_by_role("button", name="Registrera").click()  # nothing filled in: every problem at once
    expect(page.locator(".u-error-summary li")).to_have_count(2)
    assert_accessible(page)
    page.get_by_label("Polisförhör").check()
    page.get_by_label("Vem som aktualiserade").fill("Polisen, områdespolis Norr")
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Barnet är registrerat i avhopparprogrammet.")).to_be_visible()
    expect(page.get_by_text("inte ännu: väntat 0 dagar").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Ny fas").click()
    assert_accessible(page)
    page.get_by_label("Gemensamt möte med polisen").check()
    page.get_by_role("button", name="Registrera fasen").click()
    expect(page.get_by_text("Fasen är registrerad.")).to_be_visible()

    page.get_by_role("link", name="Registrera motivation").click()
    assert_accessible(page)
    page.get_by_label("Vill inte lämna").check()
    page.get_by_label("Vad barnet sa, med barnets egna ord").fill("Jag har inga problem, det är lugnt.")
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Motivationen är registrerad.")).to_be_visible()
    expect(page.locator("svg.u-chart")).to_be_visible()

    page.get_by_role("link", name="Bedöm mot definitionen av avhoppare").click()
    assert_accessible(page)
    expect(page.get_by_text("En avhoppare är en individ som har valt att lämna")).to_be_visible()
    page.get_by_role("group", name="Har barnet valt att lämna organiserad brottslighet?").get_by_label("Nej").check()
    page.get_by_label("Skälen för den bedömningen").first.fill("Säger att han inte vill lämna.")
    page.get_by_role("group", name="Bedöms barnet behöva samhällets stöd och skydd").get_by_label("Ja").check()
    page.get_by_label("Skälen för den bedömningen").last.fill("Hotad av äldre i nätverket.")
    page.get_by_role("button", name="Registrera bedömningen").click()
    expect(page.get_by_text("Uppfyller inte definitionen nu")).to_be_visible()

    page.get_by_role("link", name="Polisens kriterier").click()
    assert_accessible(page)
    page.get_by_role("group", name="Det finns en hotbild från en miljö med våldskapital").get_by_label(
        "Uppfyllt", exact=True
    ).check()
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Polisens kriterier är registrerade.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Ny koppling").click()
    assert_accessible(page)
    page.get_by_label("Personens person- eller samordningsnummer").fill(OLDER)
    page.get_by_label("Förnamn, som källan angav").fill("Kalle")
    page.get_by_label("Efternamn, som källan angav").fill("Kopplad")
    page.get_by_label("Polisens uppgift").check()
    page.get_by_label("Om källan", exact=True).fill("Polisens lägesbild vid samverkansmötet")
    page.get_by_role("button", name="Registrera kopplingen").click()
    expect(page.get_by_text("Kopplingen är registrerad.")).to_be_visible()
    page.get_by_role("link", name="Registrera händelse Kalle Kopplad").click()
    assert_accessible(page)
    page.get_by_label("Frihetsberövad").check()
    page.get_by_label("Källa", exact=True).fill("Polisen, telefon")
    page.get_by_role("button", name="Registrera händelsen").click()
    expect(page.get_by_text("Möjligt motivationsfönster: Kalle Kopplad, frihetsberövad")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Registrera vad som gjordes").click()
    assert_accessible(page)
    page.get_by_label("Vad som gjordes").fill("Samtal med barnet samma dag.")
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Det som gjordes är registrerat.")).to_be_visible()

    page.get_by_role("link", name="Barnets plan").click()
    assert_accessible(page)
    page.get_by_role("link", name="Nytt mål").click()
    assert_accessible(page)
    page.get_by_label("Område").select_option(label="Behandling")
    page.get_by_label("Målet med barnets egna ord").fill("Jag vill kunna sova utan att vara rädd.")
    page.get_by_label("Målet som socialtjänsten formulerar det").fill("Minskad oro, mätt vid varje samtal.")
    page.get_by_label("Öppenvård, till exempel öppenvårdsteamet kvällar och helger").check()
    page.get_by_label("Vad som görs").fill("Samtal med öppenvårdsteamet två kvällar i veckan")
    page.get_by_label("Ansvarig person eller samverkanspart").fill("Öppenvårdsteamet")
    page.get_by_role("button", name="Lägg till målet").click()  # no consent: refused, with the law's words
    expect(page.get_by_text("Utan alla vårdnadshavares samtycke krävs att barnet").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Barnet samtycker").check()
    page.get_by_label("Hur samtycket lämnades").fill("Muntligt vid mötet")
    page.get_by_label("Om inte alla vårdnadshavare samtycker").fill("Barnet vill ha stödet nu; hemma är det hotfullt.")
    page.get_by_role("button", name="Lägg till målet").click()
    expect(page.get_by_text("Målet är lagt till planen.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Uppföljningsmöte").click()
    assert_accessible(page)
    page.get_by_label("Barnets syn, med barnets egna ord").fill("Det är lite bättre. Jag sover mer.")
    page.get_by_label("Hur det har gått", exact=False).first.fill("Två samtal av fyra, bra kontakt.")
    page.get_by_role("button", name="Registrera uppföljningen").click()
    expect(page.get_by_text("Uppföljningen är registrerad.")).to_be_visible()
    assert_accessible(page)

    page.goto(case_url)
    expect(page.get_by_text("Gemensamt möte med polisen")).to_be_visible()
    assert_accessible(page)


def test_the_unit_manager_names_the_defector_specialist_to_a_case_of_another_team(page: Page, server_url: str) -> None:
    _sign_in(page, server_url, "chef", "Mitt arbete")
    page.locator("table a").first.click()
    case_url = page.url
    page.get_by_role("link", name="Personal från andra team").click()
    assert_accessible(page)
    page.get_by_role("button", name="Utse").click()  # nobody chosen, no reason: both told at once
    expect(page.locator(".u-error-summary li")).to_have_count(2)
    page.get_by_label("Vem").select_option(label="Adam Avhopparspecialist (Avhopparspecialist, Avhopparteamet)")
    page.get_by_label("Varför personen behöver arbeta i ärendet").fill("Avhopparspecialist i barnets deltagande.")
    page.get_by_role("button", name="Utse").click()
    expect(page.get_by_text("Personen kan nu arbeta i ärendet och har fått en notis.")).to_be_visible()
    assert_accessible(page)

    _sign_in(page, server_url, "avhopp", "Mitt arbete")
    page.goto(case_url)
    expect(page.get_by_role("heading", name="Avhopparprogrammet")).to_be_visible()
    assert_accessible(page)


def _sign_in(page: Page, server_url: str, username: str, landing: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{server_url}/accounts/login/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Logga in", exact=True).click()
    expect(page.get_by_role("heading", name=landing)).to_be_visible()
