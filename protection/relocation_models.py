"""Relocation and placement outside the municipality: the move, its handover to the receiving
municipality, and the conflict warning when rival young people would end up in the same place.

A conflict is recorded between two people the programme's restricted connections point at (never a
group, never a register of members): children connected to one side and children connected to the other
must not be placed in the same municipality or with the same provider. The warning says only that there
is a conflict, to the staff named for the destination; it names no one (`PlacementWarning`).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from core.fields import EncryptedTextField
from core.models import LegalBasis
from people.models import Person
from protection.destination_models import Destination


class Relocation(models.Model):
    """The child (and who moves with them) moves to a destination outside the municipality."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="relocations")
    destination = models.ForeignKey(Destination, on_delete=models.PROTECT, related_name="+")
    moved_on = models.DateField(_("flyttdag"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("omflyttning")
        verbose_name_plural = _("omflyttningar")
        ordering = ["-moved_on", "-id"]

    def __str__(self) -> str:
        return f"{self.case} {self.moved_on}"


class Handover(models.Model):
    """What was sent to the receiving municipality, under which legal basis or consent, to whom, when.
    Who received it is as secret as the destination (it names the municipality), so it is encrypted."""

    relocation = models.ForeignKey(Relocation, on_delete=models.PROTECT, related_name="handovers")
    sent_on = models.DateField(_("skickat"))
    what_sent = EncryptedTextField(_("vad som lämnades över"))
    recipient = EncryptedTextField(_("till vem"))
    legal_basis = models.ForeignKey(
        LegalBasis, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("lagrum")
    )
    consent_from = models.CharField(_("samtycke från"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("överlämning")
        verbose_name_plural = _("överlämningar")
        ordering = ["-sent_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(legal_basis__isnull=False) | ~Q(consent_from=""), name="handover_basis_or_consent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.relocation} {self.sent_on}"


class Conflict(models.Model):
    """Two people in conflict, as a source (mostly the police) says: restricted, with a source, a legal
    basis and an expiry, and withdrawn when wrong. Recorded by a defector specialist from a child's case."""

    first = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    second = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    source_note = models.CharField(_("källa"), max_length=300)
    legal_basis = models.ForeignKey(LegalBasis, on_delete=models.PROTECT, related_name="+")
    expires_on = models.DateField(_("gallras"))
    recorded_in = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("konflikt")
        verbose_name_plural = _("konflikter")
        constraints = [
            models.CheckConstraint(condition=~Q(first=F("second")), name="conflict_two_people"),
            models.CheckConstraint(condition=~Q(source_note=""), name="conflict_source_required"),
        ]

    def __str__(self) -> str:
        return str(_("Konflikt"))


class PlacementWarning(models.Model):
    """A planned destination would put the child where a child of the other side already is. Shown to the
    staff named for this child's destination; it names neither the other child nor the place."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="placement_warnings")
    destination = models.ForeignKey(Destination, on_delete=models.PROTECT, related_name="+")
    same_municipality = models.BooleanField(default=False)
    same_provider = models.BooleanField(default=False)
    raised_at = models.DateTimeField()
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acknowledged_note = models.TextField(_("vad som gjordes"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("varning inför placering")
        verbose_name_plural = _("varningar inför placering")
        ordering = ["-raised_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(same_municipality=True) | Q(same_provider=True), name="warning_has_ground"
            ),
        ]

    def __str__(self) -> str:
        return str(_("Varning inför placering"))
