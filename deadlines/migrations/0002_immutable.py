"""An extension, once decided, stays as decided."""

from django.db import migrations

from core.immutability import immutable


class Migration(migrations.Migration):
    dependencies = [("deadlines", "0001_initial")]
    operations = [immutable("deadlines_extension")]
