"""The unit manager's second path to a protected child's case: two flags on an emergency grant.

Reviewed by hand: `access_emergencyaccess` is not append-only (a grant is reviewed later), so the two
booleans are added with their default, False, and every grant made before keeps meaning what it did:
ordinary emergency access, which never lifts protected identity.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('access', '0010_mac_covers_row_id'),
    ]

    operations = [
        migrations.AddField(
            model_name='emergencyaccess',
            name='lifts_protection',
            field=models.BooleanField(default=False, verbose_name='öppnar skyddade personuppgifter'),
        ),
        migrations.AddField(
            model_name='emergencyaccess',
            name='shows_address',
            field=models.BooleanField(default=False, verbose_name='visar adress och telefon'),
        ),
    ]
