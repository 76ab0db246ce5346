"""Signed assessments never change; a signal keeps what came in, when, about whom, in which case."""

from django.db import migrations

from core.immutability import immutable


class Migration(migrations.Migration):
    dependencies = [("intake", "0002_initial")]
    operations = [
        immutable("intake_protectionassessment"),
        immutable("intake_preliminaryassessment"),
        immutable(
            "intake_signal",
            columns=("case_id", "child_id", "kind", "received_at", "reporter_type", "content", "registered_by_id"),
        ),
    ]
