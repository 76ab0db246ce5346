"""Printable documents (decisions, investigations) and the second-person check for protected persons.

A document about a child or a relative with protected personal data must not carry a protected datum
out of the system. So before such a document can be printed, a second authorised person confirms
that none is in it. The request, who asked, who confirmed and when are kept.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from decisions.models import Decision
from investigations.models import Investigation


class DocumentKind(models.TextChoices):
    DECISION = "decision", _("Beslut")
    INVESTIGATION = "investigation", _("Utredning")


class DocumentRequest(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="document_requests")
    kind = models.CharField(_("dokument"), max_length=20, choices=DocumentKind.choices)
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    investigation = models.ForeignKey(Investigation, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    # Decided when requested: the child or a relative of the child has protected personal data.
    needs_confirmation = models.BooleanField()
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("dokumentbeställning")
        verbose_name_plural = _("dokumentbeställningar")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="decision", decision__isnull=False, investigation__isnull=True))
                | Q(kind="investigation", investigation__isnull=False, decision__isnull=True),
                name="document_has_its_subject",
            ),
            models.CheckConstraint(
                condition=Q(confirmed_by__isnull=True) | ~Q(confirmed_by=F("requested_by")),
                name="document_confirmed_by_someone_else",
            ),
            models.CheckConstraint(
                condition=Q(confirmed_by__isnull=True, confirmed_at__isnull=True)
                | Q(confirmed_by__isnull=False, confirmed_at__isnull=False),
                name="document_confirmation_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.requested_at:%Y-%m-%d}"

    @property
    def may_print(self) -> bool:
        return not self.needs_confirmation or self.confirmed_at is not None
