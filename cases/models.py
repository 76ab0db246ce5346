import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.models import Team
from people.models import Person


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Öppet")
    CLOSED = "closed", _("Avslutat")


class ClosureReason(models.TextChoices):
    NO_INVESTIGATION = "no-investigation", _("Ingen utredning inleddes")
    NO_MEASURES = "no-measures", _("Utredning utan insats")
    MEASURES_COMPLETED = "measures-completed", _("Insatserna är avslutade")
    MOVED = "moved", _("Barnet har flyttat till annan kommun")
    AGE = "age", _("Barnet har nått övre åldersgräns")
    DECLINED = "declined", _("Barnet eller vårdnadshavare tackar nej")
    OTHER = "other", _("Annat skäl")


class ClosureOutcome(models.TextChoices):
    GOALS_MET = "met", _("Målen uppnådda")
    PARTLY_MET = "partly", _("Målen delvis uppnådda")
    NOT_MET = "not-met", _("Målen inte uppnådda")
    NOT_APPLICABLE = "n/a", _("Inga mål fastställda")


class Case(models.Model):
    """An ärende about one child, held by a responsible team and worker."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(_("diarienummer"), max_length=40, unique=True)
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="cases", verbose_name=_("barn"))
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="cases", verbose_name=_("team"))
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="responsible_cases",
        verbose_name=_("ansvarig handläggare"),
    )
    status = models.CharField(_("status"), max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    opened_at = models.DateTimeField(_("öppnat"))
    closed_at = models.DateTimeField(_("avslutat"), null=True, blank=True)
    summary = models.TextField(_("sammanfattning"), blank=True, max_length=4000)
    closure_reason = models.CharField(_("skäl till avslut"), max_length=20, choices=ClosureReason.choices, blank=True)
    closure_outcome = models.CharField(_("utfall"), max_length=10, choices=ClosureOutcome.choices, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ärende")
        verbose_name_plural = _("ärenden")
        ordering = ["-opened_at"]
        indexes = [models.Index(fields=["team", "status"], name="case_team_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True) | Q(closed_at__gte=models.F("opened_at")),
                name="case_closed_after_opened",
            ),
            models.CheckConstraint(
                condition=Q(status="open") | (~Q(closure_reason="") & ~Q(closure_outcome="")),
                name="case_closed_with_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class CaseReferenceCounter(models.Model):
    """The last case number handed out per year, locked while numbers are allocated."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"
