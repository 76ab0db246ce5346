"""The municipality's offered supports (insatskatalog), and anonymous counts of those given without
an individual needs assessment.

A service here is not personal data: it is what the social services offer, who may use it and how much
of it there is. A plan goal names the service that carries it (`programme.PlanItem.service`). A
service given without an individual needs assessment (11 kap. 5 § SoL 2025:400) is counted, never tied
to a person: the committee may decide that nothing identifying is documented (14 kap. 5 §), and a
count per month and age band is all Utväg keeps of it.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ServiceKind(models.TextChoices):
    OPEN_CARE = "open-care", _("Öppenvård för barn, unga och familjer")
    YOUTH_CARE = "youth-care", _("Ungdomsvård enligt ungdomskontrakt eller dom")
    AFTERCARE = "aftercare", _("Eftervård")
    CONSULTATION = "consultation", _("Konsultation och stöd för den som vill lämna kriminaliteten")
    KONTAKTPERSON = "kontaktperson", _("Kontaktperson, kontaktfamilj eller kvalificerad kontaktperson")
    FAMILY = "family", _("Familjestöd, till exempel familjecentral")
    PROTECTED_HOUSING = "protected-housing", _("Skyddat boende")
    PLACEMENT = "placement", _("Vård i familjehem, jourhem, stödboende eller HVB")
    OPEN_ACTIVITY = "open-activity", _("Öppen verksamhet, till exempel samtalsstöd utan ansökan")
    OTHER = "other", _("Annat")


# 11 kap. 5 § SoL (2025:400): these always need an individual needs assessment (points 1, 2, 5 and 7;
# a child's place in skyddat boende is a placement under lag 2024:79 as well).
ALWAYS_ASSESSED = frozenset({ServiceKind.KONTAKTPERSON, ServiceKind.PLACEMENT, ServiceKind.PROTECTED_HOUSING})


class Service(models.Model):
    """One support the municipality offers: what it is, who provides it, who may use it, and how much."""

    key = models.SlugField(_("kortnamn"), max_length=40, unique=True)
    name = models.CharField(_("namn"), max_length=120)
    kind = models.CharField(_("slag av insats"), max_length=20, choices=ServiceKind.choices)
    description = models.TextField(_("beskrivning"), max_length=2000)
    provider = models.CharField(_("utförare"), max_length=200)
    by_partner = models.BooleanField(_("utförs av en samverkanspart"), default=False)
    target_group = models.CharField(_("vem insatsen är till för"), max_length=300)
    min_age = models.PositiveSmallIntegerField(_("från ålder"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("till och med ålder"), null=True, blank=True)
    hours = models.CharField(_("när den finns"), max_length=200, blank=True)
    on_call = models.BooleanField(_("beredskap kvällar och helger"), default=False)
    without_assessment = models.BooleanField(_("ges utan individuell behovsprövning"), default=False)
    # The committee's decision (11 kap. 5 §, and 14 kap. 5 § not to document identity) by its reference.
    committee_decision = models.CharField(_("nämndens beslut"), max_length=100, blank=True)
    capacity = models.PositiveIntegerField(_("platser"), null=True, blank=True)
    ivo_permit = models.CharField(_("IVO-tillstånd"), max_length=60, blank=True)
    valid_from = models.DateField(_("erbjuds från"))
    valid_to = models.DateField(_("erbjuds till och med"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "key"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")), name="service_valid_forwards"
            ),
            models.CheckConstraint(
                condition=Q(min_age__isnull=True) | Q(max_age__isnull=True) | Q(max_age__gte=F("min_age")),
                name="service_ages_forwards",
            ),
            models.CheckConstraint(
                condition=Q(without_assessment=False) | ~Q(kind__in=sorted(ALWAYS_ASSESSED)),
                name="service_assessed_when_law_says",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class AgeBand(models.TextChoices):
    # Under 15 only with a guardian's consent (21 kap. 2 § SoL 2025:400); the count does not show whose.
    UNDER_15 = "under-15", _("Under 15 år")
    FROM_15 = "15-17", _("15–17 år")
    FROM_18 = "18-21", _("18–21 år")
    UNKNOWN = "unknown", _("Okänd ålder")


class AnonymousCount(models.Model):
    """How many were given a service without an individual needs assessment in a month: no person, ever.

    Append-only (catalogue 0002); a correction is a new row naming the row it replaces.
    """

    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="counts")
    month = models.DateField(_("månad"))  # the first day of the month
    age_band = models.CharField(_("ålder"), max_length=10, choices=AgeBand.choices)
    count = models.PositiveIntegerField(_("antal"))
    corrects = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrected_by"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("registrerad"), auto_now_add=True)

    class Meta:
        ordering = ["-month", "age_band", "id"]

    def __str__(self) -> str:
        return f"{self.service_id} {self.month:%Y-%m} {self.age_band}: {self.count}"
