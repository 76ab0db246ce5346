"""Relocation in a real browser, as issue 15 has it: the unit manager names the case worker and the
defector specialist for a child's destination; the worker records the child's connection and a conflict
with the rival side, enters the destination, the move and its handover (refused first without a legal
basis); a second child connected to the rival side gets a destination in the same municipality, and the
warning appears for the named staff of both children, naming no one, while the unit manager, who is not
named, finds no page at all. axe finds nothing and each page fits a 390 px phone."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from core.identity import synthetic_identity_number
from tests.e2e.accessibility import assert_accessible
from tests.e2e.signing_in import sign_in
from tests.e2e.test_programme_journey import _raised_and_met

pytestmark = pytest.mark.browser

ANTON = synthetic_identity_number(date(1996, 3, 3), 911).display
BERT = synthetic_identity_number(date(1995, 4, 4), 922).display
PLACE, STREET = "Ankarsrum-E2E", "Skyddsvägen 7"
WARNED = "Ett barn med koppling till andra sidan i en konflikt finns i samma kommun."


def _two_open_cases(server_db: Path) -> list[str]:
    """Two open cases of handlaggare's team outside the programme, without protected identity."""
    with sqlite3.connect(server_db) as db:
        rows = db.execute(
            "SELECT c.public_id FROM cases_case c JOIN accounts_user u ON u.team_id = c.team_id "
            "JOIN people_person p ON p.id = c.child_id WHERE u.username = 'handlaggare' AND c.status = 'open' "
            "AND p.protection_level = 'none' AND p.birth_date <= date('now', '-13 years') "
            "AND NOT EXISTS (SELECT 1 FROM programme_participation pp WHERE pp.case_id = c.id) "
            # Not a case another journey named the specialist to already (the unit manager's first case).
            "AND NOT EXISTS (SELECT 1 FROM access_casemember m WHERE m.case_id = c.id) "
            "ORDER BY c.id DESC LIMIT 2"
        ).fetchall()
    ids = [str(row[0]) for row in rows]
    return [v if "-" in v else f"{v[:8]}-{v[8:12]}-{v[12:16]}-{v[16:20]}-{v[20:]}" for v in ids]


def _name_for_destination(page: Page, case_url: str, who: str) -> None:
    page.goto(case_url)
    page.get_by_role("link", name="Namngivna för skyddad vistelseort").click()
    page.get_by_label("Vem").select_option(label=who)
    page.get_by_label("Varför personen måste veta var barnet är skyddat").fill("Handlägger omflyttningen.")
    page.get_by_role("button", name="Namnge").click()
    named = "Personen är namngiven för barnets skyddade vistelseort och har fått en notis."
    expect(page.get_by_text(named)).to_be_visible()
    assert_accessible(page)


def _connected(page: Page, case_url: str, number: str, given: str) -> None:
    participation_url = _raised_and_met(page, case_url)
    page.goto(participation_url)
    page.get_by_role("link", name="Ny koppling").click()
    page.get_by_label("Personens person- eller samordningsnummer").fill(number)
    page.get_by_label("Förnamn, som källan angav").fill(given)
    page.get_by_label("Efternamn, som källan angav").fill("Rival")
    page.get_by_label("Polisens uppgift").check()
    page.get_by_label("Om källan", exact=True).fill("Polisens lägesbild")
    page.get_by_role("button", name="Registrera kopplingen").click()
    expect(page.get_by_text("Kopplingen är registrerad.")).to_be_visible()


def _destination(page: Page, case_url: str, municipality: str) -> None:
    page.goto(f"{case_url}skydd/vistelseort/")
    expect(page.get_by_text("Skyddade uppgifter – visa inte för obehöriga")).to_be_visible()
    page.get_by_role("link", name="Ny vistelseort").click()
    assert_accessible(page)
    page.get_by_label("Kommun").fill(municipality)
    page.get_by_label("Adress").fill(STREET)
    page.get_by_label("Från och med").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Registrera vistelseorten").click()
    expect(page.get_by_text("Vistelseorten är registrerad.")).to_be_visible()


