"""Encryption at rest and keyed blind indexes.

Keys come from settings (the environment in production), never from SECRET_KEY or the database.
The first Fernet key encrypts; all keys decrypt, so an old key may be removed once
`manage.py rotate_field_keys` has re-encrypted every value with the newest key.
"""

import base64
import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys])


def field_cipher() -> MultiFernet:
    return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(plaintext: str) -> str:
    return field_cipher().encrypt(plaintext.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return field_cipher().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken as exc:
        raise ValueError("encrypted value cannot be read with the configured keys") from exc


def rotate(token: str) -> str:
    return field_cipher().rotate(token.encode("ascii")).decode("ascii")


def _key_bytes(key: str) -> bytes:
    return base64.urlsafe_b64decode(key.encode("ascii"))


def blind_index(value: str, *, purpose: str) -> str:
    """A keyed HMAC so equal values can be found without storing them readable.

    Keyed because identity numbers are few enough to brute-force an unkeyed hash.
    """
    message = f"{purpose}:{value}".encode()
    return hmac.new(_key_bytes(settings.BLIND_INDEX_KEY), message, hashlib.sha256).hexdigest()


def log_hasher(first: bytes = b"") -> "hmac.HMAC":
    """An incremental HMAC under the access-log key (for row MACs and chained seals)."""
    return hmac.new(_key_bytes(settings.ACCESS_LOG_KEY), first, hashlib.sha256)


def log_mac(message: bytes) -> str:
    return log_hasher(message).hexdigest()
