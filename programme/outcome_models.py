"""Outcomes of the programme (issue 14 point 8): what is known about the child at entry and 6, 12 and 24
months after entry and after the end, each fact against a field definition that is data, not code.

The fields are configurable because a national follow-up model is still to come: a field is retired (not
deleted or changed) so that old records keep their meaning, and a new one takes its place. A record is
append-only (migration 0009): a correction is a new record naming the one it corrects.

Nothing here ranks a child: the values are recorded facts and the child's own rating, stored by field and
code so that the committee's counts per occasion are one GROUP BY; no score is computed from them.
"""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.fields import EncryptedTextField
from programme.models import Participation


class FieldKind(models.TextChoices):
    YES_NO = "yes-no", _("Ja eller nej")
    COUNT = "count", _("Antal")
    DATE = "date", _("Datum")
    CHOICE = "choice", _("Val bland koder")
    SCALE_5 = "scale-5", _("Barnets egen skattning 1–5")
    SCALE_10 = "scale-10", _("Barnets egen skattning 0–10")
    TEXT = "text", _("Kort text")


SCALES: dict[str, range] = {FieldKind.SCALE_5: range(1, 6), FieldKind.SCALE_10: range(0, 11)}
COUNT_LIMIT = 999  # more than any child's count of anything in a period; a typo beyond it is refused
SHORT_TEXT = 200


class Occasion(models.TextChoices):
    """When outcomes are recorded: the `months` after entry or after the end (0: at entry)."""

    ENTRY = "entry", _("Vid start")
    ENTRY_6 = "entry-6", _("6 månader efter start")
    ENTRY_12 = "entry-12", _("12 månader efter start")
    ENTRY_24 = "entry-24", _("24 månader efter start")
    END_6 = "end-6", _("6 månader efter avslut")
    END_12 = "end-12", _("12 månader efter avslut")
    END_24 = "end-24", _("24 månader efter avslut")


class OutcomeSource(models.TextChoices):
    CHILD = "child", _("Barnet självt")
    GUARDIAN = "guardian", _("Vårdnadshavare")
    SCHOOL = "school", _("Skolan")
    RECORDS = "records", _("Handlingar och register")


class OutcomeField(models.Model):
    """One thing recorded at each occasion. `key` and `kind` never change once made (a trigger keeps them):
    a record's value means what its field meant. `choices`: for a coded choice, [[code, sv, en], ...]."""

    key = models.SlugField(_("nyckel"), max_length=40, unique=True)
    group = models.CharField(_("avsnitt"), max_length=40)  # the fieldset it is asked in, e.g. "school"
    label_sv = models.CharField(_("fråga"), max_length=200)
    label_en = models.CharField(_("fråga på engelska"), max_length=200)
    help_sv = models.CharField(_("hjälptext"), max_length=300, blank=True)
    help_en = models.CharField(_("hjälptext på engelska"), max_length=300, blank=True)
    kind = models.CharField(_("typ"), max_length=10, choices=FieldKind.choices)
    choices = models.JSONField(_("koder"), default=list, blank=True)
    position = models.PositiveSmallIntegerField(_("ordning"))
    valid_from = models.DateField(_("gäller från"))
    retired_on = models.DateField(_("används inte från"), null=True, blank=True)

    class Meta:
        verbose_name = _("utfallsfråga")
        verbose_name_plural = _("utfallsfrågor")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(retired_on__isnull=True) | Q(retired_on__gt=models.F("valid_from")),
                name="outcome_field_retired_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.key

    @property
    def english(self) -> bool:
        return (get_language() or "sv").startswith("en")

    @property
    def label(self) -> str:
        return self.label_en if self.english else self.label_sv

    @property
    def help(self) -> str:
        return self.help_en if self.english else self.help_sv

    def coded(self) -> list[tuple[str, str]]:
        """The choices as (code, label) in the reader's language."""
        return [(code, en if self.english else sv) for code, sv, en in self.choices]

    def in_use_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.retired_on is None or day < self.retired_on)


class OutcomeRecord(models.Model):
    """What was known at one occasion, from one main source, with the child's own words."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participation = models.ForeignKey(Participation, on_delete=models.PROTECT, related_name="outcomes")
    occasion = models.CharField(_("tillfälle"), max_length=10, choices=Occasion.choices)
    recorded_on = models.DateField(_("uppgifterna gäller"))
    source = models.CharField(_("källa"), max_length=10, choices=OutcomeSource.choices)
    child_words = EncryptedTextField(_("barnets egna ord om trygghet och mående"))
    corrects = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrected_by", verbose_name=_("rättar")
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("registrerad"), auto_now_add=True)

    class Meta:
        verbose_name = _("utfall")
        verbose_name_plural = _("utfall")
        ordering = ["recorded_on", "id"]
        indexes = [models.Index(fields=["participation", "occasion"], name="outcome_participation_occasion")]

    def __str__(self) -> str:
        return f"{self.participation_id} {self.occasion}"


class OutcomeValue(models.Model):
    """One field's value in a record, in the column its kind uses; a field left out is not known."""

    record = models.ForeignKey(OutcomeRecord, on_delete=models.PROTECT, related_name="values")
    field = models.ForeignKey(OutcomeField, on_delete=models.PROTECT, related_name="+")
    flag = models.BooleanField(null=True)  # yes-no
    number = models.SmallIntegerField(null=True)  # count, scales
    day = models.DateField(null=True)  # date
    code = models.CharField(max_length=40, blank=True)  # choice
    text = EncryptedTextField(blank=True, default="")  # short text: may name the child's school or work

    class Meta:
        ordering = ["record", "field__position", "field_id"]
        constraints = [models.UniqueConstraint(fields=["record", "field"], name="outcome_value_once_per_field")]

    def __str__(self) -> str:
        return f"{self.record_id} {self.field_id}"


class OutcomeReminder(models.Model):
    """That the worker was told an occasion is due: the unique row makes the notice go once."""

    participation = models.ForeignKey(Participation, on_delete=models.PROTECT, related_name="+")
    occasion = models.CharField(max_length=10, choices=Occasion.choices)
    due_on = models.DateField()
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participation", "occasion"], name="outcome_reminder_once"),
        ]

    def __str__(self) -> str:
        return f"{self.participation_id} {self.occasion}"
