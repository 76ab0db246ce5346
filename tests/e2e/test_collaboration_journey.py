"""Issue 16 in one journey in a real browser, as its "done means" asks:

- a Bob-råd with three children on its agenda, each child's minutes written into that child's case; one
  item disclosed to the police under OSL 10 kap. 18 a § with its checklist, one refused because no consent
  covers it; a worker of another unit sees none of the meeting, the unit manager reads it whole;
- a Custom under 18 call-in with the child and a guardian, what each said, and the follow-up;
- an outreach worker on a 390 by 844 phone logging three anonymous contacts (every problem first; the draft
  survives a reload) and turning a fourth into a signal, and the unit manager reading the field's figures;
- a young person on the public page asking for contact (in Arabic, right to left, and in Swedish), then
  leaving quickly, the back button not bringing the receipt back;
- both requests reaching the intake team's queue;
- the data protection officer asking what was disclosed about the first child, and its register extract.

axe finds nothing on any page, the public page included, and each fits a 390 px phone."""

import re
import sqlite3
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, Route, expect

from tests.e2e.accessibility import PHONE, assert_accessible
from tests.e2e.signing_in import sign_in

pytestmark = pytest.mark.browser
BOB = "Bob-råd, område Norr (e2e)"
CALL_IN = "Custom under 18, område Norr (e2e)"
EXIT = "https://www.smhi.se/"
FIELD_CHILD = "Nour Fältsson"
PARTNERS = "Polisen (lokalpolisområde Norr), skolan (rektor), socialtjänsten."


def _three_children(server_db: Path) -> list[str]:
    """Open cases of handlaggare's team with a child of 15 to 17 and a guardian with custody."""
    with sqlite3.connect(server_db) as db:
        rows = db.execute(
            "SELECT c.public_id FROM cases_case c JOIN accounts_user u ON u.team_id = c.team_id "
            "JOIN people_person p ON p.id = c.child_id WHERE u.username = 'handlaggare' AND c.status = 'open' "
            "AND p.protection_level = 'none' AND p.birth_date <= date('now', '-15 years') "
            "AND p.birth_date > date('now', '-18 years') "
            "AND EXISTS (SELECT 1 FROM people_relation r WHERE r.child_id = p.id AND r.kind = 'guardian_custody') "
            "AND NOT EXISTS (SELECT 1 FROM collaboration_meetingitem m WHERE m.case_id = c.id) "
            "ORDER BY c.id LIMIT 3"
        ).fetchall()
    ids = [str(row[0]) for row in rows]
    return [v if "-" in v else f"{v[:8]}-{v[8:12]}-{v[12:16]}-{v[16:20]}-{v[20:]}" for v in ids]


def _child_of(server_db: Path, case_id: str) -> str:
    with sqlite3.connect(server_db) as db:
        row = db.execute(
            "SELECT p.public_id FROM cases_case c JOIN people_person p ON p.id = c.child_id WHERE c.public_id = ?",
            (case_id.replace("-", ""),),
        ).fetchone()
    value = str(row[0])
    return value if "-" in value else f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"


def _identity_number(page: Page, server_url: str, person_id: str) -> str:
    """The number as the worker reads it on the person's page: the reviewer asks by it."""
    page.goto(f"{server_url}/personer/{person_id}/")
    found = re.search(r"\b(\d{8}-\d{4})\b", page.locator("main").inner_text())
    assert found, "the person's page shows no identity number"
    return found.group(1)


def _meeting(page: Page, server_url: str, kind: str, title: str, day: str) -> None:
    page.goto(f"{server_url}/samverkan/moten/nytt/")
    page.get_by_label(kind, exact=True).check()
    page.get_by_label("Dag").fill(day)
    page.get_by_label("Rubrik").fill(title)
    page.get_by_label("Deltagare").fill(PARTNERS)
    page.get_by_role("button", name="Registrera mötet").click()
    expect(page.get_by_text("Mötet är registrerat.")).to_be_visible()


def _item(page: Page, case_url: str, title: str, discussed: str) -> None:
    page.goto(f"{case_url}samverkan/moten/")
    page.get_by_role("link", name=title).click()
    page.get_by_label("Vad som togs upp om barnet").fill(discussed)
    page.get_by_label("Vad som beslutades eller erbjöds").fill("Kontakt med fältgruppen och skolan.")
    page.get_by_role("button", name="Registrera punkten").click()
    expect(page.get_by_text("Ärendets punkt från mötet är registrerad.")).to_be_visible()


