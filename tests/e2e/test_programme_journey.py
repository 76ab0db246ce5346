"""The exit programme in a real browser, as issue 14 has it: a 16-year-old raised by the police, the joint
meeting, an assessment with the open instrument (the child's own part too), motivation low, an older contact
detained and the window's notice reaching the child's worker and no one else, motivation rising, defector
status assessed, a plan with school, family and treatment goals (one consented by the child alone), a
follow-up meeting and an outcome at 6 months. axe finds nothing and each page fits a phone."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from core.calendar import add_months
from core.identity import synthetic_identity_number
from tests.e2e.accessibility import assert_accessible
from tests.e2e.signing_in import sign_in
from tests.e2e.test_assessment_journey import _assess

pytestmark = pytest.mark.browser

# An older person in the child's network: a synthetic number, which no real person can have.
OLDER = synthetic_identity_number(date(1997, 6, 7), 901).display


def _open_case_outside_the_programme(server_db: Path, *, aged: int = 13) -> str:
    """An open case of handlaggare's team with no participation yet, the child `aged` or older (exactly
    that age when it is 16: the issue's journey), with a guardian with custody: other journeys share the server."""
    age = "p.birth_date <= date('now', '-13 years')"
    if aged == 16:
        age = "p.birth_date <= date('now', '-16 years') AND p.birth_date > date('now', '-17 years')"
    with sqlite3.connect(server_db) as db:
        value = db.execute(
            "SELECT c.public_id FROM cases_case c JOIN accounts_user u ON u.team_id = c.team_id "
            "JOIN people_person p ON p.id = c.child_id WHERE u.username = 'handlaggare' AND c.status = 'open' "
            f"AND p.protection_level = 'none' AND {age} "
            "AND EXISTS (SELECT 1 FROM people_relation r WHERE r.child_id = p.id AND r.kind = 'guardian_custody') "
            "AND NOT EXISTS (SELECT 1 FROM programme_participation pp WHERE pp.case_id = c.id) ORDER BY c.id LIMIT 1"
        ).fetchone()[0]
    return value if "-" in value else f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"


def _reference_of(server_db: Path, public_id: str) -> str:
    with sqlite3.connect(server_db) as db:
        row = db.execute(
            "SELECT reference FROM cases_case WHERE public_id IN (?, ?)", (public_id, public_id.replace("-", ""))
        ).fetchone()
    return str(row[0])


def test_a_16_year_old_raised_by_the_police_through_the_whole_programme(
    page: Page, server_url: str, server_db: Path
) -> None:
    """The issue's journey, as the unit manager, the defector specialist and the case worker."""
    public_id = _open_case_outside_the_programme(server_db, aged=16)
    case_url, reference = f"{server_url}/arenden/{public_id}/", _reference_of(server_db, public_id)
    sign_in(page, server_url, "chef", "Mitt arbete")  # the specialist sits in a team of their own
    page.goto(case_url)
    page.get_by_role("link", name="Personal från andra team").click()
    page.get_by_label("Vem").select_option(label="Adam Avhopparspecialist (Avhopparspecialist, Avhopparteamet)")
    page.get_by_label("Varför personen behöver arbeta i ärendet").fill("Avhopparspecialist i barnets deltagande.")
    page.get_by_role("button", name="Utse").click()
    expect(page.get_by_text("Personen kan nu arbeta i ärendet och har fått en notis.")).to_be_visible()

    sign_in(page, server_url, "handlaggare", "Mitt arbete")
    participation_url = _raised_and_met(page, case_url)
    _assessed_with_the_open_instrument(page, participation_url)
    _motivation(page, participation_url, "Vill inte lämna", "Jag har inga problem, det är lugnt.")

    sign_in(page, server_url, "avhopp", "Mitt arbete")
    page.goto(participation_url)
    _older_contact_detained(page)

    sign_in(page, server_url, "soder", "Mitt arbete")  # another team's worker learns nothing of it
    page.goto(f"{server_url}/arbetsko/")
    expect(page.get_by_text(reference)).to_have_count(0)

    sign_in(page, server_url, "handlaggare", "Mitt arbete")
    page.goto(f"{server_url}/arbetsko/")
    notice = page.locator("li").filter(has_text="Möjligt motivationsfönster").filter(has_text=reference)
    expect(notice).to_have_count(1)
    assert_accessible(page)
    page.goto(participation_url)
    expect(page.get_by_text("Möjligt motivationsfönster: Kalle Kopplad, frihetsberövad")).to_be_visible()
    page.get_by_role("link", name="Registrera vad som gjordes").click()
    page.get_by_label("Vad som gjordes").fill("Samtal med barnet samma dag.")
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Det som gjordes är registrerat.")).to_be_visible()
    _motivation(page, participation_url, "Vill lämna, förbereder sig", "Jag vill inte sluta som han.")
    _defector_status_assessed(page)
    _plan_with_school_family_and_treatment(page)
    _care_plan_for_an_lvu_application(page)
    _outcome_at_6_months(page, participation_url)


