"""A clock for telling those concerned that an investigation opened (20 kap. 4 § SoL).

Reviewed by hand: choices only; nothing in the database changes.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('deadlines', '0008_protected_path'),
    ]

    operations = [
        migrations.AlterField(
            model_name='deadline',
            name='kind',
            field=models.CharField(choices=[('protection', 'Omedelbar skyddsbedömning'), ('preliminary', 'Förhandsbedömning'), ('application', 'Inleda utredning av ansökan'), ('feedback', 'Återkoppling till anmälaren'), ('investigation', 'Utredning klar'), ('inv-notice', 'Informera de som berörs om att utredningen inletts'), ('lvu-referral', 'Underställning till förvaltningsrätten (7 § LVU)'), ('lvu-application', 'Ansökan om vård (8 § LVU)'), ('lvu-review', 'Övervägande/omprövning av LVU-vård'), ('appeal', 'Överklagandetid')], max_length=20, verbose_name='frist'),
        ),
        migrations.AlterField(
            model_name='historicaldeadline',
            name='kind',
            field=models.CharField(choices=[('protection', 'Omedelbar skyddsbedömning'), ('preliminary', 'Förhandsbedömning'), ('application', 'Inleda utredning av ansökan'), ('feedback', 'Återkoppling till anmälaren'), ('investigation', 'Utredning klar'), ('inv-notice', 'Informera de som berörs om att utredningen inletts'), ('lvu-referral', 'Underställning till förvaltningsrätten (7 § LVU)'), ('lvu-application', 'Ansökan om vård (8 § LVU)'), ('lvu-review', 'Övervägande/omprövning av LVU-vård'), ('appeal', 'Överklagandetid')], max_length=20, verbose_name='frist'),
        ),
    ]
