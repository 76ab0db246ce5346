"""What a decision on an insats gave the person (42 § FL), so that the appeal text and clock follow it.

Reviewed by hand: the column is nullable with no default, so SQLite adds it in place and the table's
append-only triggers (which refuse every UPDATE and DELETE of a decision) stay. Decisions already
recorded keep NULL and are read as before: appealable when their legal basis is.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('decisions', '0008_communication'),
    ]

    operations = [
        migrations.AddField(
            model_name='decision',
            name='outcome',
            field=models.CharField(blank=True, choices=[('granted', 'Bifall: det som söktes eller som den enskilde godtog beviljas helt'), ('partly', 'Delvis bifall: en del av det som söktes avslås'), ('refused', 'Avslag')], max_length=10, null=True, verbose_name='utfall'),
        ),
    ]
