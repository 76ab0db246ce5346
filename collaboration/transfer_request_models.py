"""Moving a case to another municipality as SoL (2025:400) 29 kap. 10 and 11 §§ have it: the written request,
the other municipality's written answer, and when they do not agree (or no answer came within a month) the
application to IVO and its decision. The case is handed over afterwards as a `Transfer`.

Each step is a row of its own, never changed (migration 0008): a request once, an answer once, an application
once, a decision once. What the request told the other municipality about the child is its `Disclosure`.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from core.fields import EncryptedTextField
from core.models import LegalBasis


class TransferRequest(models.Model):
    """The committee asks another municipality to take the case over (29 kap. 10 § andra och tredje styckena):
    in writing, with why the child has the strongest connection there and why it is suitable, given the
    child's wishes, how long the need lasts and the rest."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="transfer_requests")
    legal_basis = models.ForeignKey(LegalBasis, on_delete=models.PROTECT, related_name="+", verbose_name=_("lagrum"))
    disclosure = models.OneToOneField(
        "collaboration.Disclosure", on_delete=models.PROTECT, related_name="transfer_request"
    )
    municipality = EncryptedTextField(_("kommunen som ombeds ta över"))
    requested_on = models.DateField(_("begärt"))
    connection = EncryptedTextField(_("barnets anknytning till kommunen"))
    wishes = EncryptedTextField(_("barnets och vårdnadshavarnas önskemål"))
    duration = EncryptedTextField(_("hur länge behovet av hjälp väntas vara"))
    circumstances = EncryptedTextField(_("omständigheterna i övrigt"), blank=True, default="")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("begäran om överflyttning av ärende")
        verbose_name_plural = _("begäranden om överflyttning av ärende")
        ordering = ["-requested_on", "-id"]

    def __str__(self) -> str:
        return f"{self.case} {self.requested_on}"


class TransferAnswer(models.Model):
    """The other municipality's written answer (29 kap. 10 § tredje stycket: "genast")."""

    request = models.OneToOneField(TransferRequest, on_delete=models.PROTECT, related_name="answer")
    answered_on = models.DateField(_("svaret kom"))
    agreed = models.BooleanField(_("kommunen tar över ärendet"))
    note = EncryptedTextField(_("vad kommunen skrev"), blank=True, default="")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("svar på begäran om överflyttning")
        verbose_name_plural = _("svar på begäran om överflyttning")

    def __str__(self) -> str:
        return f"{self.request} {self.answered_on}"


class IvoApplication(models.Model):
    """The committee's application to IVO (29 kap. 11 §): the other municipality said no, or did not answer
    within a month of the request."""

    request = models.OneToOneField(TransferRequest, on_delete=models.PROTECT, related_name="ivo_application")
    legal_basis = models.ForeignKey(LegalBasis, on_delete=models.PROTECT, related_name="+", verbose_name=_("lagrum"))
    applied_on = models.DateField(_("ansökan skickad"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("ansökan hos IVO om överflyttning")
        verbose_name_plural = _("ansökningar hos IVO om överflyttning")

    def __str__(self) -> str:
        return f"{self.request} {self.applied_on}"


class IvoDecision(models.Model):
    """IVO's decision: the case moves, or it stays. It may be appealed to the administrative court
    (35 kap. 2 § 5)."""

    application = models.OneToOneField(IvoApplication, on_delete=models.PROTECT, related_name="decision")
    decided_on = models.DateField(_("IVO beslutade"))
    transfer = models.BooleanField(_("ärendet ska flyttas över"))
    note = EncryptedTextField(_("om beslutet"), blank=True, default="")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("IVO:s beslut om överflyttning")
        verbose_name_plural = _("IVO:s beslut om överflyttning")

    def __str__(self) -> str:
        return f"{self.application} {self.decided_on}"
