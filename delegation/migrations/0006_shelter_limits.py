"""Skyddat boende's decisions reserved to the committee's section, and 14 § LVU's limit checked.

Reviewed by hand, against the se-lex conversion of SFS 2025:400 (docs/law-sources.md part F):
- 30 kap. 8 § SoL (2025:400): under lag (2024:79) the committee may delegate only to a section the
  application (3 kap. 3 §), the immediate insats (4 kap. 1 §), the consideration whether the insats goes on
  (5 kap. 3 §) and the end of the insats (7 kap. 1 §). Lag (2024:79) 4 kap. 1 § andra stycket lets the chair or
  an appointed member grant the immediate insats when the committee cannot wait, so that is allowed too.
- 30 kap. 6 § 2: the six-monthly consideration under 22 kap. 13 §, which its second paragraph makes apply to a
  child granted skyddat boende under the act, likewise only to a section. So the review is the section's on
  both routes, with the other guardian's consent or without it.
- 30 kap. 7 § 8 reserves 14 § andra och tredje styckena LVU to a section: 0004's new-law rows are checked.
Before 1 July 2025 the old act's 10 kap. 4 § applied; its text was not available here, so those rows stay
unchecked.
"""

from django.db import migrations

SOL_2025 = "https://svenskforfattningssamling.se/sites/default/files/sfs/2025-05/SFS2025-400.pdf"
SOL_2001 = "https://data.riksdagen.se/dokument/sfs-2001-453.html"
COMMITTEE_OR_SECTION = ["committee", "section"]
OR_THE_CHAIR = ["committee", "section", "chair"]
LIMITS = [
    # kind, allowed levels, provision (new law)
    ("shelter-application", COMMITTEE_OR_SECTION, "30 kap. 8 § 1 SoL (2025:400)"),
    ("shelter-immediate", OR_THE_CHAIR, "30 kap. 8 § 2 SoL (2025:400); 4 kap. 1 § andra stycket lag (2024:79)"),
    ("shelter-review", COMMITTEE_OR_SECTION, "30 kap. 6 § 2 och 8 § 4 SoL (2025:400)"),
]
LVU_14 = ("lvu-14", "lvu-14-review")


def limits(apps, schema_editor):
    limit = apps.get_model("delegation", "DelegationLimit")
    for kind, levels, provision in LIMITS:
        limit.objects.create(decision_kind=kind, allowed_levels=levels, provision="10 kap. 4 § SoL (2001:453)",
                             source=SOL_2001, verified=False, valid_from="2024-04-01", valid_to="2025-06-30")
        limit.objects.create(decision_kind=kind, allowed_levels=levels, provision=provision, source=SOL_2025,
                             verified=True, valid_from="2025-07-01")
    limit.objects.filter(decision_kind__in=LVU_14, valid_from="2025-07-01").update(
        provision="30 kap. 7 § 8 SoL (2025:400); 14 § LVU", verified=True
    )


def no_limits(apps, schema_editor):
    limit = apps.get_model("delegation", "DelegationLimit")
    limit.objects.filter(decision_kind__in=[kind for kind, *_ in LIMITS]).delete()
    limit.objects.filter(decision_kind__in=LVU_14, valid_from="2025-07-01").update(
        provision="30 kap. 7 § SoL (2025:400); 14 § LVU", verified=False
    )


class Migration(migrations.Migration):
    dependencies = [("delegation", "0005_protection_kinds")]
    operations = [migrations.RunPython(limits, no_limits)]
