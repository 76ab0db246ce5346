"""Issue 15's journey for one child, in a real browser: a 16-year-old under threat; the threat picture made
with the police, covering a guardian and a sibling; the police's acute placement on a Saturday night; then
an immediate skyddat boende with the guardian at a registered provider, whose one-week and six-week clocks
appear; the court's confirmation; the move to another municipality with its handover; and a second child,
connected to the rival side, about to be placed in the same municipality: the warning shows for the named
specialist and names no one, while the unit manager, who is not named, finds nothing. axe finds nothing on
any page and each fits a 390 px phone. The parts are tested on their own in the journeys beside this one."""

import re
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from core.calendar import statutory_deadline
from core.identity import synthetic_identity_number
from tests.e2e.accessibility import assert_accessible
from tests.e2e.signing_in import sign_in
from tests.e2e.test_protective_measures import _last_saturday
from tests.e2e.test_relocation_journey import STREET, WARNED, _connected, _name_for_destination
from tests.e2e.test_threat_picture import _level

pytestmark = pytest.mark.browser

PROVIDER, ORG = "Skyddat boende Ljuset AB", "802400-5558"
PLACE = "Ljusdal-E2E"
# The rival sides' adults, other than the relocation journey's, so that either journey may run first.
CARL = synthetic_identity_number(date(1994, 5, 5), 933).display
DAVID = synthetic_identity_number(date(1993, 6, 6), 944).display
SPECIALIST = "Adam Avhopparspecialist (Avhopparspecialist, Avhopparteamet)"
WORKER = "Hanna Handläggare (Handläggare, Utredning Norr)"


def _children(server_db: Path) -> tuple[str, str]:
    """The oldest open cases of handlaggare's team untouched by the other journeys: a child of 15 or more
    with two guardians with custody and a sibling, and another child outside the programme."""
    untouched = (
        "c.status = 'open' AND p.protection_level = 'none' "
        "AND NOT EXISTS (SELECT 1 FROM programme_participation pp WHERE pp.case_id = c.id) "
        "AND NOT EXISTS (SELECT 1 FROM protection_threatassessment t WHERE t.case_id = c.id) "
        "AND NOT EXISTS (SELECT 1 FROM protection_destination d WHERE d.case_id = c.id) "
        "AND NOT EXISTS (SELECT 1 FROM access_casemember m WHERE m.case_id = c.id) "
    )
    ours = "FROM cases_case c JOIN accounts_user u ON u.team_id = c.team_id AND u.username = 'handlaggare' "
    ours += "JOIN people_person p ON p.id = c.child_id WHERE "
    with sqlite3.connect(server_db) as db:
        (first,) = db.execute(
            f"SELECT c.public_id {ours}{untouched}AND p.birth_date <= date('now', '-15 years') "
            "AND (SELECT COUNT(*) FROM people_relation r WHERE r.child_id = p.id AND r.kind = 'guardian_custody') = 2 "
            "AND EXISTS (SELECT 1 FROM people_relation r WHERE r.child_id = p.id AND r.kind = 'sibling') "
            "AND NOT EXISTS (SELECT 1 FROM protection_shelterplacement s WHERE s.case_id = c.id) "
            "ORDER BY c.id LIMIT 1"
        ).fetchone()
        (second,) = db.execute(
            f"SELECT c.public_id {ours}{untouched}AND p.birth_date <= date('now', '-13 years') "
            "AND c.public_id != ? ORDER BY c.id LIMIT 1",
            (first,),
        ).fetchone()
    return _uuid(str(first)), _uuid(str(second))


def _uuid(v: str) -> str:
    return v if "-" in v else f"{v[:8]}-{v[8:12]}-{v[12:16]}-{v[16:20]}-{v[20:]}"


def _provider(page: Page, server_url: str) -> None:
    page.goto(f"{server_url}/utforare/ny/")
    page.get_by_label("Namn", exact=True).fill(PROVIDER)
    page.get_by_label("Organisationsnummer").fill(ORG)
    page.get_by_label("Verksamhet", exact=True).select_option(label="Skyddat boende")
    page.get_by_label("IVO:s tillståndsnummer").fill("IVO 3.5.1-9876/2024")
    page.get_by_label("Tillståndet gäller från").fill("2024-04-01")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("heading", name=PROVIDER)).to_be_visible()


