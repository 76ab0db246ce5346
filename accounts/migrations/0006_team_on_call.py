"""The social emergency service's team: told of a request for contact that comes in out of office hours."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0005_team_is_intake'),
    ]

    operations = [
        migrations.AddField(
            model_name='team',
            name='is_on_call',
            field=models.BooleanField(default=False, verbose_name='socialjour'),
        ),
    ]
