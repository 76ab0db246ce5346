"""Issue 16's meetings in a real browser: a Bob-råd with three children on its agenda, each child's minutes
written into that child's case; one item disclosed to the police under OSL 10 kap. 18 a § with its
checklist, one refused because no consent covers it; a Custom under 18 call-in with the child and a
guardian, what each said, and the follow-up; a worker of another team sees the Bob-råd's cases only counted.
axe finds nothing on any page and each fits a 390 px phone. The field contacts and the public page have
journeys of their own (`test_outreach_journey.py`, `test_public_contact_journey.py`)."""

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.test_programme_journey import _sign_in

pytestmark = pytest.mark.browser
BOB = "Bob-råd, område Norr (e2e)"
CALL_IN = "Custom under 18, område Norr (e2e)"


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


def _meeting(page: Page, server_url: str, kind: str, title: str, day: str) -> None:
    page.goto(f"{server_url}/samverkan/moten/nytt/")
    page.get_by_label(kind, exact=True).check()
    page.get_by_label("Dag").fill(day)
    page.get_by_label("Rubrik").fill(title)
    page.get_by_label("Deltagare").fill("Polisen (lokalpolisområde Norr), skolan (rektor), socialtjänsten.")
    page.get_by_role("button", name="Registrera mötet").click()
    expect(page.get_by_text("Mötet är registrerat.")).to_be_visible()


def _item(page: Page, case_url: str, title: str, discussed: str) -> None:
    page.goto(f"{case_url}samverkan/moten/")
    page.get_by_role("link", name=title).click()
    page.get_by_label("Vad som togs upp om barnet").fill(discussed)
    page.get_by_label("Vad som beslutades eller erbjöds").fill("Kontakt med fältgruppen och skolan.")
    page.get_by_role("button", name="Registrera punkten").click()
    expect(page.get_by_text("Ärendets punkt från mötet är registrerad.")).to_be_visible()


def _disclosure(page: Page, case_url: str, basis: str, day: str) -> None:
    page.goto(f"{case_url}utlamnanden/ny/")
    page.get_by_label("Barnet:", exact=False).check()
    page.get_by_label("När uppgiften lämnades ut").fill(day)
    page.get_by_label("Polismyndigheten").check()
    page.get_by_label("Mottagarens namn och enhet").fill("Polisen, lokalpolisområde Norr")
    page.get_by_label("Muntligt, vid ett möte eller samtal").check()
    page.get_by_label("Vilka uppgifter som lämnades ut").fill("Att barnet har setts med äldre i nätverket.")
    page.get_by_label(basis).check()
    page.get_by_label("Sekretessprövningen").fill("Behövs för att förhindra att barnet begår brott.")


def test_a_bob_council_with_three_children_a_disclosure_a_refusal_and_a_custom_call_in(
    page: Page, server_url: str, server_db: Path
) -> None:
    first, second, third = (f"{server_url}/arenden/{c}/" for c in _three_children(server_db))
    today = datetime.now(ZoneInfo("Europe/Stockholm")).date()
    held = (today - timedelta(days=1)).isoformat()

    _sign_in(page, server_url, "handlaggare", "Mitt arbete")
    page.goto(f"{server_url}/samverkan/moten/nytt/")
    page.get_by_role("button", name="Registrera mötet").click()  # nothing filled: every problem at once
    # The kind, the title and the participants (the day starts as today).
    expect(page.locator("[data-error-summary] li")).to_have_count(3)
    assert_accessible(page)
    _meeting(page, server_url, "Bob-råd", BOB, held)
    assert_accessible(page)
    for case_url, words in ((first, "Ses med äldre."), (second, "Frånvaro i skolan."), (third, "Hotad i området.")):
        _item(page, case_url, BOB, words)
    assert_accessible(page)

    _disclosure(page, first, "OSL 10 kap. 18 a §", held)
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
    assert_accessible(page)

    _disclosure(page, second, "OSL 12 kap. 2 §", held)
    page.get_by_role("button", name="Registrera utlämnandet").click()  # on consent, and there is none
    expect(page.locator("[data-error-summary]")).to_contain_text("samtycke")
    assert_accessible(page)

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

    _sign_in(page, server_url, "soder", "Mitt arbete")  # another unit's worker: no meeting of Norr's at all
    page.goto(f"{server_url}/samverkan/moten/")
    expect(page.get_by_text(BOB)).to_have_count(0)
    _sign_in(page, server_url, "chef", "Mitt arbete")  # the unit manager reads every case of the unit
    page.goto(f"{server_url}/samverkan/moten/")
    page.get_by_role("link", name=BOB).click()
    for words in ("Ses med äldre.", "Frånvaro i skolan.", "Hotad i området."):
        expect(page.get_by_text(words)).to_be_visible()
    assert_accessible(page)
