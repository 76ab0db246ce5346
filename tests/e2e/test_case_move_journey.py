"""A case moved to another municipality, and what a school sends in, in a real browser: the worker asks
Kvarnby to take the case over (told first what is missing), records Kvarnby's refusal, the application to
IVO and IVO's decision, and is sent on to hand the case over; a school's absence report is recorded on the
case (its unauthorised part larger than the whole refused first) and corrected. axe finds nothing on any
page and each fits a 390 px phone."""

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.signing_in import sign_in

pytestmark = pytest.mark.browser


def _untouched_case(server_db: Path) -> str:
    """An open case of handlaggare's team that no other journey uses: no meeting, no incoming, no request."""
    with sqlite3.connect(server_db) as db:
        row = db.execute(
            "SELECT c.public_id FROM cases_case c JOIN accounts_user u ON u.team_id = c.team_id "
            "JOIN people_person p ON p.id = c.child_id WHERE u.username = 'handlaggare' AND c.status = 'open' "
            "AND p.protection_level = 'none' "
            "AND NOT EXISTS (SELECT 1 FROM collaboration_meetingitem m WHERE m.case_id = c.id) "
            "AND NOT EXISTS (SELECT 1 FROM collaboration_incominginformation i WHERE i.case_id = c.id) "
            "AND NOT EXISTS (SELECT 1 FROM collaboration_disclosure d WHERE d.case_id = c.id) "
            "AND NOT EXISTS (SELECT 1 FROM protection_destination x WHERE x.case_id = c.id) "
            "ORDER BY c.id DESC LIMIT 1"
        ).fetchone()
    value = str(row[0])
    return value if "-" in value else f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"


def test_a_case_is_asked_for_refused_and_moved_by_ivo_and_a_schools_report_corrected(
    page: Page, server_url: str, server_db: Path
) -> None:
    case_url = f"{server_url}/arenden/{_untouched_case(server_db)}/"
    today = datetime.now(ZoneInfo("Europe/Stockholm")).date()
    sign_in(page, server_url)

    page.goto(f"{case_url}utlamnanden/")
    page.get_by_role("link", name="Överflyttning av ärendet").click()
    assert_accessible(page)
    page.get_by_role("link", name="Begär att en annan kommun tar över ärendet").click()
    page.get_by_role("button", name="Registrera begäran").click()  # nothing filled: every problem at once
    expect(page.locator("[data-error-summary]")).to_contain_text("anknytning")
    assert_accessible(page)
    page.get_by_label("Kommunen som ombeds ta över ärendet, och dess enhet").fill("Kvarnby kommun, mottagningen")
    page.get_by_label("När begäran skickades").fill((today - timedelta(days=6)).isoformat())
    page.get_by_label("Barnets anknytning till kommunen").fill("Mamman, som har vårdnaden, bor i Kvarnby.")
    page.get_by_label("Barnets och vårdnadshavarnas önskemål").fill("Barnet vill bo hos mamman.")
    page.get_by_label("Hur länge behovet av hjälp väntas vara").fill("Minst ett år.")
    page.get_by_label("Vilka uppgifter om barnet begäran innehåller").fill("Utredningen och insatserna.")
    page.get_by_label("SoL 29 kap. 12 §", exact=False).check()
    for condition in (
        page.get_by_role("group", name="Villkor i SoL 29 kap. 12 §", exact=False).get_by_role("checkbox").all()
    ):
        condition.check()
    page.get_by_label("Sekretessprövningen").fill("Behövs för att Kvarnby ska kunna ta ställning.")
    page.get_by_role("button", name="Registrera begäran").click()
    expect(page.get_by_text("Begäran är registrerad")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=(today - timedelta(days=6)).isoformat()).click()
    expect(page.get_by_text("Väntar på svar.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("När den andra kommunens svar kom").fill((today - timedelta(days=4)).isoformat())
    page.get_by_label("Nej").check()
    page.get_by_role("button", name="Registrera svaret").click()
    expect(page.get_by_text("Svaret är registrerat.")).to_be_visible()
    page.get_by_label("När ansökan skickades till IVO").fill(
        (today - timedelta(days=5)).isoformat()
    )  # before the answer
    page.get_by_role("button", name="Registrera ansökan").click()
    expect(page.locator("[data-error-summary]")).to_contain_text("före svaret")
    assert_accessible(page)
    page.get_by_label("När ansökan skickades till IVO").fill((today - timedelta(days=2)).isoformat())
    page.get_by_role("button", name="Registrera ansökan").click()
    expect(page.get_by_text("Hos IVO, som ska besluta inom tre månader")).to_be_visible()
    page.get_by_label("När IVO beslutade").fill(today.isoformat())
    page.get_by_label("Ja").check()
    page.get_by_role("button", name="Registrera beslutet").click()
    expect(page.get_by_text("IVO har beslutat att ärendet ska flyttas över")).to_be_visible()
    expect(page.get_by_role("link", name="Lämna över ärendet")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{case_url}inkommande/ny/")
    page.get_by_label("Skola").check()
    page.get_by_label("Avsändarens namn och enhet").fill("Kvarnskolan, rektor")
    # A minute ago, not a time of day: at night a morning hour of today is still to come, and refused.
    a_minute_ago = datetime.now(ZoneInfo("Europe/Stockholm")) - timedelta(minutes=1)
    page.get_by_label("När uppgifterna kom in").fill(f"{a_minute_ago:%Y-%m-%d %H:%M}")
    page.get_by_label("Skriftligt").check()
    page.get_by_label("Frånvarorapporten gäller från").fill((today - timedelta(days=28)).isoformat())
    page.get_by_label("Frånvarorapporten gäller till och med").fill(today.isoformat())
    page.get_by_label("Lektioner").check()
    page.get_by_label("Frånvaro under perioden").fill("12")
    page.get_by_label("Varav ogiltig frånvaro").fill("14")
    page.get_by_role("button", name="Registrera uppgifterna").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Varav ogiltig frånvaro").fill("4")
    page.get_by_role("button", name="Registrera uppgifterna").click()
    expect(page.get_by_text("12 lektioner").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Rätta").first.click()
    page.get_by_label("Frånvaro under perioden").fill("16")
    page.get_by_label("Varav ogiltig frånvaro").fill("6")
    page.get_by_label("Varför uppgiften rättas").fill("Skolan skickade fel siffror.")
    page.get_by_role("button", name="Registrera rättelsen").click()
    expect(page.get_by_text("Rättad", exact=True)).to_be_visible()
    expect(page.get_by_text("16 lektioner").first).to_be_visible()
    assert_accessible(page)
