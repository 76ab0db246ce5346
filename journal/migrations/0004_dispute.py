"""A person's dispute of a signed journal entry, noted beside it and as permanent as the entry."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import core.fields
from core.immutability import immutable


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0003_triggers_by_the_one_helper"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="JournalDispute",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("public_id", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "disputed_by",
                    models.CharField(
                        choices=[
                            ("child", "Barnet"),
                            ("guardian", "Vårdnadshavare"),
                            ("other", "Annan person som uppgiften gäller"),
                        ],
                        max_length=20,
                        verbose_name="vem anser att uppgiften är felaktig",
                    ),
                ),
                ("disputed_by_name", core.fields.EncryptedTextField(blank=True, default="", verbose_name="namn")),
                ("statement", core.fields.EncryptedTextField(verbose_name="vad personen anser är felaktigt")),
                ("recorded_at", models.DateTimeField(verbose_name="antecknat")),
                (
                    "entry",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="disputes",
                        to="journal.journalentry",
                        verbose_name="journalanteckning",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
            options={
                "verbose_name": "invändning mot journalanteckning",
                "verbose_name_plural": "invändningar mot journalanteckningar",
                "ordering": ["recorded_at", "id"],
            },
        ),
        immutable("journal_journaldispute"),
    ]
