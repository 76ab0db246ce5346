import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportKind(models.TextChoices):
    DELEGATION = "delegation", _("Anmälan av delegationsbeslut")
    ACCESS_LOG = "access_log", _("Utdrag ur åtkomstloggen")


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("Väntar på att starta")
    RUNNING = "running", _("Pågår")
    READY = "ready", _("Klar att hämta")
    FAILED = "failed", _("Misslyckades")
    DOWNLOADED = "downloaded", _("Hämtad")
    EXPIRED = "expired", _("Har gått ut")


class ExportFailure(models.TextChoices):
    """Why an export made no file, in the words its page shows."""

    REFUSED = "refused", _("Du har inte längre behörighet till uppgifterna. Ingen fil skapades.")
    ERROR = "error", _("Något gick fel när filen skapades. Försök igen, och kontakta förvaltningen om det upprepas.")
    ABANDONED = "abandoned", _("Arbetet avbröts innan filen blev klar. Försök igen.")


# A running export that has not moved on for this long has lost its worker (django-tasks-db does not
# retry): its page says so instead of showing progress for ever, and `expire_exports` marks it failed.
STALLED_AFTER = timedelta(minutes=10)


class Export(models.Model):
    """A CSV file asked for by one user, made by the task worker (`reports.tasks.run_export`).

    The file is downloadable once, by the user who asked, until `expires_at`; then it is removed from
    `settings.EXPORT_DIR`. The row stays, so the user and the log reviewer can see that it was made.
    The task gets this row's id only: task arguments are stored in clear. `parameters` holds what was
    asked (a period, a log question with internal person and case ids), never an identity number.
    The request's id, address and language go with it, so the worker logs and writes as the request.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=16, choices=ExportKind.choices)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="exports")
    requested_at = models.DateTimeField()
    request_id = models.CharField(max_length=36)
    ip_address = models.GenericIPAddressField(null=True)
    language = models.CharField(max_length=8)
    parameters = models.JSONField()
    status = models.CharField(max_length=16, choices=ExportStatus.choices, default=ExportStatus.QUEUED)
    failure = models.CharField(max_length=16, choices=ExportFailure.choices, blank=True)
    rows_total = models.PositiveIntegerField(null=True)
    rows_done = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True)
    progressed_at = models.DateTimeField(null=True)
    finished_at = models.DateTimeField(null=True)
    expires_at = models.DateTimeField()
    downloaded_at = models.DateTimeField(null=True)
    # The file's name in EXPORT_DIR: random, so it says nothing about what is in it.
    file_name = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exporter")
        ordering = ["-requested_at"]
        indexes = [
            models.Index(fields=["requested_by", "requested_at"], name="export_requester_time"),
            models.Index(fields=["status", "expires_at"], name="export_status_expiry"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.public_id} ({self.status})"

    def stalled(self, now: datetime) -> bool:
        since = self.progressed_at or self.requested_at
        return self.status == ExportStatus.RUNNING and since < now - STALLED_AFTER

    @property
    def in_progress(self) -> bool:
        return self.status in {ExportStatus.QUEUED, ExportStatus.RUNNING}
