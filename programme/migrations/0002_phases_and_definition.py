"""The default phases (Socialstyrelsen's process map, R4.4; the names are ours) and the national
definition of a defector, verbatim as the agencies word it.

The definition's `valid_from` is ours: it lets every assessment recorded in Utväg find the version it
is made against. A new wording is a new row from its own date; old assessments keep naming theirs.
"""

from datetime import date
from typing import Any

from django.db import migrations

PHASES = [
    ("raised", "Aktualiserad", "Raised", ""),
    ("police-check", "Polisens kontroll och riskanalys", "Police check and risk analysis", ""),
    ("joint-meeting", "Gemensamt möte med polisen", "Joint meeting with the police", "first-meeting"),
    ("assessment", "Bedömning av behov, hot och motivation", "Assessment of need, threat and motivation", ""),
    ("support-decisions", "Beslut om insatser", "Decisions on support", ""),
    ("coordination", "Samordningsmöte", "Coordination meeting", ""),
    ("plan", "Planen genomförs, med överenskomna villkor", "Carrying out the plan, with the agreed conditions", ""),
    ("follow-up", "Uppföljning", "Follow-up", ""),
    ("ended", "Avslutat", "Ended", "ended"),
]
DEFINITION = (
    "En avhoppare är en individ som har valt att lämna organiserad brottslighet och som bedöms vara i behov av "
    "samhällets stöd och skydd för att fullfölja detta."
)
SOURCE = "https://kunskapsguiden.se/omraden-och-teman/arbetsmetoder-och-perspektiv/avhopparverksamheter/om-avhopparverksamhet/"


def add(apps: Any, schema_editor: Any) -> None:
    phase = apps.get_model("programme", "Phase")
    for position, (code, name_sv, name_en, milestone) in enumerate(PHASES, start=1):
        phase.objects.create(code=code, name_sv=name_sv, name_en=name_en, position=position, milestone=milestone)
    apps.get_model("programme", "DefectorDefinition").objects.create(
        text=DEFINITION, valid_from=date(2000, 1, 1), source=SOURCE
    )


def remove(apps: Any, schema_editor: Any) -> None:
    apps.get_model("programme", "Phase").objects.all().delete()
    apps.get_model("programme", "DefectorDefinition").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("programme", "0001_initial")]
    operations = [migrations.RunPython(add, remove)]
