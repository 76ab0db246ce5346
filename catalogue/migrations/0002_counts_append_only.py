"""An anonymous count is kept as recorded: a correction is a new row naming the one it replaces."""

from django.db import migrations

from core.immutability import immutable


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]
    operations = [immutable("catalogue_anonymouscount")]
