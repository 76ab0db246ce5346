"""SoL (2025:400) counterparts of the provisions issue 3's clocks and decisions rest on.

Checked on 2026-11-23 against the statute text as converted from the official SFS print
(https://svenskforfattningssamling.se/sites/default/files/sfs/2025-05/SFS2025-400.pdf, read in the
public conversion se-lex/sfs-processor, updated to 2025-12-15) and LVU (1990:52) in the same source.
Findings that correct the domain brief:
- the protection assessment is 20 kap. 1 § (R0.2 put it in 20 kap. 2 §, which is only the
  förhandsbedömning);
- LVU 8 §'s four weeks run from the day the custody was carried out ("verkställdes"), 7 §'s one week
  from the day of the decision;
- feedback to a mandatory reporter within one week of the preliminary decision applies from
  2026-01-15 (SFS 2025:1501, 19 kap. 6 § andra stycket).
The pairing of old and new paragraphs is by content, not from the government's comparison table.
"""

from django.db import migrations

SFS_2025_400 = "https://svenskforfattningssamling.se/sites/default/files/sfs/2025-05/SFS2025-400.pdf"
# The consolidated text carries the amendment by SFS 2025:1501.
SFS_2025_1501 = "https://data.riksdagen.se/dokument/sfs-2025-400.html#K19P6"
LVU = "https://data.riksdagen.se/dokument/sfs-1990-52.html"
OLD_SOL = "https://data.riksdagen.se/dokument/sfs-2001-453.html"

NEW = [
    # key, law, provision, title, valid_from, valid_to, verified, source
    ("protection-assessment", "SoL (2025:400)", "20 kap. 1 §", "Omedelbar skyddsbedömning",
     "2025-07-01", None, True, SFS_2025_400),
    ("investigation-open", "SoL (2001:453)", "11 kap. 1 §", "Inleda utredning",
     "2002-01-01", "2025-06-30", False, OLD_SOL),
    ("investigation-open", "SoL (2025:400)", "14 kap. 2 §", "Inleda utredning",
     "2025-07-01", None, True, SFS_2025_400),
    ("investigation-time-limit", "SoL (2025:400)", "20 kap. 3 §",
     "Utredning inom fyra månader, förlängning för viss tid", "2025-07-01", None, True, SFS_2025_400),
    ("child-views", "SoL (2025:400)", "3 kap. 2 §", "Barnets rätt att framföra åsikter",
     "2025-07-01", None, True, SFS_2025_400),
    ("child-own-voice", "SoL (2025:400)", "3 kap. 4 §", "Barn som fyllt 15 år för sin egen talan",
     "2025-07-01", None, True, SFS_2025_400),
    ("report-of-concern", "SoL (2001:453)", "14 kap. 1 §", "Anmälan om oro för barn",
     "2002-01-01", "2025-06-30", False, OLD_SOL),
    ("report-of-concern", "SoL (2025:400)", "19 kap. 1 §", "Anmälan om oro för barn",
     "2025-07-01", None, True, SFS_2025_400),
    ("reporter-feedback", "SoL (2025:400)", "19 kap. 6 § andra stycket",
     "Återkoppling till anmälaren inom en vecka", "2026-01-15", None, True, SFS_2025_1501),
    ("placement-review", "SoL (2025:400)", "22 kap. 13 §", "Övervägande av placering var sjätte månad",
     "2025-07-01", None, True, SFS_2025_400),
]
LVU_VERIFIED = ("lvu-immediate-custody", "lvu-court-referral", "lvu-care-application", "lvu-review")


def forwards(apps, schema_editor):
    legal_basis = apps.get_model("core", "LegalBasis")
    for key, law, provision, title, valid_from, valid_to, verified, source in NEW:
        legal_basis.objects.update_or_create(
            key=key,
            valid_from=valid_from,
            defaults={"law": law, "provision": provision, "title": title, "valid_to": valid_to,
                      "verified": verified, "source": source},
        )
    legal_basis.objects.filter(key__in=LVU_VERIFIED).update(verified=True, source=LVU)
    legal_basis.objects.filter(key="lvu-care-application").update(
        title="Ansökan om vård inom fyra veckor från verkställigheten"
    )


def backwards(apps, schema_editor):
    legal_basis = apps.get_model("core", "LegalBasis")
    for key, _law, _provision, _title, valid_from, *_rest in NEW:
        legal_basis.objects.filter(key=key, valid_from=valid_from).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0003_initial_legal_bases")]
    operations = [migrations.RunPython(forwards, backwards)]
