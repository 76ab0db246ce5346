"""A request for contact from the public page as a kind of signal. Choices only: the column is unchanged."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('intake', '0008_detentions'),
    ]

    operations = [
        migrations.AlterField(
            model_name='signal',
            name='kind',
            field=models.CharField(choices=[('report', 'Orosanmälan'), ('police', 'Underrättelse från polisen'), ('detention', 'Underrättelse om gripande, anhållande eller häktning'), ('interview', 'Socialtjänstens närvaro vid polisförhör'), ('outreach', 'Kontakt genom uppsökande arbete'), ('request-child', 'Ansökan från barnet'), ('request-guardian', 'Ansökan från vårdnadshavare'), ('municipality', 'Överlämnande från annan kommun'), ('web', 'Kontaktförfrågan via webben')], max_length=20, verbose_name='hur ärendet aktualiserades'),
        ),
    ]
