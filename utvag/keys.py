"""Check key material at start-up, so a malformed key stops the server instead of the first request."""

import base64
import binascii

from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured


def check_fernet_keys(name: str, keys: list[str]) -> None:
    if not keys:
        raise ImproperlyConfigured(f"{name} holds no key")
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except (ValueError, binascii.Error) as exc:
            raise ImproperlyConfigured(f"{name}: key {position} is not a Fernet key") from exc


def check_hmac_key(name: str, key: str) -> None:
    try:
        raw = base64.urlsafe_b64decode(key.encode("ascii"))
    except (ValueError, binascii.Error) as exc:
        raise ImproperlyConfigured(f"{name} must be URL-safe base64") from exc
    if len(raw) < 32:
        raise ImproperlyConfigured(f"{name} must hold at least 32 random bytes")
