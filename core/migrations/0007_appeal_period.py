"""The party's three weeks to appeal (44 § FL), the clock a delivered appealable decision starts.

Checked on 2026-12-01 against FL (2017:900) as converted by se-lex (commit 39b8e0c9): "Ett överklagande
av ett beslut ska ha kommit in till beslutsmyndigheten inom tre veckor från den dag då den som
överklagar fick del av beslutet genom den myndigheten."
"""

from django.db import migrations

FL = "https://data.riksdagen.se/dokument/sfs-2017-900.html"


def forwards(apps, schema_editor):
    apps.get_model("core", "LegalBasis").objects.update_or_create(
        key="appeal-period",
        valid_from="2018-07-01",
        defaults={"law": "FL (2017:900)", "provision": "44 §", "title": "Överklagande inom tre veckor från delfåendet",
                  "valid_to": None, "verified": True, "source": FL, "appeal": "none", "appeal_provision": ""},
    )


def backwards(apps, schema_editor):
    apps.get_model("core", "LegalBasis").objects.filter(key="appeal-period").delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0006_bases_per_decision_kind")]
    operations = [migrations.RunPython(forwards, backwards)]
