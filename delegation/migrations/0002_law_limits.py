"""The law's limits on delegation (30 kap. 6-12 §§ SoL 2025:400) as data, and each item's level.

Reviewed by hand:
- `delegate_level` is added nullable with no default, so SQLite adds the column instead of rebuilding
  the table (a rebuild would drop the append-only triggers with the old table). The levels of items
  already entered are read from the delegate's title where it says; the rest stay empty, and such an
  item cannot carry a decision the law reserves.
- The triggers are written again with `delegate_level` among the frozen columns: once an item has
  its level, changing it would change what past decisions were taken under.
- The limits for LVU are 30 kap. 7 § SoL (2025:400) (checked against the statute text, se-lex
  conversion of SFS 2025:400 as published 2025-12-15) and, before 1 July 2025, 10 kap. 4 § SoL
  (2001:453) (not checked: its text was not available here). Where LVU itself lets the chair or an
  appointed member decide when the committee cannot wait (6 § and 11 § tredje stycket), that is allowed.
"""

from django.db import migrations, models

from core.immutability import replace_triggers

SOL_2025 = "https://svenskforfattningssamling.se/sites/default/files/sfs/2025-05/SFS2025-400.pdf"
SOL_2001 = "https://data.riksdagen.se/dokument/sfs-2001-453.html"
LVU = "https://data.riksdagen.se/dokument/sfs-1990-52.html"
COMMITTEE_OR_SECTION = ["committee", "section"]
OR_THE_CHAIR = ["committee", "section", "chair"]
LIMITS = [
    # kind, allowed levels, provision (new law), provision (old law)
    ("lvu-6", OR_THE_CHAIR, "30 kap. 7 § 2 SoL (2025:400); 6 § andra stycket LVU",
     "10 kap. 4 § SoL (2001:453); 6 § andra stycket LVU"),
    ("lvu-application", COMMITTEE_OR_SECTION, "30 kap. 7 § 1 SoL (2025:400)", "10 kap. 4 § SoL (2001:453)"),
    ("lvu-care", OR_THE_CHAIR, "30 kap. 7 § 4 SoL (2025:400); 11 § tredje stycket LVU",
     "10 kap. 4 § SoL (2001:453); 11 § tredje stycket LVU"),
    ("lvu-review", COMMITTEE_OR_SECTION, "30 kap. 7 § 5 SoL (2025:400)", "10 kap. 4 § SoL (2001:453)"),
    ("lvu-reconsider", COMMITTEE_OR_SECTION, "30 kap. 7 § 5 SoL (2025:400)", "10 kap. 4 § SoL (2001:453)"),
]
# What an item's delegate says about its level, first match wins; anything else is left unknown.
TITLES = [("utskott", "section"), ("ordförande", "chair"), ("ledamot", "chair"), ("nämnden", "committee")]
OFFICERS = ("socialsekreterare", "handläggare", "enhetschef", "sektionschef", "avdelningschef", "socialchef")


def limits(apps, schema_editor):
    limit = apps.get_model("delegation", "DelegationLimit")
    for kind, levels, new, old in LIMITS:
        limit.objects.create(decision_kind=kind, allowed_levels=levels, provision=old, source=SOL_2001,
                             verified=False, valid_from="1990-07-01", valid_to="2025-06-30")
        limit.objects.create(decision_kind=kind, allowed_levels=levels, provision=new, source=SOL_2025,
                             verified=True, valid_from="2025-07-01")


def levels(apps, schema_editor):
    item = apps.get_model("delegation", "DelegationItem")
    for row in item.objects.filter(delegate_level__isnull=True):
        title = row.delegate.lower()
        level = next((lvl for word, lvl in TITLES if word in title), None)
        if level is None and any(word in title for word in OFFICERS):
            level = "officer"
        if level is not None:
            item.objects.filter(pk=row.pk).update(delegate_level=level)


class Migration(migrations.Migration):

    dependencies = [
        ('delegation', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='delegationitem',
            name='delegate_level',
            field=models.CharField(blank=True, choices=[('committee', 'Nämnden'), ('section', 'Nämndens utskott'), ('chair', 'Ordföranden eller förordnad ledamot, när nämndens beslut inte kan avvaktas'), ('officer', 'Tjänsteman')], max_length=20, null=True, verbose_name='delegatens nivå'),
        ),
        migrations.AlterField(
            model_name='delegationitem',
            name='decision_kind',
            field=models.CharField(choices=[('open-investigation', 'Inleda utredning'), ('no-investigation', 'Inte inleda utredning'), ('extend-investigation', 'Förlänga utredningstiden'), ('lvu-6', 'Omedelbart omhändertagande enligt 6 § LVU'), ('lvu-application', 'Ansöka hos förvaltningsrätten om vård enligt LVU (4 §)'), ('lvu-care', 'Var vården enligt LVU ska inledas (11 § LVU)'), ('lvu-review', 'Övervägande av vård enligt 2 § LVU (13 § första stycket)'), ('lvu-reconsider', 'Omprövning av vård enligt 3 § LVU (13 § andra stycket)'), ('support', 'Insats efter ansökan eller behovsprövning'), ('other', 'Annat beslut')], max_length=30, verbose_name='beslutstyp'),
        ),
        migrations.CreateModel(
            name='DelegationLimit',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('decision_kind', models.CharField(choices=[('open-investigation', 'Inleda utredning'), ('no-investigation', 'Inte inleda utredning'), ('extend-investigation', 'Förlänga utredningstiden'), ('lvu-6', 'Omedelbart omhändertagande enligt 6 § LVU'), ('lvu-application', 'Ansöka hos förvaltningsrätten om vård enligt LVU (4 §)'), ('lvu-care', 'Var vården enligt LVU ska inledas (11 § LVU)'), ('lvu-review', 'Övervägande av vård enligt 2 § LVU (13 § första stycket)'), ('lvu-reconsider', 'Omprövning av vård enligt 3 § LVU (13 § andra stycket)'), ('support', 'Insats efter ansökan eller behovsprövning'), ('other', 'Annat beslut')], max_length=30, verbose_name='beslutstyp')),
                ('allowed_levels', models.JSONField(verbose_name='får delegeras till')),
                ('provision', models.CharField(max_length=200, verbose_name='bestämmelse')),
                ('source', models.URLField(max_length=300, verbose_name='källa')),
                ('verified', models.BooleanField(default=False, verbose_name='kontrollerad mot lagtexten')),
                ('valid_from', models.DateField(verbose_name='gäller från')),
                ('valid_to', models.DateField(blank=True, null=True, verbose_name='gäller till och med')),
            ],
            options={
                'verbose_name': 'gräns för delegering',
                'verbose_name_plural': 'gränser för delegering',
                'ordering': ['decision_kind', 'valid_from'],
                'constraints': [models.UniqueConstraint(fields=('decision_kind', 'valid_from'), name='delegation_limit_unique_start')],
            },
        ),
        migrations.RunPython(limits, migrations.RunPython.noop),
        migrations.RunPython(levels, migrations.RunPython.noop),
        replace_triggers(
            "decisions_delegationitem",
            columns=("code", "decision_kind", "delegate", "delegate_level", "valid_from"),
            retire={"sqlite": [], "postgresql": []},
        ),
    ]
