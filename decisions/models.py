"""Decisions (beslut): what was decided, on which legal basis, by whom under the delegation order.

A decision is recorded signed and never changes: the database refuses UPDATE and DELETE (migration
0002). A mistake is put right by a new decision that names the one it corrects.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from core.fields import EncryptedTextField
from core.models import LegalBasis
from delegation.models import DecisionKind, DelegationItem

# The standard texts (FL 33 §), filled with the provision the decision's legal basis names.
APPEALABLE = _(
    "Beslutet kan överklagas till förvaltningsrätten (%(provision)s). Skriv vilket beslut du överklagar och "
    "hur du vill att det ska ändras. Överklagandet ska ha kommit in till socialnämnden inom tre veckor från "
    "den dag du fick del av beslutet (44 § förvaltningslagen)."
)
REFERRED = _(
    "Beslutet kan inte överklagas (%(provision)s). Socialnämnden underställer det förvaltningsrätten inom en "
    "vecka, och rätten prövar om det ska fastställas."
)
NOT_APPEALABLE = _("Beslutet kan inte överklagas genom förvaltningsbesvär (%(provision)s).")


class Decision(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("ärende"))
    kind = models.CharField(_("beslutstyp"), max_length=30, choices=DecisionKind.choices)
    legal_basis = models.ForeignKey(LegalBasis, on_delete=models.PROTECT, related_name="+", verbose_name=_("lagrum"))
    delegation = models.ForeignKey(
        DelegationItem, on_delete=models.PROTECT, related_name="+", verbose_name=_("delegation")
    )
    decided_by_name = models.CharField(_("beslutsfattare"), max_length=200)
    decided_on = models.DateField(_("beslutsdatum"))
    # When the decision was carried out (LVU 6 §: the four weeks of 8 § run from this day).
    executed_on = models.DateField(_("verkställt"), null=True, blank=True)
    reasons = EncryptedTextField(_("skäl"))
    appeal_information = models.TextField(_("hur man överklagar"), max_length=2000)
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("rättar beslut"),
    )
    investigation = models.ForeignKey(
        "investigations.Investigation", on_delete=models.PROTECT, null=True, blank=True, related_name="decisions"
    )
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField(_("signerat"))

    class Meta:
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")
        ordering = ["decided_on", "signed_at", "id"]
        indexes = [models.Index(fields=["case", "decided_on"], name="decision_case_day")]
        constraints = [
            models.CheckConstraint(
                condition=Q(executed_on__isnull=True) | Q(executed_on__gte=models.F("decided_on")),
                name="decision_executed_after_decided",
            ),
            models.CheckConstraint(condition=~Q(decided_by_name=""), name="decision_has_decider"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.decided_on}"
