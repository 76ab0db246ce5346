from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from access.fields import DigestField
from cases.models import Case
from people.models import Person


class AccessAction(models.TextChoices):
    VIEW = "view", _("Visning")
    LIST = "list", _("Lista")
    SEARCH = "search", _("Sökning")
    EXPORT = "export", _("Export")
    PRINT = "print", _("Utskrift")
    API = "api", _("API")
    WRITE = "write", _("Ändring")
    REFUSED = "refused", _("Ändring avvisad")
    EMERGENCY_START = "emergency", _("Nödåtkomst begärd")
    DENIED = "denied", _("Nekad")
    # A protected destination (where a child or a threatened relative lives now) was shown: its own
    # kind, so that the log reviewer sees every such view flagged (`access.review`).
    DESTINATION = "destination", _("Visning av skyddad vistelseort")


class AccessEvent(models.Model):
    """One read of personal data: who, in which role, what, when, from where, and why.

    Append-only: database triggers (`core.immutability`) refuse UPDATE and DELETE, on SQLite and PostgreSQL.
    A list or search writes one row per person shown, sharing the request id, so "who saw this child"
    is an index lookup. `mac` is an HMAC over the row with a key outside the database; seals chain the
    macs so a removed row is detectable (access.logchain). `key_id` names that key (its fingerprint,
    never the key) and is covered by the MAC; "" marks a row from before the key could be rotated.
    `mac_version` 2 marks a MAC that also covers the row's id, so a copy of a row under a new id does
    not verify; NULL marks a row written before that (access.log.event_mac).

    No foreign keys: the log must outlive accounts and records, and must never cascade.
    """

    occurred_at = models.DateTimeField(db_index=True)
    user_id = models.BigIntegerField(null=True)
    username = models.CharField(max_length=150)
    role = models.CharField(max_length=32)
    action = models.CharField(max_length=16, choices=AccessAction.choices)
    person_id = models.BigIntegerField(null=True)
    case_id = models.BigIntegerField(null=True)
    # What was shown: e.g. "person.detail", "case.overview", "person.search", "api.case".
    view_name = models.CharField(max_length=80)
    request_id = models.CharField(max_length=36)
    ip_address = models.GenericIPAddressField(null=True)
    reason = models.TextField(blank=True)
    emergency = models.BooleanField(default=False)
    mac = DigestField()
    key_id = models.CharField(max_length=16, blank=True, default="", db_default="")
    # Nullable with no default: adding it neither rebuilds the SQLite table (which would drop its
    # triggers) nor rewrites the PostgreSQL log (migration 0010).
    mac_version = models.SmallIntegerField(null=True)

    class Meta:
        verbose_name = _("åtkomsthändelse")
        verbose_name_plural = _("åtkomstlogg")
        indexes = [
            models.Index(fields=["person_id", "occurred_at"], name="accessevent_person_time"),
            models.Index(fields=["case_id", "occurred_at"], name="accessevent_case_time"),
            models.Index(fields=["user_id", "occurred_at"], name="accessevent_user_time"),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M:%S} {self.username} {self.action} {self.view_name}"


