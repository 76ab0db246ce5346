"""The catalogue in Chromium: the unit manager adds a support (the law's refusal first), a treatment worker
counts what was given without a needs assessment and corrects it, and the manager reads the läges- och
behovsanalys. axe finds nothing on any page, and each fits a 390 px phone."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.signing_in import sign_in

pytestmark = pytest.mark.browser


def test_the_manager_keeps_the_catalogue_and_reads_the_needs_analysis(page: Page, server_url: str) -> None:
    sign_in(page, server_url, "chef", "Mitt arbete")
    page.get_by_role("link", name="Insatskatalog").click()
    expect(page.get_by_role("heading", name="Insatskatalog")).to_be_visible()
    expect(page.get_by_role("link", name="Öppenvårdsteamet Kompassen")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Lägg till en insats").click()
    page.get_by_label("Kortnamn").fill("mentor")
    page.get_by_label("Namn", exact=True).fill("Mentor i skolan")
    page.get_by_label("Slag av insats").select_option(
        label="Kontaktperson, kontaktfamilj eller kvalificerad kontaktperson"
    )
    page.get_by_label("Beskrivning").fill("En vuxen i skolan som barnet träffar varje vecka.")
    page.get_by_label("Utförare").fill("Kontaktpersonsenheten")
    page.get_by_label("Vem insatsen är till för").fill("Barn 12–17 år")
    page.get_by_label("Ges utan individuell behovsprövning").check()
    page.get_by_role("button", name="Spara").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_contain_text("11 kap. 5 §")
    expect(summary).to_contain_text("nämndens beslut")
    assert_accessible(page)

    page.get_by_label("Ges utan individuell behovsprövning").uncheck()
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("heading", name="Mentor i skolan")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Läges- och behovsanalys").click()
    expect(page.get_by_role("table", name="Insatser i katalogen")).to_be_visible()
    expect(page.get_by_role("table", name="Pågående mål per område")).to_be_visible()
    assert_accessible(page)


def test_treatment_staff_count_a_support_without_assessment_and_correct_it(page: Page, server_url: str) -> None:
    sign_in(page, server_url, "behandlare", "Mitt arbete")
    page.get_by_role("link", name="Insatskatalog").click()
    page.get_by_role("link", name="Samtalsstöd utan ansökan").click()
    expect(page.get_by_role("table", name="Antal per månad")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Registrera antal").click()
    page.get_by_role("button", name="Spara").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Okänd ålder").check()
    page.get_by_label("Antal").fill("3")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_text("Antalet är registrerat.")).to_be_visible()

    page.get_by_role("link", name="Rätta").filter(has_text="Okänd ålder").first.click()
    assert_accessible(page)
    page.get_by_label("Rätt antal").fill("2")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_text("Antalet är rättat.")).to_be_visible()
