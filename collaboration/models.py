"""The disclosure register (utlämnanderegistret): what the committee told a partner about a child or a
relative, to whom, how, when, by whom and on which provision.

Append-only (migration 0002): a mistake is put right by a correction, a new row naming the one it corrects.
What was said, to whom and the secrecy assessment are free text about a child, so they are encrypted.
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


class RecipientKind(models.TextChoices):
    POLICE = "police", _("Polismyndigheten")
    SECURITY_POLICE = "security_police", _("Säkerhetspolisen")
    CUSTOMS = "customs", _("Tullverket")
    PROSECUTOR = "prosecutor", _("Åklagarmyndigheten")
    SCHOOL = "school", _("Skola")
    REGION = "region", _("Barn- och ungdomspsykiatrin eller annan del av regionen")
    MUNICIPALITY = "municipality", _("Annan kommun")
    PROVIDER = "provider", _("Utförare")
    OTHER = "other", _("Annan mottagare")


class Channel(models.TextChoices):
    ORAL = "oral", _("Muntligt, vid ett möte eller samtal")
    WRITTEN = "written", _("Skriftligt")


class Disclosure(models.Model):
    """One disclosure of secret information outside the committee, resting on one provision."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="disclosures")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("uppgifter om"))
    what = EncryptedTextField(_("vilka uppgifter som lämnades"))
    recipient_kind = models.CharField(_("mottagare"), max_length=20, choices=RecipientKind.choices)
    recipient = EncryptedTextField(_("mottagarens namn och enhet"))
    channel = models.CharField(_("hur"), max_length=10, choices=Channel.choices)
    disclosed_on = models.DateField(_("när"))
    legal_basis = models.ForeignKey(LegalBasis, on_delete=models.PROTECT, related_name="+", verbose_name=_("lagrum"))
    # The keys of the basis's conditions (`collaboration.bases`) the discloser confirmed held.
    conditions = models.JSONField(_("villkor som bekräftades"), default=list)
    assessment = EncryptedTextField(_("sekretessprövningen"))
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections", verbose_name=_("rättar")
    )
    disclosed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("utlämnande")
        verbose_name_plural = _("utlämnanden")
        ordering = ["-disclosed_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(corrects=F("id")), name="disclosure_not_its_own_correction"),
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.disclosed_on}"
