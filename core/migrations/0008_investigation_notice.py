"""The provision behind the notice that an investigation has opened, for its clock.

Checked on 2026-12-01 against SoL (2025:400) as converted by se-lex (docs/law-sources.md, 20 kap. 4 §):
"Den som berörs av en utredning av ett barns behov av skydd eller stöd ska, om inte särskilda skäl talar
mot det, genast informeras om att en utredning har inletts."

The old law's row (11 kap. 1 § tredje stycket SoL 2001:453, from 2013) is written from memory, as its
text was not available here: `verified=False`, for the committee's lawyer to check.
"""

from django.db import migrations

SOL_2025 = "https://svenskforfattningssamling.se/sites/default/files/sfs/2025-05/SFS2025-400.pdf"
SOL_2001 = "https://data.riksdagen.se/dokument/sfs-2001-453.html"
ROWS = [
    ("SoL (2001:453)", "11 kap. 1 § tredje stycket", "2013-01-01", "2025-06-30", False, SOL_2001),
    ("SoL (2025:400)", "20 kap. 4 §", "2025-07-01", None, True, SOL_2025),
]


def forwards(apps, schema_editor):
    basis = apps.get_model("core", "LegalBasis")
    for law, provision, valid_from, valid_to, verified, source in ROWS:
        basis.objects.update_or_create(
            key="investigation-notice",
            valid_from=valid_from,
            defaults={
                "law": law,
                "provision": provision,
                "title": "Den som berörs ska genast informeras om att en utredning har inletts",
                "valid_to": valid_to,
                "verified": verified,
                "source": source,
                "appeal": "none",
                "appeal_provision": "",
            },
        )


def backwards(apps, schema_editor):
    apps.get_model("core", "LegalBasis").objects.filter(key="investigation-notice").delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0007_appeal_period")]
    operations = [migrations.RunPython(forwards, backwards)]
