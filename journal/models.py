import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from core.fields import EncryptedTextField

# Long enough for a thorough entry, short enough that a journal page stays readable. The services
# enforce it; the field carries it too so a form gets a matching maxlength.
MAX_BODY_LENGTH = 20_000


class JournalEntry(models.Model):
    """One entry in a case journal (SOSFS 2014:5): what happened, on which day, written by whom.

    A draft (`signed_at` null) is its author's working material: autosaved, visible to the author only,
    and may be changed or discarded. Once signed the row is immutable, enforced by database triggers
    (migration 0002): a correction is a new entry whose `corrects` points at the old one, which stays.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="journal_entries", verbose_name=_("ärende"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("författare")
    )
    body = EncryptedTextField(_("anteckning"), max_length=MAX_BODY_LENGTH)
    event_date = models.DateField(_("händelsedatum"))
    created_at = models.DateTimeField(_("skapad"))
    updated_at = models.DateTimeField(_("senast sparad"))
    signed_at = models.DateTimeField(_("signerad"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signerad av"),
    )
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("rättar"),
    )

    class Meta:
        verbose_name = _("journalanteckning")
        verbose_name_plural = _("journalanteckningar")
        # The journal page (signed, by case) and the author's drafts (signed_at null, by case).
        indexes = [models.Index(fields=["case", "signed_at"], name="journalentry_case_signed")]
        constraints = [
            models.CheckConstraint(
                condition=Q(signed_at__isnull=True, signed_by__isnull=True)
                | Q(signed_at__isnull=False, signed_by__isnull=False),
                name="journalentry_signed_at_and_by",
            ),
            models.CheckConstraint(
                condition=Q(corrects__isnull=True) | ~Q(corrects=F("id")),
                name="journalentry_not_correcting_itself",
            ),
        ]

    def __str__(self) -> str:
        # Never the body: it is personal data and __str__ ends up in logs and error reports.
        return f"{self.case_id}/{self.public_id}"

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None


class DisputedBy(models.TextChoices):
    CHILD = "child", _("Barnet")
    GUARDIAN = "guardian", _("Vårdnadshavare")
    OTHER = "other", _("Annan person som uppgiften gäller")


class JournalDispute(models.Model):
    """A person's statement that a signed entry is wrong, written down beside it (14 kap. 6 § SoL 2025:400:
    "Om den enskilde anser att någon uppgift i dokumentationen är felaktig ska det antecknas.").

    The law asks that it be noted, not that the entry be changed: the entry stays as signed, the note
    stands beside it wherever the entry is read, and the note itself is never changed either (the
    database refuses it, migration 0004). The worker may answer with a correction, which is a new entry.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    entry = models.ForeignKey(
        JournalEntry, on_delete=models.PROTECT, related_name="disputes", verbose_name=_("journalanteckning")
    )
    disputed_by = models.CharField(_("vem anser att uppgiften är felaktig"), max_length=20, choices=DisputedBy.choices)
    disputed_by_name = EncryptedTextField(_("namn"), blank=True, default="")
    statement = EncryptedTextField(_("vad personen anser är felaktigt"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("antecknat"))

    class Meta:
        verbose_name = _("invändning mot journalanteckning")
        verbose_name_plural = _("invändningar mot journalanteckningar")
        ordering = ["recorded_at", "id"]

    def __str__(self) -> str:
        # Never the statement: it is personal data.
        return f"{self.entry_id}/{self.public_id}"
