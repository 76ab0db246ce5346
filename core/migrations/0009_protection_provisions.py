"""The provisions of threat and protection (issue 15): skyddat boende, LVU 14 §, the police's placement,
skyddad folkbokföring and what a relocation's handover may rest on.

Reviewed by hand. None of these rows could be checked against the statute text here, so all stay
`verified=False` for the committee's lawyer:
- lag (2024:79) om placering av barn i skyddat boende is in force from 1 April 2024 (prop. 2023/24:31); its
  3 kap. 1 § (the court decides on an application when the other guardian does not consent) and 4 kap. 1 §
  (the committee's immediate insats) are quoted by practitioners; 4 kap. 3 § (referral within a week), 4 kap.
  6 § (application within six weeks) and 5 kap. 3 and 6 §§ (consideration every six months) are as issue 15
  gives them and are not confirmed;
- skyddat boende as an insats: 6 kap. 1 a § SoL (2001:453) from 1 April 2024, and 22 kap. 5 § SoL
  (2025:400) as issue 15 gives it;
- LVU 14 § andra stycket 2 and tredje stycket (the three-monthly consideration), appealable under 41 §
  första stycket 3 LVU;
- the committee's application for skyddad folkbokföring for a child in 2 § LVU care: 30 § tredje stycket
  folkbokföringslagen as issue 15 gives it;
- the police's taking a child into their care: 12 § polislagen (1984:387).
"""

from django.db import migrations

SOL_2025 = "https://svenskforfattningssamling.se/sites/default/files/sfs/2025-05/SFS2025-400.pdf"
SOL_2001 = "https://data.riksdagen.se/dokument/sfs-2001-453.html"
LVU = "https://data.riksdagen.se/dokument/sfs-1990-52.html"
SHELTER_LAW = "Lag (2024:79) om placering av barn i skyddat boende"
SHELTER = "https://data.riksdagen.se/dokument/sfs-2024-79.html"
FBL = "https://data.riksdagen.se/dokument/sfs-1991-481.html"
POLICE = "https://data.riksdagen.se/dokument/sfs-1984-387.html"
OSL = "https://data.riksdagen.se/dokument/sfs-2009-400.html"
NEW = [
    # key, law, provision, title, valid_from, valid_to, source, appeal, appeal provision
    (
        "shelter",
        "SoL (2025:400)",
        "22 kap. 5 §",
        "Skyddat boende för den som behöver stöd och skydd",
        "2025-07-01",
        None,
        SOL_2025,
        "court",
        "35 kap. 1 § SoL (2025:400)",
    ),
    (
        "shelter",
        "SoL (2001:453)",
        "6 kap. 1 a §",
        "Skyddat boende för den som behöver stöd och skydd",
        "2024-04-01",
        "2025-06-30",
        SOL_2001,
        "court",
        "16 kap. 3 § SoL (2001:453)",
    ),
    (
        "shelter-application",
        SHELTER_LAW,
        "3 kap. 1 §",
        "Ansökan om skyddat boende utan den andra vårdnadshavarens samtycke",
        "2024-04-01",
        None,
        SHELTER,
        "none",
        SHELTER_LAW,
    ),
    (
        "shelter-immediate",
        SHELTER_LAW,
        "4 kap. 1 §",
        "Omedelbar insats i form av skyddat boende",
        "2024-04-01",
        None,
        SHELTER,
        "court",
        SHELTER_LAW,
    ),
    (
        "shelter-court-referral",
        SHELTER_LAW,
        "4 kap. 3 §",
        "Underställning av omedelbar insats inom en vecka",
        "2024-04-01",
        None,
        SHELTER,
        "none",
        "",
    ),
    (
        "shelter-application-time",
        SHELTER_LAW,
        "4 kap. 6 §",
        "Ansökan inom sex veckor efter omedelbar insats",
        "2024-04-01",
        None,
        SHELTER,
        "none",
        "",
    ),
    (
        "shelter-review",
        SHELTER_LAW,
        "5 kap. 3 och 6 §§",
        "Övervägande av skyddat boende var sjätte månad",
        "2024-04-01",
        None,
        SHELTER,
        "none",
        SHELTER_LAW,
    ),
    (
        "lvu-secret-whereabouts",
        "LVU (1990:52)",
        "14 § andra stycket 2",
        "Den unges vistelseort ska inte röjas för föräldern eller vårdnadshavaren",
        "1990-07-01",
        None,
        LVU,
        "court",
        "41 § första stycket 3 LVU",
    ),
    (
        "lvu-secret-review",
        "LVU (1990:52)",
        "14 § tredje stycket",
        "Övervägande minst en gång var tredje månad av beslut om hemlig vistelseort",
        "1990-07-01",
        None,
        LVU,
        "none",
        "41 § andra stycket LVU",
    ),
    (
        "protected-registration",
        "Folkbokföringslagen (1991:481)",
        "30 § tredje stycket",
        "Socialnämndens ansökan om skyddad folkbokföring för ett barn",
        "2019-01-01",
        None,
        FBL,
        "none",
        "",
    ),
    (
        "police-placement",
        "Polislagen (1984:387)",
        "12 §",
        "Polisens omhändertagande av underårig; socialnämnden underrättas",
        "1984-10-01",
        None,
        POLICE,
        "none",
        "",
    ),
    (
        "handover-consent",
        "OSL (2009:400)",
        "12 kap. 2 §",
        "Den enskilde har samtyckt till att uppgiften lämnas ut",
        "2009-06-30",
        None,
        OSL,
        "none",
        "",
    ),
    (
        "handover-necessary",
        "OSL (2009:400)",
        "10 kap. 2 §",
        "Nödvändigt att lämna ut uppgiften för att nämnden ska kunna fullgöra sin verksamhet",
        "2009-06-30",
        None,
        OSL,
        "none",
        "",
    ),
]


def forwards(apps, schema_editor):
    legal_basis = apps.get_model("core", "LegalBasis")
    for key, law, provision, title, valid_from, valid_to, source, appeal, appeal_provision in NEW:
        legal_basis.objects.update_or_create(
            key=key,
            valid_from=valid_from,
            defaults={
                "law": law,
                "provision": provision,
                "title": title[:200],
                "valid_to": valid_to,
                "verified": False,
                "source": source,
                "appeal": appeal,
                "appeal_provision": appeal_provision,
            },
        )


def backwards(apps, schema_editor):
    legal_basis = apps.get_model("core", "LegalBasis")
    for key, _law, _provision, _title, valid_from, *_rest in NEW:
        legal_basis.objects.filter(key=key, valid_from=valid_from).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0008_investigation_notice")]
    operations = [migrations.RunPython(forwards, backwards)]
