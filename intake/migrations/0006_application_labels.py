"""An application is called one (choices only: nothing in the database changes)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('intake', '0005_delegation_item_moved'),
    ]

    operations = [
        migrations.AlterField(
            model_name='signal',
            name='kind',
            field=models.CharField(choices=[('report', 'Orosanmälan'), ('police', 'Underrättelse från polisen'), ('detention', 'Underrättelse om gripande, anhållande eller häktning'), ('interview', 'Socialtjänstens närvaro vid polisförhör'), ('outreach', 'Kontakt genom uppsökande arbete'), ('request-child', 'Ansökan från barnet'), ('request-guardian', 'Ansökan från vårdnadshavare'), ('municipality', 'Överlämnande från annan kommun')], max_length=20, verbose_name='hur ärendet aktualiserades'),
        ),
    ]
