"""A field contact is kept as it was logged: the database refuses UPDATE and DELETE. Reviewed by hand."""

from django.db import migrations

from core.immutability import immutable


class Migration(migrations.Migration):
    dependencies = [("outreach", "0002_areas")]
    operations = [immutable("outreach_outreachcontact")]
