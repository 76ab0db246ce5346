"""Where a child, or a relative under threat, is protected now: the one thing here that can get a child
killed if it leaks.

Municipality and address are encrypted at rest, entered only by staff named for the case's destination
and shown only to them (`access.rules.may_see_destination`); every view is an access-log row of the kind
`AccessAction.DESTINATION`. Nothing else in Utväg may print, count or hint at them: pages, lists, counts,
search, timeline, notices, PDFs, exports and the API show that a protected destination exists, at most,
and only to those who may see the case (`tests/test_destination_canary.py`).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from core.fields import EncryptedTextField
from people.models import Person
from protection.provider_models import Provider


class Destination(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="destinations")
    # Whose destination: the child (None) or a threatened relative.
    person = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    municipality = EncryptedTextField(_("kommun"))
    address = EncryptedTextField(_("adress"), blank=True)
    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("utförare")
    )
    from_on = models.DateField(_("från"))
    to_on = models.DateField(_("till och med"), null=True, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField()

    class Meta:
        verbose_name = _("skyddad vistelseort")
        verbose_name_plural = _("skyddade vistelseorter")
        ordering = ["-from_on", "-id"]
        indexes = [models.Index(fields=["case", "to_on"], name="destination_case_live")]
        constraints = [
            models.CheckConstraint(
                condition=Q(to_on__isnull=True) | Q(to_on__gte=F("from_on")), name="destination_period"
            )
        ]

    def __str__(self) -> str:
        # Never the place: a str() that reaches a template or a log must not reveal it.
        return str(_("Skyddad vistelseort"))