def _raised_and_met(page: Page, case_url: str) -> str:
    page.goto(case_url)
    page.get_by_role("link", name="Registrera i avhopparprogrammet").click()
    assert_accessible(page)
    page.get_by_role("button", name="Registrera").click()  # nothing filled in: every problem at once
    expect(page.locator(".u-error-summary li")).to_have_count(2)
    assert_accessible(page)
    page.get_by_label("Polisförhör").check()
    page.get_by_label("Vem som aktualiserade").fill("Polisen, områdespolis Norr")
    # Raised six months ago, so that the outcome at 6 months is due at the end of the journey.
    page.get_by_label("Första kontakten").fill(add_months(timezone.localdate(), -6).isoformat())
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Barnet är registrerat i avhopparprogrammet.")).to_be_visible()
    assert_accessible(page)
    participation_url = page.url
    page.get_by_role("link", name="Ny fas").click()
    assert_accessible(page)
    page.get_by_label("Gemensamt möte med polisen").check()
    page.get_by_role("button", name="Registrera fasen").click()
    expect(page.get_by_text("Fasen är registrerad.")).to_be_visible()
    return participation_url


def _assessed_with_the_open_instrument(page: Page, participation_url: str) -> None:
    page.goto(participation_url)
    page.get_by_role("link", name="Strukturerade bedömningar").click()
    assert_accessible(page)
    _assess(page, risk="3 · Finns tydligt", safety="1 · Dåligt", words="Jag är rädd när jag går hem.")
    expect(page.get_by_text("Barnet: Jag är rädd när jag går hem.")).to_be_visible()  # the child's own part
    assert_accessible(page)


def _motivation(page: Page, participation_url: str, stage: str, words: str) -> None:
    page.goto(participation_url)
    page.get_by_role("link", name="Registrera motivation").click()
    assert_accessible(page)
    page.get_by_label(stage).check()
    page.get_by_label("Vad barnet sa, med barnets egna ord").fill(words)
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Motivationen är registrerad.")).to_be_visible()
    expect(page.locator("svg.u-chart")).to_be_visible()
    assert_accessible(page)


def _older_contact_detained(page: Page) -> None:
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


def _defector_status_assessed(page: Page) -> None:
    page.get_by_role("link", name="Bedöm mot definitionen av avhoppare").click()
    assert_accessible(page)
    expect(page.get_by_text("En avhoppare är en individ som har valt att lämna")).to_be_visible()
    page.get_by_role("group", name="Har barnet valt att lämna organiserad brottslighet?").get_by_label("Ja").check()
    page.get_by_label("Skälen för den bedömningen").first.fill("Säger själv att han vill lämna, efter gripandet.")
    page.get_by_role("group", name="Bedöms barnet behöva samhällets stöd och skydd").get_by_label("Ja").check()
    page.get_by_label("Skälen för den bedömningen").last.fill("Hotad av äldre i nätverket.")
    page.get_by_role("button", name="Registrera bedömningen").click()
    expect(page.get_by_text("Uppfyller definitionen av avhoppare")).to_be_visible()
    page.get_by_role("link", name="Polisens kriterier").click()
    assert_accessible(page)
    page.get_by_role("group", name="Det finns en hotbild från en miljö med våldskapital").get_by_label(
        "Uppfyllt", exact=True
    ).check()
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Polisens kriterier är registrerade.")).to_be_visible()
    assert_accessible(page)


def _goal(page: Page, domain: str, child: str, worker: str, insats: str, what: str, who: str) -> None:
    page.get_by_role("link", name="Nytt mål").click()
    page.get_by_label("Område").select_option(label=domain)
    page.get_by_label("Målet med barnets egna ord").fill(child)
    page.get_by_label("Målet som socialtjänsten formulerar det").fill(worker)
    page.get_by_label(insats).check()
    page.get_by_label("Vad som görs").fill(what)
    page.get_by_label("Ansvarig person eller samverkanspart").fill(who)


