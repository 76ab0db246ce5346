"""The delegation order (delegationsordning) as data: each kind of decision and the items it may be taken under.

Decisions (`decisions`) and the förhandsbedömning (`intake`) both name an item; this app stands below both.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DecisionKind(models.TextChoices):
    OPEN_INVESTIGATION = "open-investigation", _("Inleda utredning")
    NOT_OPEN_INVESTIGATION = "no-investigation", _("Inte inleda utredning")
    EXTEND_INVESTIGATION = "extend-investigation", _("Förlänga utredningstiden")
    LVU_IMMEDIATE_CUSTODY = "lvu-6", _("Omedelbart omhändertagande enligt 6 § LVU")
    LVU_CARE_APPLICATION = "lvu-application", _("Ansöka om vård enligt LVU")
    LVU_CARE_STARTED = "lvu-care", _("Vård enligt LVU verkställs")
    LVU_REVIEW = "lvu-review", _("Övervägande eller omprövning av LVU-vård")
    SUPPORT = "support", _("Bistånd eller insats")
    OTHER = "other", _("Annat beslut")


class DelegationItem(models.Model):
    """One line of the committee's delegationsordning: who may take which kind of decision.

    The committee's own order, entered as data (it differs between municipalities and changes when
    the committee decides so). Decisions taken under delegation are reported back to the committee.
    """

    code = models.CharField(_("punkt"), max_length=20)
    decision_kind = models.CharField(_("beslutstyp"), max_length=30, choices=DecisionKind.choices)
    delegate = models.CharField(_("delegat"), max_length=200)  # e.g. "Enhetschef", "Nämndens ordförande"
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