def test_relocation_with_handover_and_the_warning_for_named_staff_only(
    page: Page, server_url: str, server_db: Path
) -> None:
    first, second = _two_open_cases(server_db)
    elias, saga = f"{server_url}/arenden/{first}/", f"{server_url}/arenden/{second}/"

    sign_in(page, server_url, "chef", "Mitt arbete")
    page.goto(elias)
    page.get_by_role("link", name="Personal från andra team").click()
    page.get_by_label("Vem").select_option(label="Adam Avhopparspecialist (Avhopparspecialist, Avhopparteamet)")
    page.get_by_label("Varför personen behöver arbeta i ärendet").fill("Avhopparspecialist i barnets deltagande.")
    page.get_by_role("button", name="Utse").click()
    _name_for_destination(page, elias, "Hanna Handläggare (Handläggare, Utredning Norr)")
    _name_for_destination(page, elias, "Adam Avhopparspecialist (Avhopparspecialist, Avhopparteamet)")
    _name_for_destination(page, saga, "Hanna Handläggare (Handläggare, Utredning Norr)")

    sign_in(page, server_url, "handlaggare", "Mitt arbete")
    _connected(page, elias, ANTON, "Anton")
    _connected(page, saga, BERT, "Bert")
    page.goto(f"{elias}skydd/konflikter/")
    assert_accessible(page)
    page.get_by_label("Barnets koppling", exact=True).select_option(label="Anton Rival")
    page.get_by_label("eller den andra personens person- eller samordningsnummer").fill(BERT)
    page.get_by_label("Förnamn, som källan angav").fill("Bert")
    page.get_by_label("Efternamn, som källan angav").fill("Rival")
    page.get_by_label("Källa", exact=True).fill("Polisens lägesbild vid samverkansmötet")
    page.get_by_role("button", name="Registrera konflikten").click()
    expect(page.get_by_text("Konflikten är registrerad.")).to_be_visible()
    assert_accessible(page)

    _destination(page, elias, PLACE)
    expect(page.get_by_text(STREET)).to_be_visible()
    expect(page.get_by_text(WARNED)).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("link", name="Registrera omflyttning").click()
    assert_accessible(page)
    page.get_by_role("button", name="Registrera omflyttningen").click()
    expect(page.get_by_text("Omflyttningen är registrerad.")).to_be_visible()
    page.get_by_role("link", name="Registrera överlämning").click()
    page.get_by_label("Vad som lämnades över").fill("Utredningen och hotbilden.")
    page.get_by_label("Till vem").fill("Mottagande kommuns socialtjänst")
    page.get_by_role("button", name="Registrera överlämningen").click()  # no legal basis, no consent
    expect(page.locator(".u-error-summary")).to_contain_text("lagrum eller samtycke")
    assert_accessible(page)
    page.get_by_label("Nödvändigt för nämndens verksamhet (OSL 10 kap. 2 §)").check()
    page.get_by_role("button", name="Registrera överlämningen").click()
    expect(page.get_by_text("Överlämningen är registrerad.")).to_be_visible()
    expect(page.get_by_text("Mottagande kommuns socialtjänst")).to_be_visible()

    _destination(page, saga, f"{PLACE.lower()} kommun")  # the rival's child, in the same municipality
    expect(page.get_by_text(WARNED)).to_be_visible()
    assert_accessible(page)
    page.goto(f"{elias}skydd/vistelseort/")
    expect(page.get_by_text(WARNED)).to_be_visible()
    page.get_by_role("link", name="Registrera vad som gjordes").click()
    assert_accessible(page)
    page.get_by_label("Vad som gjordes").fill("Samråd med polisen: annan ort för det andra barnet.")
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Det som gjordes med varningen är registrerat.")).to_be_visible()

    sign_in(page, server_url, "avhopp", "Mitt arbete")  # the named specialist sees it
    page.goto(f"{elias}skydd/vistelseort/")
    expect(page.get_by_text(WARNED)).to_be_visible()
    expect(page.get_by_text(PLACE, exact=True).first).to_be_visible()

    sign_in(page, server_url, "chef", "Mitt arbete")  # the unit manager is not named: no such page
    response = page.goto(f"{elias}skydd/vistelseort/")
    assert response is not None and response.status == 404
    assert PLACE not in page.content() and WARNED not in page.content()
    page.goto(elias)
    assert PLACE not in page.content()
