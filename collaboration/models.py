"""The disclosure register (utlämnanderegistret): what the committee told a partner about a child or a
relative, to whom, how, when, by whom and on which provision; and the consent ledger (samtyckesregistret):
who consented to what being disclosed to which partner, for what purpose.

Append-only (migrations 0002, 0003): a mistake is put right by a correction, a new row naming the one it
corrects; a consent is withdrawn once, with a day, and otherwise stays as it was recorded. What was said,
to whom, what a consent covers and why are free text about a child, so they are encrypted.
"""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext, ngettext
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


class ConsentForm(models.TextChoices):
    ORAL = "oral", _("Muntligt")
    WRITTEN = "written", _("Skriftligt, på papper")
    DIGITAL = "digital", _("Digitalt")


class PartnerConsent(models.Model):
    """One person's consent that the committee may disclose information about a person to one partner.

    `person`: whom the information is about (the child or a relative of the child in the case); `given_by`:
    the person themself, or a guardian with custody of the child (OSL 12 kap. 2 and 3 §§, föräldrabalken 6 kap.
    11 §; who must consent is `collaboration.consent_rules`). Only the withdrawal is filled in later, once.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="partner_consents")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("samtycket gäller"))
    partner_kind = models.CharField(_("samverkanspartner"), max_length=20, choices=RecipientKind.choices)
    partner = EncryptedTextField(_("partnerns namn och enhet"))
    covers = EncryptedTextField(_("vilka uppgifter samtycket omfattar"))
    purpose = EncryptedTextField(_("för vilket syfte"))
    given_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("lämnat av"))
    given_on = models.DateField(_("lämnat"))
    form = models.CharField(_("hur samtycket lämnades"), max_length=10, choices=ConsentForm.choices)
    form_note = models.CharField(_("anteckning om hur"), max_length=300, blank=True, default="")
    valid_until = models.DateField(_("gäller till och med"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()
    withdrawn_on = models.DateField(_("återkallat"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("samtycke till utlämnande")
        verbose_name_plural = _("samtycken till utlämnande")
        ordering = ["-given_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("given_on")),
                name="partnerconsent_valid_after_given",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=F("given_on")),
                name="partnerconsent_withdrawn_after_given",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True, withdrawn_by__isnull=True, withdrawn_at__isnull=True)
                | Q(withdrawn_on__isnull=False, withdrawn_by__isnull=False, withdrawn_at__isnull=False),
                name="partnerconsent_withdrawal_whole",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.given_on}"

    def live_on(self, day: date) -> bool:
        """Whether the consent holds on the day: given by then, not withdrawn by then, not run out."""
        return (
            self.given_on <= day
            and (self.withdrawn_on is None or self.withdrawn_on > day)
            and (self.valid_until is None or self.valid_until >= day)
        )


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
    # A disclosure on consent (OSL 12 kap. 2 §) names the consent it rests on; no other disclosure does.
    on_consent = models.BooleanField(_("med samtycke"), default=False, db_default=False)
    consent = models.ForeignKey(
        PartnerConsent,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disclosures",
        verbose_name=_("samtycket"),
    )
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections", verbose_name=_("rättar")
    )
    # The meeting item (a Bob-råd's, a call-in's) the information was given at or followed from, in the same case.
    meeting_item = models.ForeignKey(
        "MeetingItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disclosures",
        verbose_name=_("från punkten på samverkansmötet"),
    )
    # A transfer to another municipality while the child has a live protected destination (and each of
    # its corrections): where the child went is the secret, so only staff named for the destination see it.
    destination = models.BooleanField(_("gäller skyddad vistelseort"), default=False, db_default=False)
    disclosed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("utlämnande")
        verbose_name_plural = _("utlämnanden")
        ordering = ["-disclosed_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(corrects=F("id")), name="disclosure_not_its_own_correction"),
            models.CheckConstraint(
                condition=Q(on_consent=False, consent__isnull=True) | Q(on_consent=True, consent__isnull=False),
                name="disclosure_consent_named",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.disclosed_on}"


class MeetingKind(models.TextChoices):
    BOB = "bob", _("Bob-råd")
    CUSTOM_U18 = "custom-u18", _("Custom under 18")
    SSPF = "sspf", _("SSPF")
    JOINT = "joint", _("Gemensamt möte i programmet")
    COORDINATION = "coordination", _("Samordningsmöte")
    OTHER = "other", _("Annat samverkansmöte")


class Meeting(models.Model):
    """A meeting with partners (Bob-råd, a Custom under 18 call-in, SSPF, the programme's own meetings).

    It holds no personal data: its title is in general terms and its participants are organisations and
    roles, never a child (the service refuses an identity or phone number). What was said about a child is
    a `MeetingItem` in that child's case, read only by those who may read the case. Append-only (migration
    0004); a mistake in the meeting itself is put right by a new meeting.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("enhet"))
    kind = models.CharField(_("sorts möte"), max_length=20, choices=MeetingKind.choices)
    held_on = models.DateField(_("dag"))
    title = models.CharField(_("rubrik"), max_length=200)
    participants = models.TextField(_("deltagare (organisationer och roller)"), max_length=1000)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("samverkansmöte")
        verbose_name_plural = _("samverkansmöten")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["unit", "held_on"], name="collab_meeting_unit_day")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on}"


