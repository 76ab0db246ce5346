"""A case worker signs in with 2FA, searches, opens a case and is refused another team's case.

axe-core (npm 4.14, vendored) must report no serious or critical violation on any page visited.
"""

import base64
import hashlib
import hmac
import sqlite3
import struct
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from demo.seeding import DEMO_PASSWORD, DEMO_TOTP_SECRET
from tests.e2e.accessibility import assert_accessible

pytestmark = pytest.mark.browser


def totp(secret: str, at: float | None = None) -> str:
    """RFC 6238, written out so the test does not trust the code it is testing."""
    counter = int((at or time.time()) // 30)
    digest = hmac.new(base64.b32decode(secret, casefold=True), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def _other_team_case(server_db: Path) -> str:
    with sqlite3.connect(server_db) as db:
        row = db.execute(
            "SELECT c.public_id FROM cases_case c JOIN accounts_team t ON t.id = c.team_id "
            "WHERE t.name = 'Utredning Söder' ORDER BY c.id LIMIT 1"
        ).fetchone()
    value = row[0]
    return value if "-" in value else f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"


def test_caseworker_journey(page: Page, server_url: str, server_db: Path) -> None:
    page.goto(f"{server_url}/accounts/login/")
    assert_accessible(page)
    page.get_by_label("Användarnamn").fill("handlaggare2fa")
    page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Logga in", exact=True).click()

    code_field = page.get_by_label("Kod")
    expect(code_field).to_be_visible()
    assert_accessible(page)
    code_field.fill(totp(DEMO_TOTP_SECRET))
    page.get_by_role("button", name="Logga in", exact=True).click()

    expect(page.get_by_role("heading", name="Mitt arbete")).to_be_visible()
    assert_accessible(page)
    first_case = page.get_by_role("table").get_by_role("link").first
    first_case.click()
    expect(page.get_by_role("heading", name="Ärende")).to_be_visible()
    assert_accessible(page)
    child_name = page.locator("dl.u-facts dd a").first.inner_text()

    page.get_by_role("link", name="Sök person").click()
    page.get_by_label("Namn eller personnummer").fill(child_name.split()[0][:4])
    page.get_by_role("button", name="Sök").click()
    expect(page.get_by_role("heading", name="träff", exact=False)).to_be_visible()
    assert_accessible(page)

    response = page.goto(f"{server_url}/arenden/{_other_team_case(server_db)}/")
    assert response is not None and response.status == 404
    expect(page.get_by_text(child_name)).to_have_count(0)
    assert_accessible(page)
