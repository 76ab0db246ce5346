"""The first legal bases, with validity periods (shared/docs/requirements-sweden.md R0–R1).

Only what the domain brief could source is here. `verified` is True only where the provision was
checked against the statute text (R0.2); the rest must be checked by the committee's lawyer before
decisions rely on them. SoL (2025:400) counterparts other than 20 kap. 2 § are not known yet and are
deliberately absent rather than guessed.
"""

from django.db import migrations

RIKSDAGEN_SOL_2025 = "https://data.riksdagen.se/dokument/sfs-2025-400.html#K20P2"
LVU_SOURCE = "https://lawline.se/answers/nar-ska-beslut-om-omedelbart-lvu-omhandertagande-understallas-forvaltningsratten"
BASES = [
    # key, law, provision, title, valid_from, valid_to, verified, source
    ("protection-assessment", "SoL (2001:453)", "11 kap. 1 a § första stycket",
     "Omedelbar skyddsbedömning", "2013-01-01", "2025-06-30", False,
     "http://www.hedersfortryck.se/yrkesverksamma/socialtjansten/anmalan-och-ansokan-till-socialtjansten/forhandsbedomning-och-skyddsbedomning/"),
    ("preliminary-assessment", "SoL (2001:453)", "11 kap. 1 a § andra stycket",
     "Förhandsbedömning inom 14 dagar", "2013-01-01", "2025-06-30", True, RIKSDAGEN_SOL_2025),
    ("preliminary-assessment", "SoL (2025:400)", "20 kap. 2 §",
     "Förhandsbedömning inom 14 dagar", "2025-07-01", None, True, RIKSDAGEN_SOL_2025),
    ("investigation-time-limit", "SoL (2001:453)", "11 kap. 2 §",
     "Utredning inom fyra månader", "2002-01-01", "2025-06-30", False, "https://lagen.nu/avg/jo/2565-2016"),
    ("lvu-care-young-person", "LVU (1990:52)", "2 §", "Vård på grund av brister i hemmiljön",
     "1990-07-01", None, False, LVU_SOURCE),
    ("lvu-care-own-behaviour", "LVU (1990:52)", "3 §", "Vård på grund av eget beteende",
     "1990-07-01", None, False, LVU_SOURCE),
    ("lvu-immediate-custody", "LVU (1990:52)", "6 §", "Omedelbart omhändertagande",
     "1990-07-01", None, False, LVU_SOURCE),
    ("lvu-court-referral", "LVU (1990:52)", "7 §", "Underställning till förvaltningsrätten inom en vecka",
     "1990-07-01", None, False, LVU_SOURCE),
    ("lvu-care-application", "LVU (1990:52)", "8 §", "Ansökan om vård inom fyra veckor",
     "1990-07-01", None, False, LVU_SOURCE),
    ("lvu-review", "LVU (1990:52)", "13 §", "Övervägande och omprövning var sjätte månad",
     "1990-07-01", None, False, "https://elisonwahlin.se/hur-lange-kan-lvu-vard-paga/"),
]


def create(apps, schema_editor):
    legal_basis = apps.get_model("core", "LegalBasis")
    for key, law, provision, title, valid_from, valid_to, verified, source in BASES:
        legal_basis.objects.get_or_create(
            key=key,
            valid_from=valid_from,
            defaults={"law": law, "provision": provision, "title": title, "valid_to": valid_to,
                      "verified": verified, "source": source},
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0002_legal_basis")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
