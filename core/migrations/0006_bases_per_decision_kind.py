"""Each kind of decision gets its own legal bases, and each basis says how it can be appealed.

From the first outside audit (issue 11, point 2), checked on 2026-12-01 against the statute text of
SoL (2025:400) (se-lex conversion of SFS 2025:400 as published 2025-12-15), LVU (1990:52) and FL
(2017:900) in the same conversion; SoL (2001:453)'s text was not available here, so its rows stay
`verified=False` for the committee's lawyer to check.

- LVU: the court decides on care under 2 § and 3 § (4 §); the committee applies (4 §), decides where
  the care begins (11 §, appealable under 41 § första stycket 1), considers 2 § care every six months
  (13 § första stycket, not appealable: 41 § andra stycket) and reconsiders 3 § care (13 § andra
  stycket, a decision "i fråga om fortsatt vård", appealable under 41 § första stycket 2). An
  immediate custody (6 §) cannot be appealed; it is referred to the court within a week (7 §).
- SoL (2025:400): only the decisions listed in 35 kap. 1 § can be appealed to the court; of those here,
  insatser under 11 kap. 1 §. Insatser beyond the right (11 kap. 4 §) and without an individual needs
  assessment (11 kap. 5 §) are not listed. Opening, not opening or extending an investigation are not
  either.
- The old-law förhandsbedömning row now cites SoL (2001:453), not the new law's text.
"""

from django.db import migrations

SOL_2025 = "https://svenskforfattningssamling.se/sites/default/files/sfs/2025-05/SFS2025-400.pdf"
SOL_2001 = "https://data.riksdagen.se/dokument/sfs-2001-453.html"
LVU = "https://data.riksdagen.se/dokument/sfs-1990-52.html"
NEW = [
    # key, law, provision, title, valid_from, valid_to, verified, source, appeal, appeal provision
    ("lvu-application", "LVU (1990:52)", "4 §", "Ansökan om vård hos förvaltningsrätten",
     "1990-07-01", None, True, LVU, "none", "41 § andra stycket LVU"),
    ("lvu-care-placement", "LVU (1990:52)", "11 §", "Hur vården ska ordnas och var den ska inledas",
     "1990-07-01", None, True, LVU, "court", "41 § första stycket 1 LVU"),
    ("lvu-reconsider", "LVU (1990:52)", "13 § andra stycket",
     "Omprövning av vård enligt 3 § inom sex månader", "1990-07-01", None, True, LVU,
     "court", "41 § första stycket 2 LVU"),
    ("support-personal-needs", "SoL (2025:400)", "11 kap. 1 §", "Rätt till insatser för personliga behov",
     "2025-07-01", None, True, SOL_2025, "court", "35 kap. 1 § 1 SoL (2025:400)"),
    ("support-personal-needs", "SoL (2001:453)", "4 kap. 1 §", "Rätt till bistånd",
     "2002-01-01", "2025-06-30", False, SOL_2001, "court", "16 kap. 3 § SoL (2001:453)"),
    ("support-beyond-right", "SoL (2025:400)", "11 kap. 4 §", "Insatser utöver rätten till insatser",
     "2025-07-01", None, True, SOL_2025, "none", "35 kap. 1 § SoL (2025:400)"),
    ("support-beyond-right", "SoL (2001:453)", "4 kap. 2 §", "Bistånd utöver vad som följer av 1 §",
     "2002-01-01", "2025-06-30", False, SOL_2001, "none", "16 kap. 3 § SoL (2001:453)"),
    ("support-no-needs-assessment", "SoL (2025:400)", "11 kap. 5 §", "Insatser utan individuell behovsprövning",
     "2025-07-01", None, True, SOL_2025, "none", "35 kap. 1 § SoL (2025:400)"),
    ("support-no-needs-assessment", "SoL (2001:453)", "4 kap. 2 a §", "Insatser utan föregående behovsprövning",
     "2018-07-01", "2025-06-30", False, SOL_2001, "none", "16 kap. 3 § SoL (2001:453)"),
    ("child-views", "SoL (2001:453)", "11 kap. 10 §", "Barnets rätt att framföra åsikter",
     "2013-01-01", "2025-06-30", False, SOL_2001, "none", ""),
    ("placement-review", "SoL (2001:453)", "6 kap. 8 §", "Övervägande av placering var sjätte månad",
     "2003-07-01", "2025-06-30", False, SOL_2001, "none", ""),
    ("journal-dispute", "SoL (2025:400)", "14 kap. 6 §", "Den enskilde anser att en uppgift är felaktig",
     "2025-07-01", None, True, SOL_2025, "none", ""),
]
# The appeal of the bases already there; decision kinds that rest on them.
APPEALS = {
    "lvu-immediate-custody": ("referred", "41 § andra stycket och 7 § LVU"),
    "lvu-review": ("none", "41 § andra stycket LVU"),
    "investigation-open": ("none", "35 kap. 1 § SoL (2025:400)"),
    "preliminary-assessment": ("none", "35 kap. 1 § SoL (2025:400)"),
    "investigation-time-limit": ("none", "35 kap. 1 § SoL (2025:400)"),
}


def forwards(apps, schema_editor):
    legal_basis = apps.get_model("core", "LegalBasis")
    for key, law, provision, title, valid_from, valid_to, verified, source, appeal, appeal_provision in NEW:
        legal_basis.objects.update_or_create(
            key=key,
            valid_from=valid_from,
            defaults={"law": law, "provision": provision, "title": title, "valid_to": valid_to,
                      "verified": verified, "source": source, "appeal": appeal,
                      "appeal_provision": appeal_provision},
        )
    for key, (appeal, appeal_provision) in APPEALS.items():
        legal_basis.objects.filter(key=key).update(appeal=appeal, appeal_provision=appeal_provision)
    legal_basis.objects.filter(key="lvu-review").update(
        provision="13 § första stycket", title="Övervägande av vård enligt 2 § var sjätte månad"
    )
    legal_basis.objects.filter(key="preliminary-assessment", law="SoL (2001:453)").update(
        source=SOL_2001, verified=False
    )


def backwards(apps, schema_editor):
    legal_basis = apps.get_model("core", "LegalBasis")
    for key, _law, _provision, _title, valid_from, *_rest in NEW:
        legal_basis.objects.filter(key=key, valid_from=valid_from).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0005_appeal_as_data")]
    operations = [migrations.RunPython(forwards, backwards)]
