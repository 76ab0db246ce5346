"""Decisions (beslut): what was decided, on which legal basis, by whom under the delegation order.

A decision is recorded signed and never changes: the database refuses UPDATE and DELETE (migration
0002). A mistake is put right by a new decision that names the one it corrects.
"""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from core.fields import EncryptedTextField
from core.models import Appeal, LegalBasis
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
# 42 § FL: only a decision that goes against someone can be appealed by them.
IN_FAVOUR = _(
    "Beslutet ger dig det du ansökte om eller godtog och går dig inte emot, så du kan inte överklaga det "
    "(42 § förvaltningslagen). Om du vill ha något annat kan du ansöka på nytt."
)


class DecisionOutcome(models.TextChoices):
    """What a decision on an insats gave the person (42 § FL: appealable only when it goes against them)."""

    GRANTED = "granted", _("Bifall: det som söktes eller som den enskilde godtog beviljas helt")
    PARTLY = "partly", _("Delvis bifall: en del av det som söktes avslås")
    REFUSED = "refused", _("Avslag")


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
    # 25 § FL: communicated before the decision, or the exception relied on. Null for decisions recorded
    # before it was asked and for kinds it is not asked of; nullable so SQLite adds it without
    # rebuilding the table (which would drop its triggers).
    communication = models.CharField(  # noqa: DJ001 - see above
        _("kommunicering"), max_length=20, null=True, blank=True
    )
    # For an insats (`DecisionKind.SUPPORT`): granted, partly or refused. Null for the other kinds,
    # whose outcome the kind says, and for decisions recorded before it was asked; nullable for the
    # same reason as `communication`.
    outcome = models.CharField(  # noqa: DJ001 - see above
        _("utfall"), max_length=10, choices=DecisionOutcome.choices, null=True, blank=True
    )

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

    @property
    def appealable(self) -> bool:
        """Whether a party can appeal it to the court: its legal basis allows it (41 § FL, 35 kap. 1 § SoL)
        and it goes against the person (42 § FL): an insats granted in full does not."""
        return self.legal_basis.appeal == Appeal.COURT and self.outcome != DecisionOutcome.GRANTED


class CourtOutcome(models.TextChoices):
    """What the administrative court decided on the committee's LVU decision (4 §, 7 §, 8 §, 9 § LVU)."""

    CUSTODY_CONFIRMED = "custody-confirmed", _("Rätten fastställde omhändertagandet (7 § LVU)")
    CUSTODY_LIFTED = "custody-lifted", _("Rätten upphävde omhändertagandet (7 § LVU)")
    APPLICATION_TIME_EXTENDED = "application-time", _("Rätten förlängde tiden för ansökan om vård (8 § LVU)")
    CARE_UNDER_2 = "care-2", _("Rätten beslutade om vård enligt 2 § LVU")
    CARE_UNDER_3 = "care-3", _("Rätten beslutade om vård enligt 3 § LVU")
    CARE_REFUSED = "care-refused", _("Rätten avslog ansökan om vård")


# Which outcomes answer which kind of committee decision.
CUSTODY_OUTCOMES = frozenset(
    {CourtOutcome.CUSTODY_CONFIRMED, CourtOutcome.CUSTODY_LIFTED, CourtOutcome.APPLICATION_TIME_EXTENDED}
)
APPLICATION_OUTCOMES = frozenset({CourtOutcome.CARE_UNDER_2, CourtOutcome.CARE_UNDER_3, CourtOutcome.CARE_REFUSED})


