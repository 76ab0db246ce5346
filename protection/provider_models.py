"""The register of providers a child may be placed with: organisation number, IVO permit and its date,
contract, follow-ups. Ready for the control of outside providers that dir. 2025:53 proposes.

A private skyddat boende needs IVO's permit (since 1 April 2024); a municipality's own is reported to IVO
instead (`own_operation`). A measure names a provider only if the permit is valid on the day it starts.
The register names no child; which provider a child is with is a destination (`Destination.provider`).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ProviderKind(models.TextChoices):
    SHELTER = "shelter", _("Skyddat boende")
    HVB = "hvb", _("Hem för vård eller boende (HVB)")
    FAMILY_HOME = "family-home", _("Konsulentstödd familjehemsverksamhet")
    SUPPORTED_HOUSING = "supported", _("Stödboende")
    OTHER = "other", _("Annan verksamhet")


class Provider(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("namn"), max_length=200)
    org_number = models.CharField(_("organisationsnummer"), max_length=11, unique=True)
    kind = models.CharField(_("verksamhet"), max_length=20, choices=ProviderKind.choices)
    own_operation = models.BooleanField(_("kommunens egen verksamhet, anmäld till IVO"), default=False)
    ivo_permit = models.CharField(_("IVO:s tillståndsnummer"), max_length=40, blank=True)
    ivo_permit_from = models.DateField(_("tillståndet gäller från"), null=True, blank=True)
    ivo_permit_to = models.DateField(_("tillståndet gäller till och med"), null=True, blank=True)
    contract_from = models.DateField(_("avtal från"), null=True, blank=True)
    contract_to = models.DateField(_("avtal till och med"), null=True, blank=True)
    active = models.BooleanField(_("används"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("utförare")
        verbose_name_plural = _("utförare")
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(own_operation=True) | (~Q(ivo_permit="") & Q(ivo_permit_from__isnull=False)),
                name="provider_permit_or_own",
            ),
            models.CheckConstraint(
                condition=Q(ivo_permit_to__isnull=True) | Q(ivo_permit_to__gte=F("ivo_permit_from")),
                name="provider_permit_period",
            ),
            models.CheckConstraint(
                condition=Q(contract_to__isnull=True)
                | Q(contract_from__isnull=False) & Q(contract_to__gte=F("contract_from")),
                name="provider_contract_period",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class FollowUpKind(models.TextChoices):
    CONTRACT = "contract", _("Avtalsuppföljning")
    QUALITY = "quality", _("Kvalitetsuppföljning")
    VISIT = "visit", _("Besök")
    IVO = "ivo", _("IVO:s tillsyn")


class ProviderFollowUp(models.Model):
    """A follow-up of a provider: append-only (migration 0002), a later one says what changed."""

    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="follow_ups")
    kind = models.CharField(_("slag"), max_length=10, choices=FollowUpKind.choices)
    done_on = models.DateField(_("gjord"))
    findings = models.TextField(_("iakttagelser"), max_length=4000)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("uppföljning av utförare")
        verbose_name_plural = _("uppföljningar av utförare")
        ordering = ["-done_on", "-id"]
        constraints = [models.CheckConstraint(condition=~Q(findings=""), name="provider_follow_up_findings")]

    def __str__(self) -> str:
        return f"{self.provider} {self.done_on}"
