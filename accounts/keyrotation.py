"""Re-encrypt everything under the newest field key, so older keys can be removed from UTVAG_FIELD_KEYS."""

from dataclasses import dataclass, field

from allauth.mfa.models import Authenticator
from django.apps import apps
from django.db import models, transaction

from core import crypto
from core.fields import EncryptedTextField

CHUNK = 2_000


@dataclass
class RotationReport:
    rows: dict[str, int] = field(default_factory=dict)


def _encrypted_fields(model: type[models.Model]) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]


def _rotate_model(model: type[models.Model], names: list[str]) -> int:
    """Loading decrypts with any configured key; bulk_update encrypts with the first (newest) one.

    bulk_update writes no change history: re-encryption changes no content.
    """
    done = 0
    pks = list(model._default_manager.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), CHUNK):
        with transaction.atomic():
            rows = list(model._default_manager.filter(pk__in=pks[start : start + CHUNK]).only("pk", *names))
            model._default_manager.bulk_update(rows, names)
        done += len(rows)
    return done


def _rotate_authenticator_secrets() -> int:
    done = 0
    with transaction.atomic():
        for authenticator in Authenticator.objects.select_for_update().filter(type=Authenticator.Type.TOTP):
            authenticator.data = {**authenticator.data, "secret": crypto.rotate(authenticator.data["secret"])}
            authenticator.save(update_fields=["data"])
            done += 1
    return done


def rotate_field_keys() -> RotationReport:
    report = RotationReport()
    for model in apps.get_models():
        names = _encrypted_fields(model)
        if names:
            report.rows[model._meta.label] = _rotate_model(model, names)
    report.rows["mfa.Authenticator (TOTP)"] = _rotate_authenticator_secrets()
    return report
