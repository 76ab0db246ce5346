"""A recorded decision never changes; a delegation item only gets an end date."""

from django.db import migrations

from core.immutability import immutable


class Migration(migrations.Migration):
    dependencies = [("decisions", "0002_initial")]
    operations = [
        immutable("decisions_decision"),
        immutable("decisions_delegationitem", columns=("code", "decision_kind", "delegate", "valid_from")),
    ]
