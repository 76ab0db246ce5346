from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Role(models.TextChoices):
    """One role per account: an administrator or log reviewer uses a separate account from case work."""

    CASEWORKER = "caseworker", _("Handläggare")
    TREATMENT = "treatment", _("Behandlare")
    OUTREACH = "outreach", _("Fältarbetare")
    DEFECTOR_SPECIALIST = "defector_specialist", _("Avhopparspecialist")
    UNIT_MANAGER = "unit_manager", _("Enhetschef")
    LOG_REVIEWER = "log_reviewer", _("Loggranskare (dataskydd)")
    SYSADMIN = "sysadmin", _("Systemadministratör")


# Roles whose work is the case record of their own team.
CASE_ROLES = frozenset({Role.CASEWORKER, Role.TREATMENT, Role.OUTREACH, Role.DEFECTOR_SPECIALIST})
# Who may be a case's responsible worker (ansvarig handläggare): the one who exercises authority in it.
RESPONSIBLE_ROLES = frozenset({Role.CASEWORKER})


class Unit(models.Model):
    """An organisational unit (enhet) under the committee, e.g. 'Barn och unga Söder'."""

    name = models.CharField(_("namn"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("enhet")
        verbose_name_plural = _("enheter")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    """A team (arbetsgrupp) inside a unit; cases belong to a team."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="teams", verbose_name=_("enhet"))
    name = models.CharField(_("namn"), max_length=200)
    # The unit's mottagning: a new child's case opens here, and so does the case of a child no team
    # answers for. Signals never open a case in the registering user's own team just because they
    # registered it (access.routing).
    is_intake = models.BooleanField(_("mottagning"), default=False)
    # The social emergency service (socialjouren): told when a request for contact comes in out of hours.
    is_on_call = models.BooleanField(_("socialjour"), default=False)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("team")
        ordering = ["unit__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "name"], name="team_unique_name_in_unit"),
            models.UniqueConstraint(
                fields=["unit"], condition=models.Q(is_intake=True), name="team_one_intake_per_unit"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit.name} / {self.name}"


class HistoryReason(models.TextChoices):
    """Why an account's history has a row (set by accounts.services). Stored as the code, shown by label."""

    CREATED = "account.create", _("Kontot skapades")
    PLACEMENT = "account.placement", _("Roll, enhet eller team ändrades")
    DEACTIVATED = "account.deactivate", _("Kontot inaktiverades")
    REACTIVATED = "account.reactivate", _("Kontot aktiverades igen")
    SECOND_FACTOR_RESET = "account.second_factor_reset", _("Tvåfaktorsinloggningen återställdes")


class AccountHistory(HistoricalRecords):  # type: ignore[misc]  # simple_history ships no type hints
    """Who changed an account and when. A sign-in saves only `last_login`; that is not a change to the account."""

    def post_save(self, instance: models.Model, created: bool, using: str | None = None, **kwargs: object) -> None:
        if kwargs.get("update_fields") == frozenset({"last_login"}):
            return
        super().post_save(instance, created, using=using, **kwargs)


class User(AbstractUser):
    """A staff account. The role and team decide, through access.selectors, what it may see."""

    role = models.CharField(_("roll"), max_length=32, choices=Role.choices)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="members", verbose_name=_("enhet")
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="members", verbose_name=_("team")
    )
    # Set with every one-time password (a new account, a reset second factor): an administrator has
    # seen it, so the person must choose their own before anything else (accounts.middleware).
    must_change_password = models.BooleanField(_("måste byta lösenord"), default=False)
    # Only synthetic demo accounts may skip 2FA, and only while the site runs in demo mode.
    is_demo_account = models.BooleanField(_("demokonto"), default=False)
    # Changes by administrators (accounts.services), with a coded reason. The password hash is not
    # copied into the history, and neither is the time of the last sign-in.
    history = AccountHistory(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("användare")
        verbose_name_plural = _("användare")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role__in=sorted(CASE_ROLES)) | models.Q(team__isnull=False),
                name="user_case_role_needs_team",
            ),
            models.CheckConstraint(
                condition=~models.Q(role=Role.UNIT_MANAGER) | models.Q(unit__isnull=False),
                name="user_unit_manager_needs_unit",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class NeedsRiskAnalysis(models.Model):
    """The documented needs-and-risk analysis (behovs- och riskanalys) behind each role's access.

    IMY requires it to exist and to be followed; access.selectors implements what it says.
    """

    role = models.CharField(_("roll"), max_length=32, choices=Role.choices, unique=True)
    needs = models.TextField(_("behov av åtkomst"))
    risks = models.TextField(_("risker"))
    access_granted = models.TextField(_("beviljad åtkomst"))
    safeguards = models.TextField(_("skyddsåtgärder"))
    approved_by = models.CharField(_("fastställd av"), max_length=200)
    approved_on = models.DateField(_("fastställd"))
    review_due_on = models.DateField(_("ses över senast"))

    class Meta:
        verbose_name = _("behovs- och riskanalys")
        verbose_name_plural = _("behovs- och riskanalyser")
        ordering = ["role"]

    def __str__(self) -> str:
        return str(self.get_role_display())
