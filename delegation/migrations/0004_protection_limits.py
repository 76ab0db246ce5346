"""LVU 14 § decisions kept from officers, and the protective measures' kinds (choices only).

Reviewed by hand. A decision that the child's whereabouts are not revealed to the guardians (14 § andra
stycket 2 LVU), and its consideration every three months, may be delegated only to a committee section:
10 kap. 4 § SoL (2001:453) and 30 kap. 7 § SoL (2025:400) as read here, neither checked against the
statute text (`verified=False`). The chair is not allowed: LVU gives the chair no power over 14 §.
"""

from django.db import migrations, models

SOL_2025 = "https://svenskforfattningssamling.se/sites/default/files/sfs/2025-05/SFS2025-400.pdf"
SOL_2001 = "https://data.riksdagen.se/dokument/sfs-2001-453.html"
KINDS = ("lvu-14", "lvu-14-review")


def limits(apps, schema_editor):
    limit = apps.get_model("delegation", "DelegationLimit")
    for kind in KINDS:
        limit.objects.create(
            decision_kind=kind,
            allowed_levels=["committee", "section"],
            provision="10 kap. 4 § SoL (2001:453); 14 § LVU",
            source=SOL_2001,
            verified=False,
            valid_from="1990-07-01",
            valid_to="2025-06-30",
        )
        limit.objects.create(
            decision_kind=kind,
            allowed_levels=["committee", "section"],
            provision="30 kap. 7 § SoL (2025:400); 14 § LVU",
            source=SOL_2025,
            verified=False,
            valid_from="2025-07-01",
        )


def no_limits(apps, schema_editor):
    apps.get_model("delegation", "DelegationLimit").objects.filter(decision_kind__in=KINDS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("delegation", "0003_delegate_role"),
    ]

    operations = [
        migrations.RunPython(limits, no_limits),
    ]
