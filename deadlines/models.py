"""Every statutory clock of a case as a row, so the work queue is one indexed query.

A deadline is created the moment the event that starts its clock is recorded (a signal received, an
investigation opened, an LVU decision taken). It is met by the act the law asks for, cancelled when the
law no longer asks for it (with the reason), or extended by a recorded extension. It is never deleted.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cases.models import Case
from core.models import LegalBasis


class DeadlineKind(models.TextChoices):
    PROTECTION_ASSESSMENT = "protection", _("Omedelbar skyddsbedömning")
    PRELIMINARY_ASSESSMENT = "preliminary", _("Förhandsbedömning")
    APPLICATION_INVESTIGATION = "application", _("Inleda utredning av ansökan")
    REPORTER_FEEDBACK = "feedback", _("Återkoppling till anmälaren")
    INVESTIGATION = "investigation", _("Utredning klar")
    INVESTIGATION_NOTICE = "inv-notice", _("Informera de som berörs om att utredningen inletts")
    LVU_COURT_REFERRAL = "lvu-referral", _("Underställning till förvaltningsrätten (7 § LVU)")
    LVU_CARE_APPLICATION = "lvu-application", _("Ansökan om vård (8 § LVU)")
    LVU_REVIEW = "lvu-review", _("Övervägande/omprövning av LVU-vård")
    # The party's three weeks (44 § FL). When they have run out, the committee records whether the
    # decision was appealed or has gained legal force; so it is a clock, but nobody is late the morning after.
    APPEAL_PERIOD = "appeal", _("Överklagandetid")
    # Protection (`protection`): the police placed the child before the committee could decide.
    POLICE_PLACEMENT_DECISION = "police-placement", _("Nämndens eget beslut efter polisens placering")
    SHELTER_COURT_REFERRAL = "shelter-referral", _("Underställning av omedelbart skyddat boende")
    SHELTER_APPLICATION = "shelter-application", _("Ansökan om skyddat boende hos förvaltningsrätten")
    SHELTER_REVIEW = "shelter-review", _("Övervägande av skyddat boende")
    LVU_SECRET_REVIEW = "lvu-14-review", _("Övervägande av hemlig vistelseort (14 § LVU)")


# Clocks that run out at the end of someone else's time: reminded, never escalated.
NOT_ESCALATED = frozenset({DeadlineKind.APPEAL_PERIOD})


class Deadline(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="deadlines", verbose_name=_("ärende"))
    kind = models.CharField(_("frist"), max_length=20, choices=DeadlineKind.choices)
    legal_basis = models.ForeignKey(
        LegalBasis, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("rättslig grund")
    )
    # What started the clock (e.g. "Anmälan kom in 2026-06-19 21:40"); the rows behind it link here.
    started_on = models.DateField(_("räknas från"))
    due_on = models.DateField(_("senast"))
    subject = models.CharField(_("avser"), max_length=200)
    # Set by the services of the app whose record started the clock (signal, investigation, decision).
    source = models.CharField(max_length=40, editable=False)
    met_at = models.DateTimeField(_("klar"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("avskriven"), null=True, blank=True)
    cancel_reason = models.CharField(_("skäl till avskrivning"), max_length=300, blank=True)
    escalated_at = models.DateTimeField(_("eskalerad till chef"), null=True, blank=True)
    # The first day the clock ran out unmet, kept when it is extended afterwards: a late extension
    # never makes a missed clock look as if it had been met (JO has criticised extensions decided late).
    missed_due_on = models.DateField(_("missad frist"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tidsfrist")
        verbose_name_plural = _("tidsfrister")
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["case", "due_on"], name="deadline_case_due"),
            models.Index(fields=["source"], name="deadline_source"),
            models.Index(
                fields=["due_on"], name="deadline_open_due", condition=Q(met_at__isnull=True, cancelled_at__isnull=True)
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(due_on__gte=F("started_on")), name="deadline_due_after_start"),
            models.CheckConstraint(
                condition=Q(met_at__isnull=True) | Q(cancelled_at__isnull=True), name="deadline_met_or_cancelled"
            ),
            models.CheckConstraint(
                condition=Q(cancelled_at__isnull=True) | ~Q(cancel_reason=""), name="deadline_cancel_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.due_on}"

    @property
    def is_open(self) -> bool:
        return self.met_at is None and self.cancelled_at is None


class Extension(models.Model):
    """A deadline moved later, with the reason the law asks for (synnerliga/särskilda skäl)."""

    deadline = models.ForeignKey(Deadline, on_delete=models.PROTECT, related_name="extensions")
    previous_due_on = models.DateField(_("tidigare senast"))
    new_due_on = models.DateField(_("ny senast"))
    reason = models.TextField(_("skäl"), max_length=2000)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("beslutat"))
    # The day the extension was decided in law when that is not the day it was recorded: a court's
    # ruling (8 § andra stycket LVU) is recorded when its judgment reaches the social services, and its
    # lateness is the court's day, not ours. Nullable with no default: the table is append-only, and
    # SQLite would rebuild it (dropping its triggers) to add a column with a default.
    decided_on = models.DateField(_("beslutsdag"), null=True, blank=True)

    class Meta:
        verbose_name = _("förlängning")
        verbose_name_plural = _("förlängningar")
        ordering = ["decided_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(new_due_on__gt=F("previous_due_on")), name="extension_moves_later"),
            models.CheckConstraint(condition=~Q(reason=""), name="extension_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.previous_due_on} → {self.new_due_on}"

    @property
    def days_late(self) -> int:
        """Days after the clock ran out that the extension was decided (0 when it was decided in time)."""
        decided = self.decided_on or timezone.localdate(self.decided_at)
        return max(0, (decided - self.previous_due_on).days)


class NoticeKind(models.TextChoices):
    REMINDER = "reminder", _("Påminnelse")
    ESCALATION = "escalation", _("Försenad frist")
    REOPENED = "reopened", _("Utredning återöppnad i samma fråga")
    DETENTION = "detention", _("Frihetsberövande")
    ROUTED = "routed", _("Aktualisering till ert team")
    # To unit managers: a protected child's signal reached a team where nobody is named for the child.
    # Shown without the child's name, since the manager may not be named either.
    PROTECTED_UNNAMED = "protected_unnamed", _("Skyddat barn utan namngiven personal")
    LATE_EXTENSION = "late_extension", _("Frist förlängd i efterhand")
    # To the staff named for a protected child: a unit manager opened the child's case by the second path.
    PROTECTED_OPENED = "protected_opened", _("Skyddat barns ärende öppnat av enhetschef")
    # To a member of another team: the unit manager named them to work in the case.
    CASE_MEMBER = "case_member", _("Du har utsetts att arbeta i ärendet")
    # To the worker of a child in the programme: something happened to a person the child is connected
    # to, so the child may be open to leaving. Names nobody; the child's programme page says what.
    MOTIVATION_WINDOW = "motivation_window", _("Möjligt motivationsfönster")
    # To the worker of a child in the programme: an outcome occasion (6, 12, 24 months) is due and nothing
    # is recorded. Names no value; the participation's outcomes page says which occasion.
    OUTCOME_DUE = "outcome_due", _("Uppföljning av utfall att registrera")
    # To the responsible worker and the defector specialists named to the case: a threat's level
    # changed. Names nobody; the protection page says who is threatened and how much.
    THREAT_CHANGED = "threat_changed", _("Hotbilden har ändrats")
    # To the staff named for the destination: a conflict warning about a planned placement. Names nobody.
    PLACEMENT_CONFLICT = "placement_conflict", _("Varning inför placering")
    # To someone the unit manager named for the case's protected destination: they may now see it. Names
    # no place; the destination page shows it, as a logged view of its own.
    DESTINATION_NAMED = "destination_named", _("Du har namngetts för den skyddade vistelseorten")
    # To the on-call team (socialjouren): a request for contact came in on the public page out of office hours.
    # Shown without the child's name, since the on-call worker may not see the case; emergency access opens it.
    WEB_CONTACT_AFTER_HOURS = "web_after_hours", _("Kontaktförfrågan via webben utanför kontorstid")
    # To the worker of a case: the day set for following up a meeting item has come. Names nobody beyond the
    # case; the case's meetings page says which meeting and what was decided.
    MEETING_FOLLOW_UP = "meeting_follow_up", _("Uppföljning efter samverkansmöte")


# Notices shown even about a case the recipient may not see, and so without the child's name.
NAMELESS_NOTICES = (NoticeKind.PROTECTED_UNNAMED, NoticeKind.WEB_CONTACT_AFTER_HOURS)


class Notice(models.Model):
    """Something a named person must see: a reminder, an escalation to the unit manager, a flag."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="notices")
    kind = models.CharField(max_length=20, choices=NoticeKind.choices)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="+")
    deadline = models.ForeignKey(Deadline, on_delete=models.PROTECT, null=True, related_name="notices")
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("avisering")
        verbose_name_plural = _("aviseringar")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notice_recipient_unread")]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "deadline", "kind"],
                condition=Q(deadline__isnull=False),
                name="notice_once_per_deadline",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient_id}"
