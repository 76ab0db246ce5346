"""Barnavårdsutredning: four months from the day it was opened, longer only by a recorded extension.

JO (2565-2016, 2411-2017): closing an investigation and opening a new one on the same question does
not restart the clock. `continues` links the new one to the old; it then inherits the old clock and
is flagged to the unit manager.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from core.fields import EncryptedTextField


class ChildParticipation(models.TextChoices):
    HEARD = "heard", _("Barnet har framfört sina åsikter")
    DECLINED = "declined", _("Barnet har avböjt att framföra åsikter")
    NOT_POSSIBLE = "not-possible", _("Barnet har inte kunnat höras")


class InvestigationOutcome(models.TextChoices):
    MEASURES = "measures", _("Avslutad med insats")
    NO_MEASURES = "no-measures", _("Avslutad utan insats")
    LVU = "lvu", _("Avslutad med ansökan om vård enligt LVU")
    DISCONTINUED = "discontinued", _("Nedlagd (t.ex. flyttat)")


class Investigation(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="investigations", verbose_name=_("ärende"))
    question = models.CharField(_("utredningens fråga"), max_length=300)
    opened_on = models.DateField(_("inledd"))
    # The day the clock runs from: `opened_on`, or the original investigation's when this one continues it.
    clock_started_on = models.DateField(_("fristen räknas från"))
    continues = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="continuations",
        verbose_name=_("fortsätter utredning"),
    )
    new_question_reason = models.TextField(_("varför det är en ny fråga"), blank=True, max_length=2000)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    child_participation = models.CharField(
        _("barnets delaktighet"), max_length=20, choices=ChildParticipation.choices, blank=True
    )
    child_views = EncryptedTextField(
        _("barnets åsikter, eller hur barnets inställning annars klarlagts"), blank=True, default=""
    )
    child_read_and_commented = models.BooleanField(
        _("barnet (15 år eller äldre) har läst och kommenterat"), default=False
    )
    # 20 kap. 4 § SoL: those concerned are told at once that the investigation has opened, unless
    # there are particular reasons not to (`investigations.notice`). One or the other, once.
    concerned_informed_on = models.DateField(_("de som berörs informerades"), null=True, blank=True)
    concerned_informed = models.CharField(_("vilka som informerades och hur"), max_length=300, blank=True)
    concerned_not_informed_reason = EncryptedTextField(_("särskilda skäl att inte informera"), blank=True, default="")
    # When either was recorded: lets the case page say which without decrypting the reasons.
    concerned_notice_recorded_at = models.DateTimeField(null=True, blank=True, editable=False)
    completed_on = models.DateField(_("avslutad"), null=True, blank=True)
    outcome = models.CharField(_("utfall"), max_length=20, choices=InvestigationOutcome.choices, blank=True)
    summary = EncryptedTextField(_("sammanfattning och bedömning"), blank=True, default="")

    class Meta:
        verbose_name = _("utredning")
        verbose_name_plural = _("utredningar")
        ordering = ["opened_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(clock_started_on__lte=F("opened_on")), name="investigation_clock_not_later"
            ),
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True) | Q(completed_on__gte=F("opened_on")),
                name="investigation_completed_after_opened",
            ),
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True, outcome="") | (Q(completed_on__isnull=False) & ~Q(outcome="")),
                name="investigation_outcome_when_completed",
            ),
            models.UniqueConstraint(
                fields=["case"], condition=Q(completed_on__isnull=True), name="investigation_one_open_per_case"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question} ({self.opened_on})"

    @property
    def is_open(self) -> bool:
        return self.completed_on is None
