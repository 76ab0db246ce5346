"""Field keys that are well-formed but wrong are caught at start-up, not as 500s on the first pages.

`utvag.keys` checks each key's form when the settings load; only the data can say whether the ring
holds the keys that wrote it. So the newest and the oldest stored value of every encrypted field
(history included) are decrypted: a wrong ring fails on the newest, a key removed before
`rotate_field_keys` finished fails on the oldest. Two indexed lookups per field; an empty table
has nothing to misread.
"""

import logging

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connections, models
from django.db.models.functions import Cast

from core import crypto
from core.fields import EncryptedTextField

logger = logging.getLogger("utvag.keys")


def _encrypted_fields() -> list[tuple[type[models.Model], str]]:
    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedTextField)
    ]


def _unreadable(model: type[models.Model], name: str) -> str | None:
    """The field, if its newest or oldest stored value (read as the token, not decrypted) cannot be read."""
    stored = model._base_manager.filter(**{f"{name}__isnull": False}).annotate(token=Cast(name, models.TextField()))
    rows = [stored.order_by(order).values_list("pk", "token").first() for order in ("-pk", "pk")]
    unreadable = []
    for row in rows:
        if row is None:
            return None
        try:
            crypto.decrypt(row[1])
        except ValueError:
            unreadable.append(str(row[0]))
    return f"{model._meta.label}.{name} (row {', '.join(dict.fromkeys(unreadable))})" if unreadable else None


def field_key_problems() -> list[str]:
    """Each stored value checked that UTVAG_FIELD_KEYS cannot decrypt (empty when the ring is right)."""
    return [problem for model, name in _encrypted_fields() if (problem := _unreadable(model, name))]


HINT = (
    "UTVAG_FIELD_KEYS does not hold the key that encrypted these values: a wrong key, or an old key removed "
    "before rotate_field_keys had finished. Put the right keys back (newest first); see docs/operations.md"
)


def require_readable_field_keys() -> None:
    """At start-up (utvag/wsgi.py): refuse to serve with field keys that cannot read the data.

    A database that cannot be reached (or read) yet is not a key problem: that is logged and
    start-up goes on (the pages will fail on the database, not on the keys). The connection is
    closed afterwards, so a server that forks its workers after loading the application does not
    hand them a shared connection.
    """
    try:
        problems = field_key_problems()
    except DatabaseError as error:
        logger.warning("field keys not checked at start-up: the database could not be read (%s)", error)
        return
    finally:
        for connection in connections.all(initialized_only=True):
            if not connection.in_atomic_block:  # the tests' transaction is left alone
                connection.close()
    if problems:
        raise ImproperlyConfigured(f"cannot decrypt {'; '.join(problems)}. {HINT}")
