from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Appeal(models.TextChoices):
    """How a decision resting on a provision can be challenged: what its appeal information must say."""

    COURT = "court", _("Kan överklagas till förvaltningsrätten")
    REFERRED = "referred", _("Kan inte överklagas; underställs förvaltningsrätten")
    NONE = "none", _("Kan inte överklagas")


class LegalBasis(models.Model):
    """One provision of law, valid for a period. Decisions, deadlines and disclosures point at a row.

    Never hard-code a paragraph: SoL (2001:453) was replaced by SoL (2025:400) on 1 July 2025 under
    new numbers. `key` names what the provision is for (e.g. "preliminary-assessment"), so the right
    row for a date is found by `core.legal.legal_basis_for(key, on=...)`.
    """

    key = models.SlugField(_("avser"), max_length=60)
    law = models.CharField(_("lag"), max_length=60)  # e.g. "SoL (2025:400)"
    provision = models.CharField(_("bestämmelse"), max_length=60)  # e.g. "20 kap. 2 §"
    title = models.CharField(_("rubrik"), max_length=200)
    valid_from = models.DateField(_("gäller från"))
    valid_to = models.DateField(_("gäller till och med"), null=True, blank=True)
    # False until someone has checked the provision against the statute text (see source).
    verified = models.BooleanField(_("kontrollerad mot lagtexten"), default=False)
    source = models.URLField(_("källa"), max_length=300, blank=True)
    # For provisions a decision rests on: whether, and under which provision, it can be appealed.
    appeal = models.CharField(_("överklagande"), max_length=20, choices=Appeal.choices, default=Appeal.NONE)
    appeal_provision = models.CharField(_("bestämmelse om överklagande"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("rättslig grund")
        verbose_name_plural = _("rättsliga grunder")
        ordering = ["key", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["key", "valid_from"], name="legal_basis_unique_start"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")), name="legal_basis_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provision} {self.law}"