class MeetingItem(models.Model):
    """One case on a meeting's agenda, written into that case: what was discussed and decided or offered,
    for a Custom under 18 call-in who was invited and came (`MeetingAttendance`) and what the child and the
    guardians said; the follow-up. Encrypted; append-only, a correction is a new row naming the one it
    corrects, in the same case and meeting."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="items")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="meeting_items")
    discussed = EncryptedTextField(_("vad som togs upp"))
    decided = EncryptedTextField(_("vad som beslutades eller erbjöds"), blank=True, default="")
    child_said = EncryptedTextField(_("vad barnet sa"), blank=True, default="")
    guardians_said = EncryptedTextField(_("vad vårdnadshavarna sa"), blank=True, default="")
    follow_up_on = models.DateField(_("uppföljning"), null=True, blank=True)
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections", verbose_name=_("rättar")
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("ärende på samverkansmöte")
        verbose_name_plural = _("ärenden på samverkansmöten")
        ordering = ["recorded_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(corrects=F("id")), name="meetingitem_not_its_own_correction"),
        ]
        # The daily follow-up sweep reads the items of a month of days; most items have no follow-up.
        indexes = [
            models.Index(fields=["follow_up_on"], condition=Q(follow_up_on__isnull=False), name="collab_item_follow_up")
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.meeting}"


class MeetingAttendance(models.Model):
    """A person of the case invited to the meeting (the child, a guardian), and whether they came."""

    item = models.ForeignKey(MeetingItem, on_delete=models.PROTECT, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("kallad"))
    came = models.BooleanField(_("kom"))

    class Meta:
        verbose_name = _("kallad till samverkansmöte")
        verbose_name_plural = _("kallade till samverkansmöten")
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["item", "person"], name="meetingattendance_once")]

    def __str__(self) -> str:
        return f"{self.item} {self.person}"


class MeetingFollowUpReminder(models.Model):
    """That the case's workers were told an item's follow-up day had come: the unique row makes the notice go
    once (`collaboration.follow_ups`). Append-only (migration 0008)."""

    item = models.ForeignKey(MeetingItem, on_delete=models.PROTECT, related_name="+")
    follow_up_on = models.DateField()
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item"], name="meeting_follow_up_reminder_once")]

    def __str__(self) -> str:
        return f"{self.item_id} {self.follow_up_on}"


class IncomingChannel(models.TextChoices):
    WRITTEN = "written", _("Skriftligt")
    ORAL = "oral", _("Muntligt")
    DIGITAL = "digital", _("Digitalt")


class AbsenceUnit(models.TextChoices):
    LESSONS = "lessons", _("Lektioner")
    HOURS = "hours", _("Timmar")


class IncomingInformation(models.Model):
    """Information a partner gave the committee about the child of a case (issue 16, point 4): from which
    kind of partner (the register's recipient kinds, here as sources), who sent it, when and how it came,
    and what it says. Information about a child who is not known, or not the recorder's, is a signal
    instead (`collaboration.incoming.incoming_signal`). Append-only (migrations 0005, 0006).

    A school's absence report also holds, typed, the period it covers and the absence in it, with the
    unauthorised part: for the worker's judgement, never scored. A mistake is put right by a correction, a
    new row naming the one it corrects (once), with the reason."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="incoming_information")
    source_kind = models.CharField(_("från"), max_length=20, choices=RecipientKind.choices)
    sender = EncryptedTextField(_("avsändarens namn och enhet"))
    received_at = models.DateTimeField(_("kom in"))
    channel = models.CharField(_("hur"), max_length=10, choices=IncomingChannel.choices)
    content = EncryptedTextField(_("vad uppgifterna säger"))
    absence_from = models.DateField(_("frånvarorapporten gäller från"), null=True, blank=True)
    absence_to = models.DateField(_("frånvarorapporten gäller till och med"), null=True, blank=True)
    absence_unit = models.CharField(
        _("frånvaron räknas i"), max_length=10, choices=AbsenceUnit.choices, blank=True, default=""
    )
    absence_total = models.PositiveIntegerField(_("frånvaro under perioden"), null=True, blank=True)
    absence_unauthorised = models.PositiveIntegerField(_("varav ogiltig frånvaro"), null=True, blank=True)
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections", verbose_name=_("rättar")
    )
    correction_reason = EncryptedTextField(_("varför uppgiften rättas"), blank=True, default="")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("inkommande uppgift")
        verbose_name_plural = _("inkommande uppgifter")
        ordering = ["-received_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    absence_from__isnull=True,
                    absence_to__isnull=True,
                    absence_unit="",
                    absence_total__isnull=True,
                    absence_unauthorised__isnull=True,
                )
                | (
                    Q(
                        absence_from__isnull=False,
                        absence_to__isnull=False,
                        absence_total__isnull=False,
                        absence_unauthorised__isnull=False,
                    )
                    & ~Q(absence_unit="")
                ),
                name="incominginformation_absence_whole",
            ),
            models.CheckConstraint(
                condition=Q(absence_from__isnull=True) | Q(source_kind=RecipientKind.SCHOOL),
                name="incominginformation_absence_from_school",
            ),
            models.CheckConstraint(
                condition=Q(absence_from__isnull=True) | Q(absence_to__gte=F("absence_from")),
                name="incominginformation_absence_period",
            ),
            models.CheckConstraint(
                condition=Q(absence_total__isnull=True) | Q(absence_unauthorised__lte=F("absence_total")),
                name="incominginformation_unauthorised_within",
            ),
            models.CheckConstraint(condition=~Q(corrects=F("id")), name="incominginformation_not_its_own_correction"),
            # A row is corrected once; a later mistake corrects the correction.
            models.UniqueConstraint(
                fields=["corrects"], condition=Q(corrects__isnull=False), name="incominginformation_corrected_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.received_at:%Y-%m-%d}"

    @property
    def is_absence_report(self) -> bool:
        return self.absence_from is not None

    def _amount(self, n: int | None) -> str:
        n = n or 0
        if self.absence_unit == AbsenceUnit.HOURS:
            return ngettext("%(n)d timme", "%(n)d timmar", n) % {"n": n}
        return ngettext("%(n)d lektion", "%(n)d lektioner", n) % {"n": n}

    @property
    def absence_amount(self) -> str:
        return self._amount(self.absence_total)

    @property
    def unauthorised_amount(self) -> str:
        return self._amount(self.absence_unauthorised)

    def absence_words(self) -> str:
        """The absence report in one sentence, as the child's timeline says it ("" for other information)."""
        if self.absence_from is None or self.absence_to is None:
            return ""
        return gettext("Frånvarorapport %(start)s–%(end)s: %(amount)s frånvaro, varav %(unauthorised)d ogiltig.") % {
            "start": self.absence_from.isoformat(),
            "end": self.absence_to.isoformat(),
            "amount": self.absence_amount,
            "unauthorised": self.absence_unauthorised or 0,
        }


class TransferReason(models.TextChoices):
    MOVED = "moved", _("Barnet flyttar")
    RELOCATED = "relocated", _("Barnet flyttas av skyddsskäl")
    OTHER = "other", _("Annat skäl")


class Transfer(models.Model):
    """A case, and the child's part in the programme if any, handed to another municipality (issue 16,
    point 7). What was sent, to whom and on which provision is its `Disclosure` in the register, made in
    the same transaction; the transfer adds why. Append-only (migration 0005)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="transfers")
    participation = models.ForeignKey(
        "programme.Participation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("deltagande i programmet"),
    )
    disclosure = models.OneToOneField(
        Disclosure, on_delete=models.PROTECT, related_name="transfer", verbose_name=_("utlämnandet")
    )
    municipality = EncryptedTextField(_("mottagande kommun"))
    transferred_on = models.DateField(_("överlämnat"))
    reason = models.CharField(_("varför"), max_length=10, choices=TransferReason.choices)
    reason_note = models.CharField(_("om skälet"), max_length=300, blank=True, default="")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("överlämnande till annan kommun")
        verbose_name_plural = _("överlämnanden till annan kommun")
        ordering = ["-transferred_on", "-id"]

    def __str__(self) -> str:
        return f"{self.case} {self.transferred_on}"


# The steps of a case moved to another municipality live in their own module; imported here so that Django
# finds them with the app's.
from collaboration.transfer_request_models import (  # noqa: E402, F401
    IvoApplication,
    IvoDecision,
    TransferAnswer,
    TransferRequest,
)
