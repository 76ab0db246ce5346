"""The SoL (2025:400) provisions of a case moved to another municipality (issue 16, point 7): 29 kap. 10 §
(the written request and the other municipality's written answer), 11 § (the application to IVO when the
municipalities disagree, or no answer came within a month) and 12 § (the duty to disclose what the other
municipality needs to take the case over; the duty lifts secrecy by OSL 10 kap. 28 §).

Reviewed by hand. Read in the se-lex conversion (`se-lex/sfs-processor`, `data/md-markers`, commit
c949bd5284378eb5033605779349c30aa008a8b9) of SFS 2025:400 and 2009:400, quoted in docs/law-sources.md part M.
SoL (2025:400) came into force on 1 July 2025; the earlier law is not in the conversion, so no row covers a
request before that day.
"""

from django.db import migrations

SOL = "https://data.riksdagen.se/dokument/sfs-2025-400.html"
NEW = [
    # key, provision, title
    (
        "case-transfer-request",
        "29 kap. 10 §",
        "Begäran om att ett ärende ska flyttas över till en annan kommun: skriftlig, med den andra kommunens "
        "skriftliga inställning",
    ),
    (
        "case-transfer-ivo",
        "29 kap. 11 §",
        "Ansökan hos Inspektionen för vård och omsorg om överflyttning när kommunerna inte är överens eller svar "
        "inte har kommit inom en månad",
    ),
    (
        "disclosure-case-transfer",
        "29 kap. 12 §",
        "Uppgifter som behövs för att en annan kommun ska kunna ta över ett ärende enligt 29 kap. 10 eller 11 § "
        "(uppgiftsskyldighet; sekretessen bryts enligt 10 kap. 28 § OSL)",
    ),
]
VALID_FROM = "2025-07-01"


def forwards(apps, schema_editor):
    legal_basis = apps.get_model("core", "LegalBasis")
    for key, provision, title in NEW:
        legal_basis.objects.update_or_create(
            key=key,
            valid_from=VALID_FROM,
            defaults={
                "law": "SoL (2025:400)",
                "provision": provision,
                "title": title[:200],
                "valid_to": None,
                "verified": True,
                "source": SOL,
                "appeal": "none",
                "appeal_provision": "",
            },
        )


def backwards(apps, schema_editor):
    legal_basis = apps.get_model("core", "LegalBasis")
    for key, _provision, _title in NEW:
        legal_basis.objects.filter(key=key, valid_from=VALID_FROM).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0011_disclosure_provisions")]
    operations = [migrations.RunPython(forwards, backwards)]
