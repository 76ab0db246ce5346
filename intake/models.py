"""How a child becomes known (aktualisering), and the first two assessments the law asks for.

`received_at` is when the signal came in to the social services. It starts every clock, whenever the
signal was registered or assigned (R0.3: "efter det att anmälan har kommit in").
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from core.fields import EncryptedTextField
from core.models import LegalBasis
from delegation.models import DecisionKind, DelegationItem
from people.models import Person


class SignalKind(models.TextChoices):
    REPORT_OF_CONCERN = "report", _("Orosanmälan")
    POLICE_NOTICE = "police", _("Underrättelse från polisen")
    DETENTION_NOTICE = "detention", _("Underrättelse om gripande, anhållande eller häktning")
    POLICE_INTERVIEW = "interview", _("Socialtjänstens närvaro vid polisförhör")
    OUTREACH = "outreach", _("Kontakt genom uppsökande arbete")
    REQUEST_CHILD = "request-child", _("Ansökan från barnet")
    REQUEST_GUARDIAN = "request-guardian", _("Ansökan från vårdnadshavare")
    OTHER_MUNICIPALITY = "municipality", _("Överlämnande från annan kommun")
    # A child, a young person or a guardian asked for contact on the public page (`outreach.public_contact`).
    WEB_CONTACT = "web", _("Kontaktförfrågan via webben")


# Signals that mean a child is deprived of liberty now: flagged to the team at once (R1.13).
DETENTION_KINDS = frozenset({SignalKind.DETENTION_NOTICE})
# An application is investigated at once (14 kap. 2 § SoL 2025:400) and decided; only a report gets a
# förhandsbedömning that may end without an investigation (20 kap. 2 §).
APPLICATION_KINDS = frozenset({SignalKind.REQUEST_CHILD, SignalKind.REQUEST_GUARDIAN})


class ReporterType(models.TextChoices):
    MANDATORY = "mandatory", _("Anmälningsskyldig i sin yrkesroll")
    PRIVATE = "private", _("Privatperson")
    ANONYMOUS = "anonymous", _("Anonym")
    NOT_A_REPORT = "none", _("Ingen anmälare (egen kontakt eller ansökan)")


class Signal(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="signals", verbose_name=_("ärende"))
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="signals", verbose_name=_("barn"))
    kind = models.CharField(_("hur ärendet aktualiserades"), max_length=20, choices=SignalKind.choices)
    received_at = models.DateTimeField(_("kom in"))
    reporter_type = models.CharField(_("anmälare"), max_length=20, choices=ReporterType.choices)
    reporter_organisation = models.CharField(_("anmälarens organisation"), max_length=200, blank=True)
    reporter_name = EncryptedTextField(_("anmälarens namn"), blank=True, default="")
    reporter_contact = EncryptedTextField(_("anmälarens kontaktuppgifter"), blank=True, default="")
    content = EncryptedTextField(_("innehåll"))
    feedback_requested = models.BooleanField(_("anmälaren vill ha återkoppling"), default=False)
    # When a reporter asked later than at registration (19 kap. 6 § andra stycket SoL): then the answer
    # is due at once if the decision on opening an investigation has been made or one already runs.
    feedback_requested_at = models.DateTimeField(_("återkoppling begärd"), null=True, blank=True)
    feedback_given_at = models.DateTimeField(_("återkoppling lämnad"), null=True, blank=True)
    # "Om det inte är olämpligt med hänsyn till omständigheterna": the exception, with its reason.
    # Nullable with no default, so SQLite adds the columns in place and the table keeps its triggers.
    feedback_withheld_at = models.DateTimeField(_("återkoppling inte lämnad"), null=True, blank=True)
    feedback_withheld_reason = EncryptedTextField(_("varför återkoppling är olämplig"), null=True, blank=True)
    guardians_contacted_at = models.DateTimeField(_("vårdnadshavare kontaktade"), null=True, blank=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField(_("registrerad"))
    # Registered by someone outside the responsible team (the record was not shown to them).
    routed = models.BooleanField(default=False)
    # Set when the signal came in while an investigation of the child was already open (R1.3).
    added_to_investigation = models.ForeignKey(
        "investigations.Investigation", on_delete=models.PROTECT, null=True, blank=True, related_name="signals"
    )

    class Meta:
        verbose_name = _("aktualisering")
        verbose_name_plural = _("aktualiseringar")
        ordering = ["received_at", "id"]
        indexes = [models.Index(fields=["case", "received_at"], name="signal_case_received")]
        constraints = [
            models.CheckConstraint(
                condition=Q(registered_at__gte=models.F("received_at")), name="signal_received_first"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.received_at:%Y-%m-%d %H:%M}"

    @property
    def is_detention(self) -> bool:
        return self.kind in DETENTION_KINDS

    @property
    def is_application(self) -> bool:
        return self.kind in APPLICATION_KINDS


class ProtectionOutcome(models.TextChoices):
    NO_IMMEDIATE_NEED = "no-need", _("Inget behov av omedelbart skydd")
    PROTECTIVE_MEASURES = "measures", _("Skyddsåtgärder vidtas nu")


class ProtectionAssessment(models.Model):
    """Omedelbar skyddsbedömning: one per signal, documented before any guardian is contacted."""

    signal = models.OneToOneField(Signal, on_delete=models.PROTECT, related_name="protection_assessment")
    outcome = models.CharField(_("bedömning"), max_length=20, choices=ProtectionOutcome.choices)
    reasoning = EncryptedTextField(_("motivering"))
    measures = EncryptedTextField(_("skyddsåtgärder"), blank=True, default="")
    legal_basis = models.ForeignKey(LegalBasis, on_delete=models.PROTECT, null=True, related_name="+")
    assessed_at = models.DateTimeField(_("bedömd"))
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("omedelbar skyddsbedömning")
        verbose_name_plural = _("omedelbara skyddsbedömningar")

    def __str__(self) -> str:
        return self.get_outcome_display()


class PreliminaryDecision(models.TextChoices):
    OPEN = "open", _("Inleda utredning")
    NOT_OPEN = "not-open", _("Inte inleda utredning")


# Each outcome as a kind of decision in the committee's delegation order.
DELEGATION_KINDS = {
    PreliminaryDecision.OPEN: DecisionKind.OPEN_INVESTIGATION,
    PreliminaryDecision.NOT_OPEN: DecisionKind.NOT_OPEN_INVESTIGATION,
}


class PreliminaryAssessment(models.Model):
    """Förhandsbedömning: one decision per signal, to open an investigation or not (R1.3, R1.4)."""

    signal = models.OneToOneField(Signal, on_delete=models.PROTECT, related_name="preliminary_assessment")
    decision = models.CharField(_("beslut"), max_length=20, choices=PreliminaryDecision.choices)
    reasons = EncryptedTextField(_("skäl"))
    child_heard = models.BooleanField(_("barnet har fått komma till tals"))
    child_heard_how = EncryptedTextField(_("hur barnet hörts, eller varför inte"))
    legal_basis = models.ForeignKey(LegalBasis, on_delete=models.PROTECT, related_name="+")
    decided_on = models.DateField(_("beslutsdatum"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The item of the delegation order the decision is taken under. Every assessment recorded since
    # migration 0004 has one (intake.services refuses it otherwise). The column is nullable only for
    # the assessments signed before then: the database refuses to update a signed row (migration
    # 0003), and nobody can say afterwards which item they were taken under.
    delegation = models.ForeignKey(
        DelegationItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("punkt i delegationsordningen"),
    )
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("förhandsbedömning")
        verbose_name_plural = _("förhandsbedömningar")

    def __str__(self) -> str:
        return self.get_decision_display()

    @property
    def decision_kind(self) -> DecisionKind:
        return DELEGATION_KINDS[PreliminaryDecision(self.decision)]


class DetentionKind(models.TextChoices):
    ARRESTED = "arrested", _("Gripen")
    HELD = "held", _("Anhållen")
    REMANDED = "remanded", _("Häktad")


class Detention(models.Model):
    """The child deprived of liberty, as the police or the court told the committee, from one day to another.

    A 6 § LVU custody may not be carried out while the child is remanded (9 § andra stycket LVU).
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="detentions")
    kind = models.CharField(_("frihetsberövande"), max_length=20, choices=DetentionKind.choices)
    began_on = models.DateField(_("från"))
    ended_on = models.DateField(_("till och med"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("registrerat"))

    class Meta:
        verbose_name = _("frihetsberövande")
        verbose_name_plural = _("frihetsberövanden")
        ordering = ["began_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("began_on")), name="detention_ends_after"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.began_on}"