def _threat_picture(page: Page, case_url: str, today: datetime) -> None:
    page.goto(f"{case_url}skydd/")
    page.get_by_role("link", name="Registrera hotbild").click()
    page.get_by_role("group", name="Källa").get_by_label("Polisens hotbedömning").check()
    page.get_by_label("Om källan").fill("Polisens hotbedömning vid samverkansmötet.")
    page.get_by_label("Hotet kommer från (allmänt hållet)").fill("Ett kriminellt nätverk i barnets område.")
    page.get_by_label("Ses över senast").fill((today.date() + timedelta(days=30)).isoformat())
    _level(page, r"^Barnet, .*: nivå$", "Hög")
    _level(page, r"\(vårdnadshavare\): nivå$", "Förhöjd")
    _level(page, r"\(syskon\): nivå$", "Förhöjd")
    page.get_by_role("button", name="Registrera hotbilden").click()
    expect(page.get_by_text("Hotbilden är registrerad.")).to_be_visible()
    table = page.get_by_role("table", name="Hotade personer")
    expect(table.get_by_role("cell", name=re.compile("^Vårdnadshavare: ")).first).to_be_visible()
    expect(table.get_by_role("cell", name=re.compile("^Syskon: ")).first).to_be_visible()
    assert_accessible(page)


