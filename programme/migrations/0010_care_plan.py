"""The vårdplan, append-only, and its provision as data.

Reviewed by hand. SoL (2025:400) 9 kap. 12 and 13 §§ and SoF (2025:468) 10 kap. 1 and 2 §§ were read in the
se-lex conversions (`se-lex/sfs-processor`, data/md-markers, commit c949bd5284378eb5033605779349c30aa008a8b9),
quoted in docs/law-sources.md part G: checked. The old law's row (SoL 2001:453 11 kap. 3 §, with SoF 2001:937
5 kap. 1 a §) is written from the requirements' source, not from its text: `verified=False`.
"""

from typing import Any

import core.fields
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.immutability import immutable

SOL_2025 = "https://svenskforfattningssamling.se/sites/default/files/sfs/2025-05/SFS2025-400.pdf"
SOL_2001 = "https://lagen.nu/2001:453#K11P3"
ROWS = [
    ("SoL (2001:453)", "11 kap. 3 §", "2002-01-01", "2025-06-30", False, SOL_2001),
    ("SoL (2025:400)", "9 kap. 12 §", "2025-07-01", None, True, SOL_2025),
]


def add(apps: Any, schema_editor: Any) -> None:
    basis = apps.get_model("core", "LegalBasis")
    for law, provision, valid_from, valid_to, verified, source in ROWS:
        basis.objects.update_or_create(
            key="care-plan",
            valid_from=valid_from,
            defaults={
                "law": law,
                "provision": provision,
                "title": "Vårdplan när ett barn eller en ung person ska vårdas utanför det egna hemmet",
                "valid_to": valid_to,
                "verified": verified,
                "source": source,
                "appeal": "none",
                "appeal_provision": "",
            },
        )


def remove(apps: Any, schema_editor: Any) -> None:
    apps.get_model("core", "LegalBasis").objects.filter(key="care-plan").delete()


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0010_protection_provisions_checked'),
        ('programme', '0009_outcomes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CarePlan',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('ground', models.CharField(choices=[('lvu-application', 'Ansökan om vård enligt LVU'), ('lvu-care', 'Vård enligt LVU'), ('sol-placement', 'Placering med samtycke enligt socialtjänstlagen')], max_length=20, verbose_name='grund')),
                ('setting', models.CharField(choices=[('family-home', 'Familjehem'), ('supported-housing', 'Stödboende'), ('shelter', 'Skyddat boende'), ('hvb', 'Hem för vård eller boende (HVB)'), ('special-home', 'Särskilt ungdomshem (SiS)')], max_length=20, verbose_name='var vården ges')),
                ('made_on', models.DateField(verbose_name='upprättad')),
                ('placed_on', models.DateField(blank=True, null=True, verbose_name='placerad sedan')),
                ('insatser', core.fields.EncryptedTextField(blank=True, verbose_name='de särskilda insatser som behövs')),
                ('contact', core.fields.EncryptedTextField(blank=True, verbose_name='umgänge med föräldrar, vårdnadshavare, syskon och andra närstående')),
                ('goal', core.fields.EncryptedTextField(blank=True, verbose_name='målet med vården')),
                ('child_view', core.fields.EncryptedTextField(blank=True, verbose_name='barnets syn på den planerade vården')),
                ('guardians_view', core.fields.EncryptedTextField(blank=True, verbose_name='vårdnadshavarnas syn på den planerade vården')),
                ('other_principals', core.fields.EncryptedTextField(blank=True, verbose_name='det som andra huvudmän ansvarar för')),
                ('long_term_housing', core.fields.EncryptedTextField(blank=True, verbose_name='barnets långsiktiga boende')),
                ('special_reasons', core.fields.EncryptedTextField(blank=True, verbose_name='särskilda skäl mot att en del tas med')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='registrerad')),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('legal_basis', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.legalbasis')),
                ('participation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='care_plans', to='programme.participation')),
                ('revises', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='revised_by', to='programme.careplan', verbose_name='reviderar')),
            ],
            options={
                'verbose_name': 'vårdplan',
                'verbose_name_plural': 'vårdplaner',
                'ordering': ['made_on', 'id'],
            },
        ),
        immutable("programme_careplan"),
        migrations.RunPython(add, remove),
    ]