class CourtRuling(models.Model):
    """The court's answer to a 6 § custody referred to it or to an application for care; never changes.

    It closes or moves the clocks the decision started: a lifted custody ends the four weeks for the
    application; a granted extension moves them (8 § andra stycket); a ruling on care ends the custody
    (9 § första stycket 2).
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="court_rulings")
    outcome = models.CharField(_("avgörande"), max_length=30, choices=CourtOutcome.choices)
    ruled_on = models.DateField(_("avgjort"))
    court = models.CharField(_("domstol"), max_length=200)
    court_case_number = models.CharField(_("målnummer"), max_length=40, blank=True)
    new_due_on = models.DateField(_("ny sista dag för ansökan"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("registrerat"))

    class Meta:
        verbose_name = _("domstolens avgörande")
        verbose_name_plural = _("domstolens avgöranden")
        ordering = ["ruled_on", "recorded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="application-time", new_due_on__isnull=False)
                | (~Q(outcome="application-time") & Q(new_due_on__isnull=True)),
                name="court_ruling_extension_has_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} {self.ruled_on}"


class PartyKind(models.TextChoices):
    CHILD = "child", _("Barnet (15 år eller äldre)")
    GUARDIAN = "guardian", _("Vårdnadshavare")
    OTHER = "other", _("Annan part")


class DeliveryMethod(models.TextChoices):
    IN_PERSON = "in-person", _("Lämnat personligen")
    LETTER = "letter", _("Brev")
    SERVICE = "service", _("Delgivning")
    DIGITAL = "digital", _("Digital brevlåda")


class DecisionDelivery(models.Model):
    """The day a party got the decision (FL 33 §): from it run the party's three weeks to appeal (44 §)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="deliveries")
    party_kind = models.CharField(_("part"), max_length=20, choices=PartyKind.choices)
    party_name = EncryptedTextField(_("namn"), blank=True, default="")
    delivered_on = models.DateField(_("fick del av beslutet"))
    method = models.CharField(_("hur"), max_length=20, choices=DeliveryMethod.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("registrerat"))
    # When the three weeks had run out: whether an appeal came in (and when), or none did.
    appeal_received_on = models.DateField(_("överklagande kom in"), null=True, blank=True)
    settled_at = models.DateTimeField(_("överklagandetiden avslutad"), null=True, blank=True)

    class Meta:
        verbose_name = _("delfående av beslut")
        verbose_name_plural = _("delfåenden av beslut")
        ordering = ["delivered_on", "id"]

    def __str__(self) -> str:
        return f"{self.decision_id}/{self.delivered_on}"


class Communication(models.Model):
    """Kommunicering (25 § FL via 14 kap. 10 § SoL): the material sent to a party, with a time to answer.

    The facts of what was sent never change; the answer, when it comes, is filled in once.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="communications")
    party_kind = models.CharField(_("part"), max_length=20, choices=PartyKind.choices)
    party_name = EncryptedTextField(_("namn"), blank=True, default="")
    material = models.CharField(_("vad som kommunicerades"), max_length=300)
    sent_on = models.DateField(_("skickat"))
    reply_by = models.DateField(_("svar senast"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("registrerat"))
    replied_on = models.DateField(_("svar kom in"), null=True, blank=True)
    reply = EncryptedTextField(_("svaret"), null=True, blank=True)

    class Meta:
        verbose_name = _("kommunicering")
        verbose_name_plural = _("kommuniceringar")
        ordering = ["sent_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(reply_by__gte=F("sent_on")), name="communication_time_to_answer")
        ]

    def __str__(self) -> str:
        return f"{self.case_id}/{self.sent_on}"

    def answered_or_time_out(self, day: date) -> bool:
        """Whether a decision on `day` may rest on it: the party answered, or their time ran out before."""
        return self.replied_on is not None or self.reply_by < day


class CommunicationStep(models.TextChoices):
    """How the decision stands to 25 § FL: communicated, or which exception applies."""

    COMMUNICATED = "communicated", _("Kommunicerat med parterna")
    NOT_NEEDED = "not-needed", _("Uppenbart obehövligt (beslutet går ingen part emot)")
    HARDER_TO_CARRY_OUT = "harder", _("Beslutet skulle bli avsevärt svårare att genomföra (25 § första stycket 2 FL)")
    URGENT = "urgent", _("Ett väsentligt intresse kräver att beslutet meddelas omedelbart (25 § första stycket 3 FL)")