def _police_and_shelter(page: Page, case_url: str, today: datetime) -> None:
    saturday = _last_saturday(today.date())
    page.get_by_role("link", name="Registrera polisens akuta placering").click()
    page.get_by_label("När polisen placerade barnet").fill(f"{saturday.isoformat()} 23:10")
    page.get_by_label("Polisen som placerade").fill("Polisområde Malmö")
    page.get_by_label("Var, allmänt hållet").fill("Jourhem")
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Polisens placering är registrerad.")).to_be_visible()

    page.get_by_role("link", name="Besluta om skyddat boende").click()
    page.get_by_label("Omedelbar insats i form av skyddat boende för barnet").check()
    page.get_by_label("Vårdnadshavaren som barnet bor med").select_option(index=1)
    page.get_by_label("Vårdnadshavaren beviljades skyddat boende").fill(today.date().isoformat())
    page.get_by_label("Samtycker inte: ansökan hos förvaltningsrätten eller omedelbar insats").check()
    page.get_by_label("Den andra vårdnadshavaren", exact=True).select_option(index=2)
    page.get_by_label("Utförare").select_option(label=f"{PROVIDER} ({ORG})")
    for name, text in (("Lagrum", "4 kap. 1 §"), ("Punkt i delegationsordningen", "D 4.3")):
        field = page.get_by_label(name)
        field.select_option(field.locator("option", has_text=text).first.get_attribute("value"))
    page.get_by_label("Beslutsfattare").fill("Sociala utskottet")
    page.get_by_label("Skäl för beslutet").fill("Barnet och mamman är hotade och kan inte bo kvar.")
    page.get_by_role("button", name="Registrera och signera beslutet").click()
    expect(page.get_by_text("Beslutet om skyddat boende är registrerat")).to_be_visible()
    week, six = (statutory_deadline(today.date(), weeks=n).isoformat() for n in (1, 6))
    expect(page.get_by_text(f"Underställning av omedelbart skyddat boende: senast {week}")).to_be_visible()
    expect(page.get_by_text(f"Ansökan om skyddat boende hos förvaltningsrätten: senast {six}")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Registrera underställning").click()
    page.get_by_role("button", name="Registrera").click()
    page.get_by_role("link", name="Registrera att rätten fastställt beslutet").click()
    page.get_by_label("Placeringen påbörjades").fill(today.date().isoformat())
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Fastställt av förvaltningsrätten", exact=False)).to_be_visible()


def _moved_with_handover(page: Page, case_url: str, today: datetime) -> None:
    page.goto(f"{case_url}skydd/vistelseort/")
    page.get_by_role("link", name="Ny vistelseort").click()
    page.get_by_label("Kommun").fill(PLACE)
    page.get_by_label("Adress").fill(STREET)
    page.get_by_label("Från och med").fill(today.date().isoformat())
    page.get_by_role("button", name="Registrera vistelseorten").click()
    expect(page.get_by_text("Vistelseorten är registrerad.")).to_be_visible()
    page.get_by_role("link", name="Registrera omflyttning").click()
    page.get_by_role("button", name="Registrera omflyttningen").click()
    page.get_by_role("link", name="Registrera överlämning").click()
    page.get_by_label("Vad som lämnades över").fill("Utredningen, hotbilden och beslutet om skyddat boende.")
    page.get_by_label("Till vem").fill("Socialtjänsten i mottagande kommun")
    page.get_by_label("Nödvändigt för nämndens verksamhet (OSL 10 kap. 2 §)").check()
    page.get_by_role("button", name="Registrera överlämningen").click()
    expect(page.get_by_text("Överlämningen är registrerad.")).to_be_visible()
    assert_accessible(page)


def test_a_16_year_old_under_threat_from_threat_picture_to_relocation(
    page: Page, server_url: str, server_db: Path
) -> None:
    first, second = _children(server_db)
    child, rival = f"{server_url}/arenden/{first}/", f"{server_url}/arenden/{second}/"
    today = datetime.now(ZoneInfo("Europe/Stockholm"))

    sign_in(page, server_url, "chef", "Mitt arbete")
    _provider(page, server_url)
    page.goto(child)
    page.get_by_role("link", name="Personal från andra team").click()
    page.get_by_label("Vem").select_option(label=SPECIALIST)
    page.get_by_label("Varför personen behöver arbeta i ärendet").fill("Avhopparspecialist, hotbild med polisen.")
    page.get_by_role("button", name="Utse").click()
    for who, url in ((WORKER, child), (SPECIALIST, child), (WORKER, rival)):
        _name_for_destination(page, url, who)

    sign_in(page, server_url, "handlaggare", "Mitt arbete")
    _threat_picture(page, child, today)
    _police_and_shelter(page, child, today)
    _connected(page, child, CARL, "Carl")
    _connected(page, rival, DAVID, "David")
    page.goto(f"{child}skydd/konflikter/")
    page.get_by_label("Barnets koppling", exact=True).select_option(label="Carl Rival")
    page.get_by_label("eller den andra personens person- eller samordningsnummer").fill(DAVID)
    page.get_by_label("Förnamn, som källan angav").fill("David")
    page.get_by_label("Efternamn, som källan angav").fill("Rival")
    page.get_by_label("Källa", exact=True).fill("Polisens lägesbild vid samverkansmötet")
    page.get_by_role("button", name="Registrera konflikten").click()
    expect(page.get_by_text("Konflikten är registrerad.")).to_be_visible()
    _moved_with_handover(page, child, today)

    # The rival's child is about to be placed in the same municipality.
    page.goto(f"{rival}skydd/vistelseort/")
    page.get_by_role("link", name="Ny vistelseort").click()
    page.get_by_label("Kommun").fill(PLACE.upper())
    page.get_by_label("Från och med").fill(today.date().isoformat())
    page.get_by_role("button", name="Registrera vistelseorten").click()
    expect(page.get_by_text(WARNED)).to_be_visible()
    assert "Carl" not in page.get_by_text(WARNED).inner_text()

    sign_in(page, server_url, "avhopp", "Mitt arbete")
    page.goto(f"{child}skydd/vistelseort/")
    expect(page.get_by_text(WARNED)).to_be_visible()
    expect(page.get_by_text(PLACE, exact=True).first).to_be_visible()
    page.goto(f"{child}skydd/")
    expect(page.get_by_text(PROVIDER).first).to_be_visible()  # named: the shelter, a place, is shown
    assert_accessible(page)

    sign_in(page, server_url, "chef", "Mitt arbete")  # not named: no page, no place, no warning
    response = page.goto(f"{child}skydd/vistelseort/")
    assert response is not None and response.status == 404
    for url in (child, f"{child}skydd/"):
        page.goto(url)
        text = page.content()
        assert PLACE not in text and PLACE.upper() not in text and WARNED not in text and PROVIDER not in text
