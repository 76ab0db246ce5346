"""A starting needs-and-risk analysis per role, matching what access.selectors grants.

The committee must review and adopt its own; `approved_by` says this is the shipped template until then.
"""

from django.db import migrations

TEMPLATE = "Mall från Utväg – ska fastställas av nämnden"
SAFEGUARDS = (
    "Varje läsning loggas i en logg som inte kan ändras; loggen granskas månadsvis och vid misstanke. "
    "Tvåfaktorsinloggning, tidsgräns för inaktiv session."
)
ANALYSES = {
    "caseworker": (
        "Utreder och fattar beslut i sitt teams ärenden: behöver barnets och nätverkets uppgifter i dessa ärenden.",
        "Nyfikenhet på andras ärenden; röjande av skyddade uppgifter.",
        "Det egna teamets ärenden och personerna i dem. Skyddade personer endast om namngiven. "
        "Nödåtkomst med skriftligt skäl, tidsbegränsad, granskas.",
    ),
    "treatment": (
        "Genomför insatser i sitt teams ärenden.",
        "Åtkomst till mer än insatsen kräver.",
        "Det egna teamets ärenden. Skyddade personer endast om namngiven.",
    ),
    "outreach": (
        "Möter barn i fält och behöver veta vilka barn teamet arbetar med.",
        "Mobil användning: förlorad eller avläst telefon.",
        "Det egna teamets ärenden. Skyddade personer endast om namngiven.",
    ),
    "defector_specialist": (
        "Arbetar med hot och skydd tillsammans med polisen i avhopparteamets ärenden.",
        "Uppgifter om var ett hotat barn bor kan leda till våld.",
        "Avhopparteamets ärenden. Skyddade personer endast om namngiven.",
    ),
    "unit_manager": (
        "Fördelar ärenden, följer tidsfrister, granskar nödåtkomst och loggar.",
        "Bred åtkomst inom enheten.",
        "Enhetens ärenden; åtkomstloggen; nödåtkomster att granska. Skyddade personer endast om namngiven.",
    ),
    "log_reviewer": (
        "Granskar vem som läst vad (dataskydd).",
        "Loggen visar vilka barn som har ärenden.",
        "Åtkomstloggen och granskning av nödåtkomst. Inget ärendeinnehåll.",
    ),
    "sysadmin": (
        "Hanterar konton, roller och team.",
        "Administratören kan ge sig själv behörighet.",
        "Konton och organisation. Inget ärendeinnehåll.",
    ),
}


def create(apps, schema_editor):
    analysis = apps.get_model("accounts", "NeedsRiskAnalysis")
    for role, (needs, risks, granted) in ANALYSES.items():
        analysis.objects.get_or_create(
            role=role,
            defaults={
                "needs": needs,
                "risks": risks,
                "access_granted": granted,
                "safeguards": SAFEGUARDS,
                "approved_by": TEMPLATE,
                "approved_on": "2026-11-23",
                "review_due_on": "2027-11-23",
            },
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
