"""The protection provisions of 0009 checked against the statute text, and their titles made to say what it says.

Reviewed by hand. Read in the se-lex conversions (`se-lex/sfs-processor`, `data/md-markers`, commit
c949bd5284378eb5033605779349c30aa008a8b9) of SFS 2025:400, 2024:79, 1990:52, 1984:387 and 2009:400, quoted in
docs/law-sources.md part F. What the text showed:
- 22 kap. 5 § SoL (2025:400) is the child's skyddat boende: only placed there together with a guardian who is
  of age and is granted the insats too (9 kap. 6 § says what a skyddat boende is);
- lag (2024:79): the court grants skyddat boende without the other guardian's consent (3 kap. 1 §) on the
  committee's application (3 kap. 3 §); the committee's immediate insats (4 kap. 1 §) goes to the court within
  one week of the decision (4 kap. 3 §); once the court has confirmed it, the application is due within six
  weeks of the day the placement began (4 kap. 6 §); the insats is considered at least every six months
  (5 kap. 3 §), and a decision to keep the whereabouts from the other guardian too (5 kap. 4 och 6 §§);
- 14 § andra stycket 2 and tredje stycket LVU, appealable under 41 § första stycket 3 LVU;
- 12 § polislagen: the police take a child under eighteen into their care to hand it over quickly to the
  guardians or the committee;
- OSL 12 kap. 2 § (the person's consent lifts secrecy) and 10 kap. 2 § (disclosure needed for the committee's
  own work).
Still unchecked: the old act's 6 kap. 1 a § (its text is not in the conversion) and 30 § tredje stycket
folkbokföringslagen (not converted); the consideration under 14 § tredje stycket LVU is a decision in the
matter of 14 §, whose appeal 41 § does not name in so many words, so that row stays unchecked too.
"""

from django.db import migrations

CHECKED = {
    # (key, valid_from): (provision, title)
    ("shelter", "2025-07-01"): (
        "22 kap. 5 §",
        "Skyddat boende för ett barn tillsammans med en myndig vårdnadshavare som också beviljas insatsen",
    ),
    ("shelter-application", "2024-04-01"): (
        "3 kap. 1 och 3 §§",
        "Ansökan om skyddat boende för barnet utan den andra vårdnadshavarens samtycke",
    ),
    ("shelter-immediate", "2024-04-01"): ("4 kap. 1 §", "Omedelbar insats i form av skyddat boende"),
    ("shelter-court-referral", "2024-04-01"): (
        "4 kap. 3 §",
        "Underställning av omedelbar insats inom en vecka från den dag beslutet fattades",
    ),
    ("shelter-application-time", "2024-04-01"): (
        "4 kap. 6 §",
        "Ansökan inom sex veckor från den dag placeringen påbörjades, när rätten fastställt den omedelbara insatsen",
    ),
    ("shelter-review", "2024-04-01"): (
        "5 kap. 3 och 6 §§",
        "Övervägande minst var sjätte månad av om insatsen ska fortsätta och om hemlighållandet behövs",
    ),
    ("lvu-secret-whereabouts", "1990-07-01"): (
        "14 § andra stycket 2",
        "Den unges vistelseort ska inte röjas för föräldrar eller vårdnadshavare",
    ),
    ("police-placement", "1984-10-01"): (
        "12 §",
        "Polisens omhändertagande av den som kan antas vara under arton år, för att skyndsamt lämnas till "
        "vårdnadshavare eller socialnämnden",
    ),
    ("handover-consent", "2009-06-30"): ("12 kap. 2 §", "Den enskilde har samtyckt till att uppgiften lämnas ut"),
    ("handover-necessary", "2009-06-30"): (
        "10 kap. 2 §",
        "Nödvändigt att lämna ut uppgiften för att nämnden ska kunna fullgöra sin verksamhet",
    ),
}


def checked(apps, schema_editor):
    legal_basis = apps.get_model("core", "LegalBasis")
    for (key, valid_from), (provision, title) in CHECKED.items():
        legal_basis.objects.filter(key=key, valid_from=valid_from).update(
            provision=provision, title=title, verified=True
        )


def unchecked(apps, schema_editor):
    legal_basis = apps.get_model("core", "LegalBasis")
    for key, valid_from in CHECKED:
        legal_basis.objects.filter(key=key, valid_from=valid_from).update(verified=False)


class Migration(migrations.Migration):
    dependencies = [("core", "0009_protection_provisions")]
    operations = [migrations.RunPython(checked, unchecked)]
