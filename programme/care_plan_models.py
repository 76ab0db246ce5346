"""The vårdplan: the plan for care outside the home, or the one an LVU application must contain.

SoL (2025:400) 9 kap. 12 § asks for it whenever a child is to be cared for in a familjehem, stödboende,
skyddat boende or HVB, and SoF (2025:468) 10 kap. 1 § andra stycket puts it in every application for
care under LVU. What it holds is SoF 10 kap. 2 §, each part unless there are special reasons against it:
the insatser needed, how contact with parents, guardians, siblings and others close is arranged, the
goal of the care, and the views of the child and, for a child, the guardians. 9 kap. 12 § tredje stycket
adds what other principals are responsible for; 9 kap. 13 § says the plan is revised when needed, and
for a child at the latest after two years in placement, then taking up where the child will live for
the long term. A revision is a new row: the plan that was in force stays as it was.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import EncryptedTextField
from core.models import LegalBasis


class CareGround(models.TextChoices):
    LVU_APPLICATION = "lvu-application", _("Ansökan om vård enligt LVU")
    LVU_CARE = "lvu-care", _("Vård enligt LVU")
    SOL_PLACEMENT = "sol-placement", _("Placering med samtycke enligt socialtjänstlagen")


class CareSetting(models.TextChoices):
    FAMILY_HOME = "family-home", _("Familjehem")
    SUPPORTED_HOUSING = "supported-housing", _("Stödboende")
    SHELTER = "shelter", _("Skyddat boende")
    HVB = "hvb", _("Hem för vård eller boende (HVB)")
    SPECIAL_HOME = "special-home", _("Särskilt ungdomshem (SiS)")


class CarePlan(models.Model):
    participation = models.ForeignKey("programme.Participation", on_delete=models.PROTECT, related_name="care_plans")
    revises = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="revised_by", verbose_name=_("reviderar")
    )
    ground = models.CharField(_("grund"), max_length=20, choices=CareGround.choices)
    setting = models.CharField(_("var vården ges"), max_length=20, choices=CareSetting.choices)
    legal_basis = models.ForeignKey(LegalBasis, on_delete=models.PROTECT, related_name="+")
    made_on = models.DateField(_("upprättad"))
    placed_on = models.DateField(_("placerad sedan"), null=True, blank=True)
    insatser = EncryptedTextField(_("de särskilda insatser som behövs"), blank=True)
    contact = EncryptedTextField(_("umgänge med föräldrar, vårdnadshavare, syskon och andra närstående"), blank=True)
    goal = EncryptedTextField(_("målet med vården"), blank=True)
    child_view = EncryptedTextField(_("barnets syn på den planerade vården"), blank=True)
    guardians_view = EncryptedTextField(_("vårdnadshavarnas syn på den planerade vården"), blank=True)
    other_principals = EncryptedTextField(_("det som andra huvudmän ansvarar för"), blank=True)
    long_term_housing = EncryptedTextField(_("barnets långsiktiga boende"), blank=True)
    # Why a part the law names is left out ("om det inte finns särskilda skäl mot det").
    special_reasons = EncryptedTextField(_("särskilda skäl mot att en del tas med"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("registrerad"), auto_now_add=True)

    class Meta:
        ordering = ["made_on", "id"]
        verbose_name = _("vårdplan")
        verbose_name_plural = _("vårdplaner")

    def __str__(self) -> str:
        return f"{self.participation_id} {self.made_on}"
