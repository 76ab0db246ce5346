"""The decision kinds as the law names them (choices only: nothing in the database changes)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('decisions', '0004_delegation_item_moved'),
    ]

    operations = [
        migrations.AlterField(
            model_name='decision',
            name='kind',
            field=models.CharField(choices=[('open-investigation', 'Inleda utredning'), ('no-investigation', 'Inte inleda utredning'), ('extend-investigation', 'Förlänga utredningstiden'), ('lvu-6', 'Omedelbart omhändertagande enligt 6 § LVU'), ('lvu-application', 'Ansöka hos förvaltningsrätten om vård enligt LVU (4 §)'), ('lvu-care', 'Var vården enligt LVU ska inledas (11 § LVU)'), ('lvu-review', 'Övervägande av vård enligt 2 § LVU (13 § första stycket)'), ('lvu-reconsider', 'Omprövning av vård enligt 3 § LVU (13 § andra stycket)'), ('support', 'Insats efter ansökan eller behovsprövning'), ('other', 'Annat beslut')], max_length=30, verbose_name='beslutstyp'),
        ),
    ]
