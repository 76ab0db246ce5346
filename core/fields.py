from typing import Any

from django.db import models

from core import crypto

# The longest free text a person may write in one field (a report, a journal entry, a decision's reasons).
TEXT_LIMIT = 20_000


class EncryptedTextField(models.TextField[Any, Any]):  # nullable or not, per field
    """Text stored as a Fernet token. Cannot be filtered or ordered on: use a blind index for lookups."""

    def get_prep_value(self, value: Any) -> str | None:
        value = super().get_prep_value(value)
        if value is None:
            return None
        return crypto.encrypt(str(value))

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None:
            return None
        return crypto.decrypt(value)