def _plan_with_school_family_and_treatment(page: Page) -> None:
    page.get_by_role("link", name="Barnets plan").click()
    assert_accessible(page)
    _goal(
        page,
        "Skola",
        "Jag vill gå klart nian.",
        "Närvaro över 80 procent.",
        "Insats av en samverkanspart",
        "Studiestöd och daglig närvarokontroll",
        "Skolans kurator",
    )
    page.get_by_role("button", name="Lägg till målet").click()
    expect(page.get_by_text("Målet är lagt till planen.")).to_be_visible()

    _goal(
        page,
        "Familjestöd",
        "Mindre bråk hemma.",
        "Familjesamtal varannan vecka.",
        "Familjebehandling eller",
        "Familjesamtal",
        "Familjeteamet",
    )
    page.get_by_label("Insats i kommunens katalog").select_option(
        label="Familjebehandling (Avdelningen för insats, familjeteamet)"
    )
    for guardian in page.get_by_role("group", name="Vårdnadshavare som samtycker").get_by_role("checkbox").all():
        guardian.check()  # every guardian with custody
    page.get_by_label("Hur samtycket lämnades").fill("Muntligt vid mötet")
    page.get_by_role("button", name="Lägg till målet").click()
    expect(page.get_by_text("Målet är lagt till planen.")).to_be_visible()

    _goal(
        page,
        "Behandling",
        "Jag vill kunna sova utan att vara rädd.",
        "Minskad oro, mätt vid varje samtal.",
        "Öppenvård, till exempel öppenvårdsteamet kvällar och helger",
        "Samtal med öppenvårdsteamet två kvällar i veckan",
        "Öppenvårdsteamet",
    )
    page.get_by_label("Insats i kommunens katalog").select_option(
        label="Öppenvårdsteamet Kompassen (Avdelningen för insats, öppenvården)"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Lägg till målet").click()  # no consent: refused, with the law's words
    expect(page.get_by_text("Utan alla vårdnadshavares samtycke krävs att barnet").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Barnet samtycker").check()  # the child alone, 16: suitable all the same
    page.get_by_label("Hur samtycket lämnades").fill("Muntligt vid mötet")
    page.get_by_label("Om inte alla vårdnadshavare samtycker").fill("Barnet vill ha stödet nu; hemma är det hotfullt.")
    page.get_by_role("button", name="Lägg till målet").click()
    expect(page.get_by_text("Målet är lagt till planen.")).to_be_visible()
    expect(page.get_by_role("link", name="Öppenvårdsteamet Kompassen")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Uppföljningsmöte").click()
    assert_accessible(page)
    page.get_by_label("Barnets syn, med barnets egna ord").fill("Det är lite bättre. Jag sover mer.")
    for note in page.get_by_label("Hur det har gått", exact=False).all():
        note.fill("Två samtal av fyra, bra kontakt.")
    page.get_by_role("button", name="Registrera uppföljningen").click()
    expect(page.get_by_text("Uppföljningen är registrerad.")).to_be_visible()
    assert_accessible(page)


def _care_plan_for_an_lvu_application(page: Page) -> None:
    page.get_by_role("link", name="Vårdplan").click()
    page.get_by_role("link", name="Upprätta vårdplan").click()
    page.get_by_label("Ansökan om vård enligt LVU").check()
    page.get_by_label("Hem för vård eller boende (HVB)").check()
    page.get_by_label("Målet med vården").fill("Att barnet kan bo tryggt och gå klart nian.")
    page.get_by_role("button", name="Spara vårdplanen").click()
    summary = page.locator("[data-error-summary]")
    expect(summary.get_by_role("link", name="Skriv hur umgänget ska ordnas", exact=False)).to_be_visible()
    assert_accessible(page)
    page.get_by_label("De särskilda insatser som behövs").fill("Behandling på HVB och skolgång i hemmets skola.")
    page.get_by_label("Hur umgänget med föräldrar", exact=False).fill("Med mamma varannan helg, under uppsikt.")
    page.get_by_label("Barnets syn på den planerade vården").fill("Jag vill inte flytta, men jag fattar varför.")
    page.get_by_label("Vårdnadshavarnas syn på den planerade vården").fill("Mamma instämmer.")
    page.get_by_role("button", name="Spara vårdplanen").click()
    expect(page.get_by_text("Vårdplanen är sparad.")).to_be_visible()
    expect(page.get_by_text("Med mamma varannan helg, under uppsikt.")).to_be_visible()
    assert_accessible(page)


def _outcome_at_6_months(page: Page, participation_url: str) -> None:
    page.goto(participation_url)
    page.get_by_role("link", name="Alla utfall och registreringar").click()
    page.get_by_role("link", name="Registrera 6 månader efter start").click()
    assert_accessible(page)
    page.get_by_label("Barnet självt").check()
    page.get_by_label("Barnets egna ord om trygghet och mående").fill("Det är lugnare. Jag går till skolan nu.")
    page.get_by_label("Nya misstankar om brott").fill("0")
    page.get_by_role("group", name="Hur trygg barnet själv säger sig vara").get_by_label("4", exact=True).check()
    page.get_by_role("button", name="Registrera utfallet").click()
    expect(page.get_by_text("Utfallet är registrerat.")).to_be_visible()
    assert_accessible(page)


def test_the_unit_manager_names_the_defector_specialist_to_a_case_of_another_team(page: Page, server_url: str) -> None:
    sign_in(page, server_url, "chef", "Mitt arbete")
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

    sign_in(page, server_url, "avhopp", "Mitt arbete")
    page.goto(case_url)
    expect(page.get_by_role("heading", name="Avhopparprogrammet")).to_be_visible()
    assert_accessible(page)