def _disclosure(page: Page, case_url: str, basis: str, day: str, *, from_item: bool = False) -> None:
    if from_item:  # from the Bob-råd's item in the child's case: the form starts at the meeting's day
        page.goto(f"{case_url}samverkan/moten/")
        page.get_by_role("link", name="Registrera ett utlämnande från punkten", exact=False).first.click()
        expect(page.get_by_text("Från punkten på mötet", exact=False)).to_be_visible()
    else:
        page.goto(f"{case_url}utlamnanden/ny/")
    page.get_by_label("Barnet:", exact=False).check()
    page.get_by_label("När uppgiften lämnades ut").fill(day)
    page.get_by_label("Polismyndigheten").check()
    page.get_by_label("Mottagarens namn och enhet").fill("Polisen, lokalpolisområde Norr")
    page.get_by_label("Muntligt, vid ett möte eller samtal").check()
    page.get_by_label("Vilka uppgifter som lämnades ut").fill("Att barnet har setts med äldre i nätverket.")
    page.get_by_label(basis).check()
    page.get_by_label("Sekretessprövningen").fill("Behövs för att förhindra att barnet begår brott.")


def _bob_council(page: Page, server_url: str, cases: list[str], held: str) -> None:
    first, second, third = cases
    page.goto(f"{server_url}/samverkan/moten/nytt/")
    page.get_by_role("button", name="Registrera mötet").click()  # nothing filled: every problem at once
    # The kind, the title and the participants (the day starts as today).
    expect(page.locator("[data-error-summary] li")).to_have_count(3)
    assert_accessible(page)
    _meeting(page, server_url, "Bob-råd", BOB, held)
    assert_accessible(page)
    page.get_by_role("link", name="Registrera nästa möte med samma deltagare").click()  # next month's, not sent
    expect(page.get_by_label("Deltagare")).to_have_value(PARTNERS)
    expect(page.get_by_label("Bob-råd", exact=True)).to_be_checked()
    for case_url, words in ((first, "Ses med äldre."), (second, "Frånvaro i skolan."), (third, "Hotad i området.")):
        _item(page, case_url, BOB, words)
    assert_accessible(page)

    _disclosure(page, first, "OSL 10 kap. 18 a §", held, from_item=True)
    page.get_by_role("button", name="Registrera utlämnandet").click()  # the checklist not confirmed
    expect(page.locator("[data-error-summary]")).to_contain_text("Alla villkor i lagrummet")
    assert_accessible(page)
    for condition in (
        page.get_by_role("group", name="Villkor i OSL 10 kap. 18 a §", exact=False).get_by_role("checkbox").all()
    ):
        condition.check()
    page.get_by_role("button", name="Registrera utlämnandet").click()
    expect(page.get_by_text("Utlämnandet är registrerat.")).to_be_visible()
    expect(page.get_by_text("Polisen, lokalpolisområde Norr").first).to_be_visible()
    expect(page.get_by_text(f"Från mötet {held} (Bob-råd)")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{first}samverkan/moten/")  # the item says what was disclosed from it
    expect(page.get_by_text("Utlämnat från punkten:")).to_be_visible()
    assert_accessible(page)

    _disclosure(page, second, "OSL 12 kap. 2 §", held)
    page.get_by_role("button", name="Registrera utlämnandet").click()  # on consent, and there is none
    expect(page.locator("[data-error-summary]")).to_contain_text("samtycke")
    assert_accessible(page)


def _custom_call_in(page: Page, server_url: str, third: str, held: str, today: date) -> None:
    _meeting(page, server_url, "Custom under 18", CALL_IN, held)
    page.goto(f"{third}samverkan/moten/")
    page.get_by_role("link", name=CALL_IN).click()
    page.get_by_label("Vad som togs upp om barnet").fill("Kallelse efter att barnet hotats.")
    page.get_by_role("group", name="Kallade").get_by_label("Barnet:", exact=False).check()
    page.get_by_role("group", name="Kallade").get_by_role("checkbox").nth(1).check()
    page.get_by_role("group", name="Kom till mötet").get_by_label("Barnet:", exact=False).check()
    page.get_by_label("Vad barnet sa").fill("Jag vill inte vara med dem längre.")
    page.get_by_label("Vad vårdnadshavarna sa").fill("Vi vill ha hjälp.")  # no guardian came: refused
    page.get_by_label("Uppföljning (valfritt)").fill((today + timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Registrera punkten").click()
    expect(page.locator("[data-error-summary]")).to_contain_text("Ingen vårdnadshavare kom")
    assert_accessible(page)
    page.get_by_role("group", name="Kom till mötet").get_by_role("checkbox").nth(1).check()
    page.get_by_role("button", name="Registrera punkten").click()
    expect(page.get_by_text("Ärendets punkt från mötet är registrerad.")).to_be_visible()
    expect(page.get_by_text("Jag vill inte vara med dem längre.")).to_be_visible()
    assert_accessible(page)


def _meetings_seen_by_need_to_know(page: Page, server_url: str) -> None:
    sign_in(page, server_url, "soder", "Mitt arbete")  # another unit's worker: no meeting of Norr's at all
    page.goto(f"{server_url}/samverkan/moten/")
    expect(page.get_by_text(BOB)).to_have_count(0)
    sign_in(page, server_url, "chef", "Mitt arbete")  # the unit manager reads every case of the unit
    page.goto(f"{server_url}/samverkan/moten/")
    page.get_by_role("link", name=BOB).click()
    for words in ("Ses med äldre.", "Frånvaro i skolan.", "Hotad i området."):
        expect(page.get_by_text(words)).to_be_visible()
    assert_accessible(page)


def _field_contact(page: Page, part_of_day: str, area: str, place: str, company: str, band: str, n: str) -> None:
    page.get_by_label(part_of_day).check()
    page.get_by_label(area, exact=True).check()
    page.get_by_label(place, exact=True).check()
    page.get_by_label(company, exact=True).check()
    page.get_by_label(band).fill(n)
    page.get_by_label("Samtal", exact=True).check()
    page.get_by_role("button", name="Registrera kontakten").click()
    expect(page.get_by_text("Kontakten är registrerad.")).to_be_visible()


def _field_on_a_phone(page: Page, server_url: str) -> None:
    """Three anonymous contacts and a fourth that becomes a signal, all on the phone's screen."""
    desktop = page.viewport_size
    page.set_viewport_size(PHONE)
    sign_in(page, server_url, "falt", "Mitt arbete")
    page.get_by_role("button", name="Meny").click()  # on a phone the menu is folded away
    page.get_by_role("link", name="Fältarbete").click()
    expect(page.get_by_role("heading", name="Fältarbete", exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Registrera kontakten").click()
    expect(page.locator("[data-error-summary]")).to_contain_text("minst en åldersgrupp")
    assert_accessible(page)
    _field_contact(page, "Kväll", "Centrum", "Torg eller centrum", "En grupp unga", "15–17 år", "4")
    expect(page.get_by_text("Centrum, kväll")).to_be_visible()
    _field_contact(page, "Eftermiddag", "Norr", "Fritidsgård", "En ung person", "12–14 år", "1")
    _field_contact(page, "Natt", "Söder", "Skolgård", "En grupp unga", "18–21 år", "3")
    expect(page.get_by_text("Söder, natt")).to_be_visible()
    assert_accessible(page)

    # A reload on a poor connection keeps what was typed, in this tab only.
    page.get_by_label("Kväll").check()
    page.get_by_label("Norr", exact=True).check()
    page.goto(f"{server_url}/falt/")
    expect(page.get_by_label("Kväll")).to_be_checked()
    expect(page.get_by_label("Norr", exact=True)).to_be_checked()

    page.get_by_role("link", name="Ett barn vill ha hjälp").click()
    assert_accessible(page)
    given, family = FIELD_CHILD.split()
    page.get_by_label("Förnamn, om barnet sa det").fill(given)
    page.get_by_label("Efternamn, om barnet sa det").fill(family)
    page.get_by_label("Vad barnet vill ha hjälp med").fill("Vill komma bort från gänget.")
    page.get_by_label("Hur mottagningen når barnet").fill("Ringer själv i morgon.")
    page.get_by_label("Ungefärlig ålder").fill("15")
    page.get_by_role("button", name="Skicka till mottagningen").click()
    expect(page.get_by_text("Skickat till mottagningen.")).to_be_visible()
    assert_accessible(page)
    if desktop is not None:
        page.set_viewport_size(desktop)

    sign_in(page, server_url, "chef", "Mitt arbete")
    page.get_by_role("link", name="Fältarbetets siffror").click()
    expect(page.get_by_role("heading", name="Fältarbetets siffror")).to_be_visible()
    expect(page.get_by_text("färre än 5").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Fältarbetets områden").click()  # the manager keeps the unit's own areas
    page.get_by_role("button", name="Lägg till området").click()
    expect(page.locator("[data-error-summary]")).to_contain_text("Skriv områdets namn.")
    assert_accessible(page)
    page.get_by_label("Nytt område").fill("Stationsparken (e2e)")
    page.get_by_role("button", name="Lägg till området").click()
    expect(page.get_by_text("Området är tillagt")).to_be_visible()
    assert_accessible(page)


def _neutral_site(route: Route) -> None:
    route.fulfill(status=200, content_type="text/html", body="<!DOCTYPE html><title>Väder</title><p>Väder")


def _public_page(page: Page, server_url: str) -> None:
    """A young person asks for contact, told first what is missing, then leaves quickly."""
    page.context.clear_cookies()
    page.route(f"{EXIT}**", _neutral_site)  # no request leaves the machine: the neutral site is stood in for
    page.goto(f"{server_url}/kontakt/?sprak=ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(page)
    page.goto(f"{server_url}/kontakt/")
    assert not page.context.cookies(), "the page set a cookie before anything was sent"
    assert_accessible(page)
    started = time.monotonic()
    page.get_by_label("Jag är barn eller ung och skriver om mig själv").check()
    page.get_by_role("button", name="Skicka").click()
    summary = page.locator("[data-error-summary]")
    expect(summary.get_by_role("link")).to_have_count(2)  # the age and the message, at once
    assert_accessible(page)
    summary.get_by_role("link").first.click()
    page.get_by_label("Hur gammal är barnet eller den unga?").fill("15")
    page.get_by_label("Vad vill du berätta eller fråga?").fill("Jag vill sluta hänga med dem men vågar inte.")
    page.get_by_label("Bara sms").check()
    time.sleep(max(0.0, 3.5 - (time.monotonic() - started)))  # a person takes longer than a robot
    page.get_by_role("button", name="Skicka").click()
    expect(page.get_by_role("heading", name="Tack, vi har fått det du skrev")).to_be_visible()
    expect(page.get_by_text("Ring 112", exact=False).first).to_be_visible()
    assert not page.context.cookies()
    assert_accessible(page)

    page.get_by_role("link", name="Lämna sidan snabbt").click()
    page.wait_for_url(EXIT)
    page.go_back()  # the receipt was replaced: back leads to the form before it, which the page says may stay
    assert "Tack, vi har fått det du skrev" not in page.content(), "the back button brought the receipt back"


def _the_reviewer_asks_what_was_disclosed(page: Page, server_url: str, number: str) -> None:
    """The data protection officer: what has been disclosed about the first child, to whom, on which basis."""
    sign_in(page, server_url, "logg", "Åtkomstlogg")
    page.get_by_role("link", name="Utlämnanden om en person").click()
    page.get_by_role("button", name="Visa utlämnanden").click()  # no number: told so, with a link to the field
    expect(page.locator("[data-error-summary]").get_by_role("link")).to_have_count(1)
    assert_accessible(page)
    page.get_by_label("Personnummer eller samordningsnummer").fill(number)
    page.get_by_role("button", name="Visa utlämnanden").click()
    answer = page.get_by_role("table")
    expect(answer).to_contain_text("Polismyndigheten")
    expect(answer).to_contain_text("18 a §")
    expect(answer).not_to_contain_text("Att barnet har setts med äldre")  # what was said stays in the case
    expect(answer).to_contain_text("Vid samverkansmöte (Bob-råd)")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Hämta som registerutdrag (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")


def _intake_queue_has_both(page: Page, server_url: str) -> None:
    sign_in(page, server_url, "handlaggare", "Mitt arbete")
    page.goto(f"{server_url}/arbetsko/")
    expect(page.get_by_text("Namn okänt (kontakt via webben)").first).to_be_visible()
    expect(page.get_by_text(FIELD_CHILD).first).to_be_visible()
    assert_accessible(page)


def test_meetings_disclosures_the_field_and_the_public_page_in_one_journey(
    page: Page, server_url: str, server_db: Path
) -> None:
    case_ids = _three_children(server_db)
    cases = [f"{server_url}/arenden/{c}/" for c in case_ids]
    today = datetime.now(ZoneInfo("Europe/Stockholm")).date()
    held = (today - timedelta(days=1)).isoformat()

    sign_in(page, server_url, "handlaggare", "Mitt arbete")
    _bob_council(page, server_url, cases, held)
    number = _identity_number(page, server_url, _child_of(server_db, case_ids[0]))
    _custom_call_in(page, server_url, cases[2], held, today)
    _meetings_seen_by_need_to_know(page, server_url)
    _field_on_a_phone(page, server_url)
    _public_page(page, server_url)
    _intake_queue_has_both(page, server_url)
    _the_reviewer_asks_what_was_disclosed(page, server_url, number)
