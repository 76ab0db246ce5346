"""The delegation order (delegationsordning) as data: each kind of decision and the items it may be taken under.

Decisions (`decisions`) and the förhandsbedömning (`intake`) both name an item; this app stands below both.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Role


class DecisionKind(models.TextChoices):
    OPEN_INVESTIGATION = "open-investigation", _("Inleda utredning")
    NOT_OPEN_INVESTIGATION = "no-investigation", _("Inte inleda utredning")
    EXTEND_INVESTIGATION = "extend-investigation", _("Förlänga utredningstiden")
    LVU_IMMEDIATE_CUSTODY = "lvu-6", _("Omedelbart omhändertagande enligt 6 § LVU")
    # The court decides on care (4 § LVU); the committee applies for it and then decides where it begins.
    LVU_CARE_APPLICATION = "lvu-application", _("Ansöka hos förvaltningsrätten om vård enligt LVU (4 §)")
    LVU_CARE_STARTED = "lvu-care", _("Var vården enligt LVU ska inledas (11 § LVU)")
    LVU_REVIEW = "lvu-review", _("Övervägande av vård enligt 2 § LVU (13 § första stycket)")
    LVU_RECONSIDER = "lvu-reconsider", _("Omprövning av vård enligt 3 § LVU (13 § andra stycket)")
    SUPPORT = "support", _("Insats efter ansökan eller behovsprövning")
    # Protective measures (`protection`): recorded there, with what the law asks beside the decision.
    SHELTER = "shelter", _("Skyddat boende för barnet med samtycke av båda vårdnadshavarna")
    SHELTER_APPLICATION = "shelter-application", _("Ansöka hos förvaltningsrätten om skyddat boende för barnet")
    SHELTER_IMMEDIATE = "shelter-immediate", _("Omedelbar insats i form av skyddat boende för barnet")
    SHELTER_REVIEW = "shelter-review", _("Övervägande av skyddat boende för barnet")
    LVU_SECRET_WHEREABOUTS = "lvu-14", _("Barnets vistelseort ska inte röjas för vårdnadshavare (14 § LVU)")
    LVU_SECRET_REVIEW = "lvu-14-review", _("Övervägande av hemlig vistelseort (14 § tredje stycket LVU)")
    # Kept so that decisions recorded under it still read; no longer offered (every kind needs its own law).
    OTHER = "other", _("Annat beslut")


class DelegateLevel(models.TextChoices):
    """Who a delegation item gives the decision to: what 30 kap. 6-12 §§ SoL (2025:400) limit."""

    COMMITTEE = "committee", _("Nämnden")
    SECTION = "section", _("Nämndens utskott")
    CHAIR = "chair", _("Ordföranden eller förordnad ledamot, när nämndens beslut inte kan avvaktas")
    OFFICER = "officer", _("Tjänsteman")


class DelegationItem(models.Model):
    """One line of the committee's delegationsordning: who may take which kind of decision.

    The committee's own order, entered as data (it differs between municipalities and changes when
    the committee decides so). Decisions taken under delegation are reported back to the committee.
    """

    code = models.CharField(_("punkt"), max_length=20)
    decision_kind = models.CharField(_("beslutstyp"), max_length=30, choices=DecisionKind.choices)
    delegate = models.CharField(_("delegat"), max_length=200)  # e.g. "Enhetschef", "Nämndens ordförande"
    # Null only for items entered before the law's limits were checked (delegation 0002 filled in
    # those it could tell from the delegate's title); such an item cannot carry a reserved decision.
    # Nullable rather than "" by default: SQLite adds a nullable column in place, while a default
    # would rebuild the table and lose its append-only triggers.
    delegate_level = models.CharField(  # noqa: DJ001 - see above
        _("delegatens nivå"), max_length=20, choices=DelegateLevel.choices, null=True, blank=True
    )
    # For an officer's item, the role whose holder signs the decision (a case worker may not sign under
    # the unit manager's item). Empty for the committee's levels, whose decisions staff record on its
    # behalf, and for officer items entered before roles were checked, which then carry no decision.
    # Nullable with no default for the same reason as `delegate_level`.
    delegate_role = models.CharField(  # noqa: DJ001 - see above
        _("delegatens roll i Utväg"), max_length=32, choices=Role.choices, null=True, blank=True
    )
    valid_from = models.DateField(_("gäller från"))
    valid_to = models.DateField(_("gäller till och med"), null=True, blank=True)

    class Meta:
        # Made in the decisions app and moved here by state alone (delegation 0001): the table, its
        # append-only trigger and the rows that decisions and förhandsbedömningar point to stay as they were.
        db_table = "decisions_delegationitem"
        verbose_name = _("punkt i delegationsordningen")
        verbose_name_plural = _("delegationsordning")
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["code", "valid_from"], name="delegation_code_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.delegate}"


class DelegationLimit(models.Model):
    """A decision the law lets the committee delegate only to some levels, with the provision saying so.

    Data, not code, like the legal bases: the limits moved from 10 kap. 4-5 §§ SoL (2001:453) to
    30 kap. 6-12 §§ SoL (2025:400) on 1 July 2025, and change when the law does.
    """

    decision_kind = models.CharField(_("beslutstyp"), max_length=30, choices=DecisionKind.choices)
    allowed_levels = models.JSONField(_("får delegeras till"))  # DelegateLevel values
    provision = models.CharField(_("bestämmelse"), max_length=200)
    source = models.URLField(_("källa"), max_length=300)
    verified = models.BooleanField(_("kontrollerad mot lagtexten"), default=False)
    valid_from = models.DateField(_("gäller från"))
    valid_to = models.DateField(_("gäller till och med"), null=True, blank=True)

    class Meta:
        verbose_name = _("gräns för delegering")
        verbose_name_plural = _("gränser för delegering")
        ordering = ["decision_kind", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["decision_kind", "valid_from"], name="delegation_limit_unique_start")
        ]

    def __str__(self) -> str:
        return f"{self.decision_kind}: {self.provision}"