class AccessLogSeal(models.Model):
    """A sealed, chained digest over a contiguous id range of the access log. Append-only too.

    `key_id` names the access-log key of the digest, as on AccessEvent ("": from before rotation).
    """

    first_event_id = models.BigIntegerField()
    last_event_id = models.BigIntegerField()
    event_count = models.BigIntegerField()
    previous_digest = models.CharField(max_length=64)
    digest = models.CharField(max_length=64)
    sealed_at = models.DateTimeField()
    key_id = models.CharField(max_length=16, blank=True, default="", db_default="")

    class Meta:
        ordering = ["last_event_id"]
        constraints = [
            models.UniqueConstraint(fields=["first_event_id"], name="seal_unique_start"),
            models.CheckConstraint(
                condition=models.Q(last_event_id__gte=models.F("first_event_id")), name="seal_range_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"seal {self.first_event_id}–{self.last_event_id}"


class EmergencyAccess(models.Model):
    """Break-the-glass access to a case outside one's team: written reason, time-limited, reviewed."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="emergency_accesses")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="emergency_accesses")
    reason = models.TextField(_("skäl"), max_length=2000)
    started_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("granskningens resultat"), blank=True, max_length=2000)
    # The unit manager's second path to a protected child's case in their own unit when nobody named
    # for the child can be reached (`access.services.protected_access_start`). Ordinary emergency access
    # never lifts protected identity; this does, for the child alone, and the address only when
    # `shows_address` (the reason must say why). Reviewed by a log reviewer, never by a manager.
    lifts_protection = models.BooleanField(_("öppnar skyddade personuppgifter"), default=False)
    shows_address = models.BooleanField(_("visar adress och telefon"), default=False)

    class Meta:
        verbose_name = _("nödåtkomst")
        verbose_name_plural = _("nödåtkomster")
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["user", "expires_at"], name="emergency_user_expiry")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("started_at")), name="emergency_expires_later"
            ),
            models.CheckConstraint(condition=~models.Q(reason=""), name="emergency_reason_required"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.case} ({self.started_at:%Y-%m-%d %H:%M})"


class ProtectedIdentityAuthorization(models.Model):
    """Names a member of staff who may see a person with protected personal data."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="protected_authorizations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="protected_authorizations"
    )
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField()
    # Who named whom and who withdrew it, kept after withdrawal.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("behörighet till skyddad person")
        verbose_name_plural = _("behörigheter till skyddade personer")
        constraints = [models.UniqueConstraint(fields=["person", "user"], name="protected_authorization_unique")]

    def __str__(self) -> str:
        return f"{self.user} → {self.person}"


class CaseMember(models.Model):
    """Staff of another team of the case's unit, named by the unit manager to work in the case.

    The defector specialist and the open-care team work with children whose cases another team holds.
    Need-to-know is still the case's own team; a member is let in one case at a time, with a written
    reason, until a day (Lincolnshire's "involved worker" is six months), and the naming and its end are
    kept. A member sees and changes the case as their role may (`access.permissions`); a protected child
    still needs the member to be named for the child as well.
    """

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_memberships")
    reason = models.TextField(_("skäl"), max_length=2000)
    named_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    named_at = models.DateTimeField()
    expires_on = models.DateField(_("till och med"))
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("personal från annat team i ärendet")
        verbose_name_plural = _("personal från andra team i ärendet")
        ordering = ["-named_at"]
        indexes = [models.Index(fields=["user", "expires_on"], name="case_member_user_expiry")]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "user"], condition=models.Q(withdrawn_at__isnull=True), name="case_member_one_live"
            ),
            models.CheckConstraint(condition=~models.Q(reason=""), name="case_member_reason_required"),
        ]

    def __str__(self) -> str:
        return f"{self.user} i {self.case} till {self.expires_on}"

    @property
    def is_live(self) -> bool:
        return self.withdrawn_at is None and self.expires_on >= timezone.localdate()


class DestinationNaming(models.Model):
    """Staff named by the unit manager to know where a child in a case is protected: the destination of
    a skyddat boende, a placement or a relocation, and the addresses of relatives under threat.

    Nobody knows a destination by role or team alone, not the case's own worker and not the unit manager:
    a leaked address can get a child killed, so the few who must know are named, with a reason, and the
    naming and its end are kept. Never through emergency access.
    """

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="destination_namings")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="destination_namings")
    reason = models.TextField(_("skäl"), max_length=2000)
    named_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    named_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("namngiven för skyddad vistelseort")
        verbose_name_plural = _("namngivna för skyddad vistelseort")
        ordering = ["-named_at"]
        indexes = [models.Index(fields=["user", "case"], name="destination_naming_user_case")]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "user"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="destination_naming_one_live",
            ),
            models.CheckConstraint(condition=~models.Q(reason=""), name="destination_naming_reason_required"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.case}"
