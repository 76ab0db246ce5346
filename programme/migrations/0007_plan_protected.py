"""The plan keeps what was agreed, and consent its own legal basis.

A plan item keeps its goals, what is done and by whom; only its status moves, and only by a follow-up
or a withdrawn consent. A consent keeps who gave it and how; only its withdrawal may be filled in. A
follow-up meeting and its reviews are append-only.

The basis of a child's own consent without the guardians' (SoL 2025:400 21 kap. 1 §, read in the se-lex
conversion, docs/law-sources.md): checked. The old law's row (SoL 2001:453 3 kap. 6 a §, from 1 July 2023,
prop. 2022/23:64) is written from the requirements' source, not from its text: `verified=False`.
"""

from typing import Any

from django.db import migrations

from core.immutability import immutable

SOL_2025 = "https://svenskforfattningssamling.se/sites/default/files/sfs/2025-05/SFS2025-400.pdf"
SOL_2001 = "https://lagen.nu/prop/2022/23:64"
ROWS = [
    ("SoL (2001:453)", "3 kap. 6 a §", "2023-07-01", "2025-06-30", False, SOL_2001),
    ("SoL (2025:400)", "21 kap. 1 §", "2025-07-01", None, True, SOL_2025),
]


def add(apps: Any, schema_editor: Any) -> None:
    basis = apps.get_model("core", "LegalBasis")
    for law, provision, valid_from, valid_to, verified, source in ROWS:
        basis.objects.update_or_create(
            key="child-own-consent",
            valid_from=valid_from,
            defaults={
                "law": law,
                "provision": provision,
                "title": "Insats till ett barn som fyllt 12 år utan vårdnadshavarens samtycke, om lämpligt",
                "valid_to": valid_to,
                "verified": verified,
                "source": source,
                "appeal": "none",
                "appeal_provision": "",
            },
        )


def remove(apps: Any, schema_editor: Any) -> None:
    apps.get_model("core", "LegalBasis").objects.filter(key="child-own-consent").delete()


ITEM_KEPT = (
    "participation_id", "domain", "goal_child", "goal_worker", "insats", "description", "decision_id",
    "responsible", "starts_on", "ends_on", "follow_up_on", "created_by_id", "created_at",
)
CONSENT_KEPT = (
    "item_id", "given_by", "guardian_id", "given_on", "how", "suitable_reasons", "legal_basis_id",
    "recorded_by_id", "recorded_at",
)


class Migration(migrations.Migration):
    dependencies = [("programme", "0006_plan"), ("core", "0008_investigation_notice")]
    operations = [
        migrations.RunPython(add, remove),
        immutable("programme_planitem", columns=ITEM_KEPT),
        immutable("programme_consent", columns=CONSENT_KEPT),
        immutable("programme_followup"),
        immutable("programme_itemreview"),
    ]
