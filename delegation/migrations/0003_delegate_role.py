"""The role in Utväg whose holder signs a decision under an officer's item of the delegation order.

Reviewed by hand:
- `delegate_role` is added nullable with no default, so SQLite adds the column in place instead of
  rebuilding the table (a rebuild would drop the append-only triggers with the old table).
- Officer items already entered get their role from the delegate's title where it says one
  unambiguously ("socialsekreterare"/"handläggare": case worker; "enhetschef": unit manager). Other
  officer items stay empty and then carry no decision until the committee enters a new item; the
  committee's levels stay empty (staff record those decisions on the committee's behalf).
- The triggers are written again with `delegate_role` among the frozen columns: who an item gives
  the decision to must not change under decisions already taken.
"""

from django.db import migrations, models

from core.immutability import replace_triggers

TITLES = [("socialsekreterare", "caseworker"), ("handläggare", "caseworker"), ("enhetschef", "unit_manager")]


def roles(apps, schema_editor):
    item = apps.get_model("delegation", "DelegationItem")
    for row in item.objects.filter(delegate_level="officer", delegate_role__isnull=True):
        title = row.delegate.lower()
        found = {role for word, role in TITLES if word in title}
        if len(found) == 1:
            item.objects.filter(pk=row.pk).update(delegate_role=found.pop())


class Migration(migrations.Migration):

    dependencies = [
        ("delegation", "0002_law_limits"),
    ]

    operations = [
        migrations.AddField(
            model_name="delegationitem",
            name="delegate_role",
            field=models.CharField(blank=True, choices=[("caseworker", "Handläggare"), ("treatment", "Behandlare"), ("outreach", "Fältarbetare"), ("defector_specialist", "Avhopparspecialist"), ("unit_manager", "Enhetschef"), ("log_reviewer", "Loggranskare (dataskydd)"), ("sysadmin", "Systemadministratör")], max_length=32, null=True, verbose_name="delegatens roll i Utväg"),
        ),
        migrations.RunPython(roles, migrations.RunPython.noop),
        replace_triggers(
            "decisions_delegationitem",
            columns=("code", "decision_kind", "delegate", "delegate_level", "delegate_role", "valid_from"),
            retire={"sqlite": [], "postgresql": []},
        ),
    ]
