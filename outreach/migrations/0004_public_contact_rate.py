"""The public contact page's rate limit, counted per hour in the database (hashed addresses only, kept for the hour)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('outreach', '0003_contacts_append_only'),
    ]

    operations = [
        migrations.CreateModel(
            name='RateCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('bucket', models.CharField(max_length=80, unique=True)),
                ('hour', models.BigIntegerField(db_index=True)),
                ('count', models.PositiveIntegerField(default=0)),
            ],
        ),
    ]
