"""A threat picture in a real browser: a case worker records one made with the police, covering the child,
a guardian and a sibling, after a first try without levels or review date, and sees it on the case's
protection page. axe finds nothing and each page fits a phone."""

import re
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.signing_in import sign_in

pytestmark = pytest.mark.browser


def _case_with_guardian_and_sibling(server_db: Path) -> str:
    """An open case of handlaggare's team whose child has a guardian and a sibling and no threat picture."""
    with sqlite3.connect(server_db) as db:
        value = db.execute(
            "SELECT c.public_id FROM cases_case c JOIN accounts_user u ON u.team_id = c.team_id "
            "JOIN people_person p ON p.id = c.child_id WHERE u.username = 'handlaggare' AND c.status = 'open' "
            "AND p.protection_level = 'none' "
            "AND EXISTS (SELECT 1 FROM people_relation r WHERE r.child_id = p.id AND r.kind = 'guardian_custody') "
            "AND EXISTS (SELECT 1 FROM people_relation r WHERE r.child_id = p.id AND r.kind = 'sibling') "
            "AND NOT EXISTS (SELECT 1 FROM protection_threatassessment t WHERE t.case_id = c.id) "
            "ORDER BY c.id DESC LIMIT 1"
        ).fetchone()[0]
    return value if "-" in value else f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"


def _level(page: Page, who: str, level: str) -> None:
    page.get_by_role("group", name=re.compile(who)).first.get_by_label(level, exact=True).check()


def test_a_case_worker_records_a_threat_picture_with_the_police(page: Page, server_url: str, server_db: Path) -> None:
    sign_in(page, server_url)
    page.goto(f"{server_url}/arenden/{_case_with_guardian_and_sibling(server_db)}/")
    expect(page.get_by_text("Ingen hotbild är registrerad.")).to_be_visible()
    page.get_by_role("link", name="Sidan för hot och skydd").click()
    expect(page.get_by_role("heading", name="Hot och skydd", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Registrera hotbild").click()
    assert_accessible(page)
    page.get_by_role("group", name="Källa").get_by_label("Polisens hotbedömning").check()
    page.get_by_label("Om källan").fill("Polisens hotbedömning vid samverkansmötet.")
    page.get_by_label("Hotet kommer från (allmänt hållet)").fill("Ett kriminellt nätverk i barnets område.")
    page.get_by_role("button", name="Registrera hotbilden").click()  # no level, no review date
    expect(page.locator(".u-error-summary li")).to_have_count(2)
    expect(page.get_by_text("Ange när hotbilden ska ses över.").first).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Ses över senast").fill(
        (datetime.now(ZoneInfo("Europe/Stockholm")).date() + timedelta(days=60)).isoformat()
    )
    _level(page, r"^Barnet, .*: nivå$", "Hög")
    _level(page, r"\(vårdnadshavare\): nivå$", "Förhöjd")
    _level(page, r"\(syskon\): nivå$", "Låg")
    page.get_by_label(re.compile(r"\(syskon\): om hotet$")).first.fill("Har följts efter skolan.")
    page.get_by_role("button", name="Registrera hotbilden").click()
    expect(page.get_by_text("Hotbilden är registrerad.")).to_be_visible()

    table = page.get_by_role("table", name="Hotade personer")
    expect(table.get_by_role("cell", name="Hög", exact=True)).to_be_visible()
    expect(table.get_by_role("cell", name=re.compile("^Vårdnadshavare: "))).to_be_visible()
    expect(table.get_by_role("cell", name=re.compile("^Syskon: "))).to_be_visible()
    expect(table.get_by_role("cell", name="Har följts efter skolan.")).to_be_visible()
    expect(page.get_by_text("Ett kriminellt nätverk i barnets område.")).to_be_visible()
    assert_accessible(page)
