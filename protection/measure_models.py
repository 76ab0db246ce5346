"""Protective measures: the police's acute placement, skyddat boende under lag (2024:79) and SoL, the
whereabouts kept secret under 14 § LVU, and the committee's application for skyddad folkbokföring.

A measure the committee decides is a `decisions.Decision` (its kind, legal basis, delegation item and
clocks, `decisions.services.decision_record_in`) with this record beside it for what the law asks more.
All of them are append-only (migration 0002); an ending or an outcome is recorded in its own nullable
columns, once.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from decisions.models import Decision
from people.models import Person
from protection.destination_models import Destination
from protection.provider_models import Provider


class PolicePlacement(models.Model):
    """The police placed the child before the social services could decide: who, when, where in general
    terms. It starts the clock for the committee's own decision (`DeadlineKind.POLICE_PLACEMENT_DECISION`)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="police_placements")
    placed_at = models.DateTimeField(_("placerad"))
    police_unit = models.CharField(_("polisen som placerade"), max_length=200)
    # In general terms only ("jourhem", "hos släkting"): the place itself is a `Destination`.
    where_general = models.CharField(_("var, allmänt hållet"), max_length=200)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("polisens akuta placering")
        verbose_name_plural = _("polisens akuta placeringar")
        ordering = ["-placed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.case} {self.placed_at:%Y-%m-%d %H:%M}"


class GuardianConsent(models.TextChoices):
    """How the guardian the child does not move with stands (3 kap. 1 § lag 2024:79)."""

    CONSENTED = "consented", _("Samtycker: insatsen beviljas enligt socialtjänstlagen")
    NOT_CONSENTED = "not-consented", _("Samtycker inte: ansökan hos förvaltningsrätten eller omedelbar insats")
    NO_OTHER = "no-other", _("Det finns ingen annan vårdnadshavare")


class ShelterPlacement(models.Model):
    """Skyddat boende for a child, granted per child, always with an adult guardian who is granted it too."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="shelter_placements")
    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="shelter_placement")
    # The adult guardian the child moves with, and when they were granted skyddat boende themselves.
    guardian = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    guardian_granted_on = models.DateField(_("vårdnadshavaren beviljad skyddat boende"))
    other_guardian = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    other_guardian_consent = models.CharField(
        _("den andra vårdnadshavarens samtycke"), max_length=20, choices=GuardianConsent.choices
    )
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="+")
    destination = models.ForeignKey(Destination, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    court_referred_on = models.DateField(_("underställd förvaltningsrätten"), null=True, blank=True)
    # An immediate insats the court has confirmed (4 kap. 6 § lag 2024:79): the application is then due six
    # weeks from the day the placement began, not from the decision. Nullable with no default: SQLite adds
    # the columns in place and keeps the table's append-only triggers.
    court_confirmed_on = models.DateField(_("fastställd av förvaltningsrätten"), null=True, blank=True)
    placed_on = models.DateField(_("placeringen påbörjades"), null=True, blank=True)
    ended_on = models.DateField(_("avslutad"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("skyddat boende")
        verbose_name_plural = _("skyddade boenden")
        ordering = ["-recorded_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(other_guardian_consent="no-other") | Q(other_guardian__isnull=False),
                name="shelter_other_guardian_named",
            ),
            models.CheckConstraint(
                condition=Q(court_confirmed_on__isnull=True, placed_on__isnull=True)
                | Q(court_confirmed_on__isnull=False, placed_on__isnull=False, court_referred_on__isnull=False),
                name="shelter_confirmed_after_referral_with_placement_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.decision.decided_on}"


class SecretWhereabouts(models.Model):
    """14 § andra stycket 2 LVU: the child's whereabouts are not revealed to these guardians. Reserved to
    the committee or its section (`delegation` migration 0004); considered every three months."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="secret_whereabouts")
    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="secret_whereabouts")
    hidden_from = models.ManyToManyField(Person, related_name="+", verbose_name=_("hemlig för"))
    ended_on = models.DateField(_("upphört"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("hemlig vistelseort")
        verbose_name_plural = _("hemliga vistelseorter")
        ordering = ["-recorded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.case} {self.decision.decided_on}"


class RegistrationOutcome(models.TextChoices):
    PENDING = "pending", _("Väntar på Skatteverket")
    GRANTED = "granted", _("Beviljad")
    REFUSED = "refused", _("Avslagen")
    WITHDRAWN = "withdrawn", _("Återkallad")


class ProtectedRegistration(models.Model):
    """The committee's application to Skatteverket for skyddad folkbokföring for a child in 2 § LVU care
    whose whereabouts are secret (14 § LVU, 30 § tredje stycket folkbokföringslagen), and its outcome."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="protected_registrations")
    secret_whereabouts = models.ForeignKey(SecretWhereabouts, on_delete=models.PROTECT, related_name="+")
    applied_on = models.DateField(_("ansökan skickad"))
    outcome = models.CharField(
        _("utfall"), max_length=10, choices=RegistrationOutcome.choices, default=RegistrationOutcome.PENDING
    )
    outcome_on = models.DateField(_("utfall meddelat"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("ansökan om skyddad folkbokföring")
        verbose_name_plural = _("ansökningar om skyddad folkbokföring")
        ordering = ["-applied_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="pending", outcome_on__isnull=True)
                | (~Q(outcome="pending") & Q(outcome_on__isnull=False)),
                name="registration_outcome_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.applied_on}"
