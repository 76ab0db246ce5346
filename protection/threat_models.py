"""The threat picture (hotbild): who is threatened, by whom in general terms, how much, from which source.

A threat picture is assessed on a day, mostly with the police, and reviewed by a set day. A new picture
replaces the last; none is changed (append-only, migration 0002). Who threatens is written in general
terms only ("a criminal network in the child's area"): never a named suspect outside police material.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from core.fields import EncryptedTextField
from people.models import Person


class ThreatLevel(models.TextChoices):
    """The police's four levels as the social services use them; ordered from lowest (`RANK`)."""

    LOW = "low", _("Låg")
    RAISED = "raised", _("Förhöjd")
    HIGH = "high", _("Hög")
    SEVERE = "severe", _("Mycket hög")


RANK = {level: position for position, level in enumerate(ThreatLevel)}


class ThreatSource(models.TextChoices):
    POLICE = "police", _("Polisens hotbedömning")
    CHILD = "child", _("Barnet själv")
    OTHER = "other", _("Annan källa")


class ThreatenedKind(models.TextChoices):
    CHILD = "child", _("Barnet")
    GUARDIAN = "guardian", _("Vårdnadshavare")
    SIBLING = "sibling", _("Syskon")
    OTHER = "other", _("Annan närstående")


class ThreatAssessment(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="threat_assessments")
    assessed_on = models.DateField(_("bedömd"))
    source = models.CharField(_("källa"), max_length=10, choices=ThreatSource.choices)
    source_note = models.CharField(_("om källan"), max_length=300)
    with_police = models.BooleanField(_("gjord tillsammans med polisen"), default=False)
    # By whom, in general terms only: no names (issue 15, point 1).
    threatened_by = models.CharField(_("hotet kommer från (allmänt hållet)"), max_length=300)
    review_on = models.DateField(_("ses över senast"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()
    replaces = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("ersätter")
    )

    class Meta:
        verbose_name = _("hotbild")
        verbose_name_plural = _("hotbilder")
        ordering = ["-assessed_on", "-recorded_at", "-id"]
        indexes = [models.Index(fields=["case", "assessed_on"], name="threat_case_day")]
        constraints = [
            models.CheckConstraint(condition=Q(review_on__gte=F("assessed_on")), name="threat_review_after"),
            models.CheckConstraint(condition=~Q(threatened_by=""), name="threat_by_whom_required"),
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.assessed_on}"


class ThreatenedPerson(models.Model):
    """One person the picture says is threatened, at a level. A relative is a `Person` of the case's
    relations, shown only to those who may see that person."""

    assessment = models.ForeignKey(ThreatAssessment, on_delete=models.PROTECT, related_name="threatened")
    kind = models.CharField(_("vem"), max_length=10, choices=ThreatenedKind.choices)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    level = models.CharField(_("nivå"), max_length=10, choices=ThreatLevel.choices)
    note = EncryptedTextField(_("om hotet mot personen"), blank=True)

    class Meta:
        verbose_name = _("hotad person")
        verbose_name_plural = _("hotade personer")
        ordering = ["assessment", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="child") | Q(person__isnull=False), name="threatened_relative_named"
            ),
            models.UniqueConstraint(fields=["assessment", "person"], name="threatened_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.get_level_display()}"
