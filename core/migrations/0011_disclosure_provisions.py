"""The OSL (2009:400) provisions a disclosure to a partner may rest on (issue 16): 10 kap. 18 a, 18 c and 21 §§.

Reviewed by hand. Read in the se-lex conversion (`se-lex/sfs-processor`, `data/md-markers`, commit
c949bd5284378eb5033605779349c30aa008a8b9) of SFS 2009:400, quoted in docs/law-sources.md part H. Each row is
the wording the conversion holds, from the day it came into force, so every one is `verified=True`:
- 10 kap. 18 a § as worded by 2025:179 (from 1 April 2025): a person under twenty-one, to the Police, the
  Security Service or Customs; concrete circumstances, and not unsuitable; not a suspicion of a committed crime;
- 10 kap. 18 c § as worded by 2025:179 (from 1 April 2025): the person or a relative of theirs, to the Police;
- 10 kap. 21 § as worded by 2025:965 (from 1 December 2025): a suspected crime against someone under eighteen,
  to a prosecutor or the Police.
The earlier wordings are not in the conversion, so no row covers a disclosure before those days. 12 kap. 2 §
(consent) and 10 kap. 2 § (needed for the committee's own work) are the rows of 0009, reused by key.
"""

from django.db import migrations

OSL = "https://data.riksdagen.se/dokument/sfs-2009-400.html"
NEW = [
    # key, provision, title, valid_from
    (
        "disclosure-young-crime-risk",
        "10 kap. 18 a §",
        "Till Polismyndigheten, Säkerhetspolisen eller Tullverket om en enskild under tjugoett år: konkret risk "
        "för att den unge kommer att utöva brottslig verksamhet",
        "2025-04-01",
    ),
    (
        "disclosure-relative-violence",
        "10 kap. 18 c §",
        "Till Polismyndigheten om en enskild eller en närstående: konkret risk för allvarligt brott mot den "
        "närstående enligt 3, 4 eller 6 kap. brottsbalken",
        "2025-04-01",
    ),
    (
        "disclosure-crime-against-child",
        "10 kap. 21 §",
        "Till åklagarmyndighet eller Polismyndigheten: misstanke om brott mot någon under arton år enligt 3, 4 "
        "eller 6 kap. brottsbalken eller lagen om förbud mot könsstympning",
        "2025-12-01",
    ),
]


def forwards(apps, schema_editor):
    legal_basis = apps.get_model("core", "LegalBasis")
    for key, provision, title, valid_from in NEW:
        legal_basis.objects.update_or_create(
            key=key,
            valid_from=valid_from,
            defaults={
                "law": "OSL (2009:400)",
                "provision": provision,
                "title": title[:200],
                "valid_to": None,
                "verified": True,
                "source": OSL,
                "appeal": "none",
                "appeal_provision": "",
            },
        )


def backwards(apps, schema_editor):
    legal_basis = apps.get_model("core", "LegalBasis")
    for key, _provision, _title, valid_from in NEW:
        legal_basis.objects.filter(key=key, valid_from=valid_from).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0010_protection_provisions_checked")]
    operations = [migrations.RunPython(forwards, backwards)]
