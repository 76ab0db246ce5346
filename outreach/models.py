"""Contacts in the field (issue 16 point 5): counted, never named.

An anonymous contact is where and when, with whom in general terms, how many of each age band and what
was offered. It holds no person and no case: the figures are the unit's, for the committee. A child who
wants help is not a contact here but a signal to the mottagning (`services.outreach_signal`).

Contacts are append-only (migration 0003): a mistake stays and is explained by the next contact's note.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.models import Unit


class OutreachArea(models.Model):
    """An area the field workers cover, as data: the municipality's own list, kept by its managers.

    `unit` empty: an area every unit's workers may choose (the demo municipality's seeded areas)."""

    name = models.CharField(_("namn"), max_length=100)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("enhet")
    )
    active = models.BooleanField(_("i bruk"), default=True)
    # Who added an area or took it out of use, and when (the unit manager's screen, `outreach.areas`).
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("område")
        verbose_name_plural = _("områden")
        ordering = ["name", "id"]
        constraints = [models.UniqueConstraint(fields=["name", "unit"], name="outreach_area_unique")]

    def __str__(self) -> str:
        return self.name


class PartOfDay(models.TextChoices):
    MORNING = "morning", _("Förmiddag")
    AFTERNOON = "afternoon", _("Eftermiddag")
    EVENING = "evening", _("Kväll")
    NIGHT = "night", _("Natt")


class Place(models.TextChoices):
    SCHOOL = "school", _("Skolgård")
    SQUARE = "square", _("Torg eller centrum")
    YOUTH_CENTRE = "youth-centre", _("Fritidsgård")
    ONLINE = "online", _("På nätet")
    OTHER = "other", _("Annan plats")


class Company(models.TextChoices):
    GROUP = "group", _("En grupp unga")
    ONE = "one", _("En ung person")
    GUARDIAN = "guardian", _("En vårdnadshavare")
    OTHER = "other", _("Annan")


class Offer(models.TextChoices):
    CONVERSATION = "conversation", _("Samtal")
    INFORMATION = "information", _("Information")
    YOUTH_CENTRE = "youth-centre", _("Hänvisning till fritidsgård")
    SOCIAL_SERVICES = "social-services", _("Kontakt med socialtjänsten")
    OTHER = "other", _("Annat")


# The age bands a contact is counted in, as (field, label): the same bands in the form and the report.
AGE_BANDS = (
    ("under_12", _("Under 12 år")),
    ("age_12_14", _("12–14 år")),
    ("age_15_17", _("15–17 år")),
    ("age_18_21", _("18–21 år")),
)


class OutreachContact(models.Model):
    """One contact in the field, counted by age band: no name, no number, no case."""

    day = models.DateField(_("dag"))
    part_of_day = models.CharField(_("tid på dygnet"), max_length=10, choices=PartOfDay.choices)
    area = models.ForeignKey(OutreachArea, on_delete=models.PROTECT, related_name="+", verbose_name=_("område"))
    place = models.CharField(_("plats"), max_length=20, choices=Place.choices)
    company = models.CharField(_("med vem"), max_length=10, choices=Company.choices)
    under_12 = models.PositiveSmallIntegerField(_("under 12 år"), default=0)
    age_12_14 = models.PositiveSmallIntegerField(_("12–14 år"), default=0)
    age_15_17 = models.PositiveSmallIntegerField(_("15–17 år"), default=0)
    age_18_21 = models.PositiveSmallIntegerField(_("18–21 år"), default=0)
    # The codes of `Offer` chosen, in that order.
    offered = models.JSONField(_("erbjöds"), default=list)
    note = models.CharField(_("anteckning"), max_length=300, blank=True)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("enhet"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("registrerad"))

    class Meta:
        verbose_name = _("kontakt i fältarbete")
        verbose_name_plural = _("kontakter i fältarbete")
        ordering = ["-recorded_at", "-id"]
        indexes = [
            models.Index(fields=["unit", "day"], name="outreach_contact_unit_day"),
            models.Index(fields=["recorded_by", "recorded_at"], name="outreach_contact_recorder"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(under_12__gt=0) | Q(age_12_14__gt=0) | Q(age_15_17__gt=0) | Q(age_18_21__gt=0),
                name="outreach_contact_someone",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area} {self.day:%Y-%m-%d} {self.get_part_of_day_display()}"

    @property
    def total(self) -> int:
        return self.under_12 + self.age_12_14 + self.age_15_17 + self.age_18_21

    def offered_labels(self) -> list[str]:
        return [str(Offer(code).label) for code in self.offered if code in Offer.values]


class RateCount(models.Model):
    """How many requests the public contact page took in one hour from one address, or from all: its rate
    limit, counted in the database so that concurrent requests cannot slip past it (a cache's get-and-set
    can). The address is only a keyed hash, and a row is removed once its hour is past."""

    bucket = models.CharField(max_length=80, unique=True)  # "<hash or 'all'>:<hour>"
    hour = models.BigIntegerField(db_index=True)  # hours since 1970, UTC
    count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.bucket} {self.count}"
