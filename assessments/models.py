"""Structured assessment as data: instruments (domains, items, rating scales, version, licence) and the
assessments made with them.

An instrument is data, loaded once per version and never changed (migration 0003): an assessment names
the version it was made with, so what it meant stays readable. A licensed instrument's item text lives
only in the licensee's database (`load_instrument`), never in the repository.

An assessment supports the worker's professional judgement and informs the plan. It has no total, no
sum across domains and nothing that ranks children: each item keeps its own rating, and change is
shown per domain for one child over time. Assessments and ratings are append-only; a correction is a
new assessment that names what it corrects.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from core.fields import EncryptedTextField


class Licence(models.TextChoices):
    OPEN = "open", _("Öppet: vår egen formulering av offentliga beskrivningar")
    LICENSED = "licensed", _("Licensierat: texten finns bara i licenstagarens databas")


class Respondent(models.TextChoices):
    WORKER = "worker", _("Handläggaren")
    CHILD = "child", _("Barnet själv")


class Instrument(models.Model):
    key = models.SlugField(_("nyckel"), max_length=60)
    version = models.CharField(_("version"), max_length=20)
    name = models.CharField(_("namn"), max_length=200)
    licence = models.CharField(_("licens"), max_length=20, choices=Licence.choices)
    # Where the descriptions come from, and for an open instrument that the wording is ours.
    source = models.TextField(_("källa"))
    loaded_at = models.DateTimeField(_("inläst"), auto_now_add=True)

    class Meta:
        verbose_name = _("bedömningsinstrument")
        verbose_name_plural = _("bedömningsinstrument")
        ordering = ["key", "version"]
        constraints = [models.UniqueConstraint(fields=["key", "version"], name="instrument_key_version")]

    def __str__(self) -> str:
        return f"{self.name} ({self.version})"

    @property
    def is_licensed(self) -> bool:
        return self.licence == Licence.LICENSED


class Scale(models.Model):
    """The values an item may be rated with, each with its label. An item without a scale takes words only."""

    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="scales")
    key = models.SlugField(_("nyckel"), max_length=60)
    name = models.CharField(_("namn"), max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["instrument", "key"], name="scale_key_per_instrument")]

    def __str__(self) -> str:
        return self.name


class ScaleValue(models.Model):
    scale = models.ForeignKey(Scale, on_delete=models.PROTECT, related_name="values")
    value = models.SmallIntegerField(_("värde"))
    label = models.CharField(_("betydelse"), max_length=200)
    position = models.PositiveSmallIntegerField(_("ordning"))

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["scale", "value"], name="scale_value_once")]

    def __str__(self) -> str:
        return f"{self.value} {self.label}"


class Domain(models.Model):
    """A domain of the instrument (a BBIC dimension, an area of risk and protective factors, a part of the
    child's own view), grouped under its `area` (BBIC's three sides of the triangle, for instance)."""

    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="domains")
    key = models.SlugField(_("nyckel"), max_length=60)
    area = models.CharField(_("område"), max_length=200)
    name = models.CharField(_("namn"), max_length=200)
    position = models.PositiveSmallIntegerField(_("ordning"))

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["instrument", "key"], name="domain_key_per_instrument")]

    def __str__(self) -> str:
        return self.name


class Item(models.Model):
    """One thing rated, by a stable id. `text` is empty for a licensed instrument loaded from the repository
    and filled only from the licensee's own file."""

    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="items")
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="items")
    key = models.SlugField(_("nyckel"), max_length=60)
    respondent = models.CharField(_("vem som svarar"), max_length=20, choices=Respondent.choices)
    scale = models.ForeignKey(Scale, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    required = models.BooleanField(_("måste besvaras"), default=False)
    text = models.TextField(_("text"), blank=True)
    position = models.PositiveSmallIntegerField(_("ordning"))

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["instrument", "key"], name="item_key_per_instrument")]

    def __str__(self) -> str:
        return self.key


class ChildPart(models.TextChoices):
    """Whether the child gave their own view. Taking part is the child's choice, so declining is recorded,
    never forced; not asking needs a reason."""

    ANSWERED = "answered", _("Barnet svarade själv")
    DECLINED = "declined", _("Barnet ville inte svara")
    NOT_ASKED = "not-asked", _("Barnet tillfrågades inte")


class Assessment(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("ärende"))
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="assessments")
    assessed_on = models.DateField(_("bedömningsdag"))
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("registrerad"), auto_now_add=True)
    child_part = models.CharField(_("barnets egen del"), max_length=20, choices=ChildPart.choices, blank=True)
    child_part_note = EncryptedTextField(_("om barnets egen del"), blank=True, default="")
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections", verbose_name=_("rättar")
    )
    correction_reason = EncryptedTextField(_("vad som rättas"), blank=True, default="")

    class Meta:
        verbose_name = _("bedömning")
        verbose_name_plural = _("bedömningar")
        ordering = ["assessed_on", "id"]
        constraints = [
            # One correction per assessment: a later mistake is corrected in the correction itself.
            models.UniqueConstraint(fields=["corrects"], name="assessment_corrected_once"),
        ]

    def __str__(self) -> str:
        return f"{self.instrument} {self.assessed_on}"


class Rating(models.Model):
    """One item's rating in one assessment: a value of the item's scale and/or words. For the child's items,
    the value and the words are the child's own."""

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="ratings")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    value = models.SmallIntegerField(_("värde"), null=True, blank=True)
    comment = EncryptedTextField(_("kommentar"), blank=True, default="")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item"], name="rating_once_per_item"),
        ]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.value}"
