"""The legal basis a child's connections are recorded under, and their protection.

Connections are personal data about the child and about another person, often about suspected crime,
recorded by the social services because they are needed for the work with the child: lag (2001:454) om
behandling av personuppgifter inom socialtjänsten, 6 §. The row is written from memory of that law, not
checked against its text here, so it is `verified=False` for the committee's lawyer (and the data
protection officer) to confirm or replace; another basis is another row with the same key.

A connection, once recorded, keeps what it said: only its withdrawal (who, when, why) may be filled in.
Network events are append-only; a motivation window takes only what was done about it.
"""

from typing import Any

from django.db import migrations

from core.immutability import immutable

SOLPUL = "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/lag-2001454-om-behandling-av-personuppgifter_sfs-2001-454/"


def add(apps: Any, schema_editor: Any) -> None:
    apps.get_model("core", "LegalBasis").objects.update_or_create(
        key="programme-connection",
        valid_from="2002-01-01",
        defaults={
            "law": "SoLPuL (2001:454)",
            "provision": "6 §",
            "title": "Lag om behandling av personuppgifter inom socialtjänsten: uppgifter som behövs i arbetet",
            "valid_to": None,
            "verified": False,
            "source": SOLPUL,
            "appeal": "none",
            "appeal_provision": "",
        },
    )


def remove(apps: Any, schema_editor: Any) -> None:
    apps.get_model("core", "LegalBasis").objects.filter(key="programme-connection").delete()


class Migration(migrations.Migration):
    dependencies = [("programme", "0004_connections_and_windows"), ("core", "0008_investigation_notice")]
    operations = [
        migrations.RunPython(add, remove),
        immutable(
            "programme_connection",
            columns=(
                "participation_id",
                "person_id",
                "named_as",
                "source",
                "source_note",
                "legal_basis_id",
                "expires_on",
                "recorded_by_id",
                "recorded_at",
            ),
        ),
        immutable("programme_networkevent"),
        immutable(
            "programme_motivationwindow",
            columns=("participation_id", "event_id", "connection_id", "opened_on", "lapses_on"),
        ),
    ]
