import uuid

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.fields import EncryptedTextField


class IdentityKind(models.TextChoices):
    PERSONNUMMER = "personnummer", _("Personnummer")
    SAMORDNINGSNUMMER = "samordningsnummer", _("Samordningsnummer")
    RESERVE = "reserve", _("Reservidentitet (nummer saknas eller okänt)")


class ProtectionLevel(models.TextChoices):
    """The three levels of protected personal data (R2.8)."""

    NONE = "none", _("Inget skydd")
    CONFIDENTIALITY_MARK = "sekretessmarkering", _("Sekretessmarkering")
    PROTECTED_REGISTRATION = "skyddad_folkbokforing", _("Skyddad folkbokföring")
    FICTITIOUS_IDENTITY = "fingerade_personuppgifter", _("Fingerade personuppgifter")


class Person(models.Model):
    """A person in the record: a child, a guardian, a sibling or another relative.

    The identity number is encrypted and found only through `identity_index`. The public id is a UUID:
    neither the number nor the primary key ever appears in a URL.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    given_name = models.CharField(_("förnamn"), max_length=100)
    family_name = models.CharField(_("efternamn"), max_length=100)
    # Lower-cased "given family" for name-fragment search; a trigram index on PostgreSQL (migration 0003).
    search_name = models.CharField(max_length=201, editable=False, db_index=True)
    identity_kind = models.CharField(_("identitet"), max_length=20, choices=IdentityKind.choices)
    identity_number = EncryptedTextField(_("personnummer/samordningsnummer"), null=True, blank=True)
    identity_index = models.CharField(max_length=64, null=True, blank=True, editable=False, unique=True)
    reserve_identity_note = models.CharField(_("om reservidentiteten"), max_length=200, blank=True)
    birth_date = models.DateField(_("födelsedatum"), null=True, blank=True)
    protection_level = models.CharField(
        _("skyddade personuppgifter"), max_length=32, choices=ProtectionLevel.choices, default=ProtectionLevel.NONE
    )
    address = EncryptedTextField(_("adress"), blank=True, default="")
    phone = EncryptedTextField(_("telefon"), blank=True, default="")
    email = EncryptedTextField(_("e-post"), blank=True, default="")
    is_synthetic = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["search_name", "identity_index"])

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["family_name", "given_name"]
        # Every visibility check excludes the protected persons a user is not named for (access.selectors).
        indexes = [models.Index(fields=["id"], condition=~Q(protection_level="none"), name="person_protected")]
        constraints = [
            models.CheckConstraint(
                condition=Q(identity_kind="reserve") | Q(identity_index__isnull=False),
                name="person_number_kinds_have_index",
            )
        ]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def is_protected(self) -> bool:
        return self.protection_level != ProtectionLevel.NONE


class RelationKind(models.TextChoices):
    GUARDIAN_WITH_CUSTODY = "guardian_custody", _("Vårdnadshavare")
    PARENT_WITHOUT_CUSTODY = "parent", _("Förälder utan vårdnad")
    SIBLING = "sibling", _("Syskon")
    OTHER_RELATIVE = "relative", _("Annan anhörig")
    OTHER_NETWORK = "network", _("Annan person i nätverket")


class Relation(models.Model):
    """`relative` stands in `kind` to `child`: e.g. Anna is guardian with custody of Elias."""

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="relations")
    relative = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="relations_as_relative")
    kind = models.CharField(_("relation"), max_length=20, choices=RelationKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("relation")
        verbose_name_plural = _("relationer")
        constraints = [
            models.CheckConstraint(condition=~Q(child=F("relative")), name="relation_not_to_self"),
            models.UniqueConstraint(fields=["child", "relative", "kind"], name="relation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.relative} – {self.get_kind_display()} – {self.child}"
