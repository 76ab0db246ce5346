"""Check key material at start-up, so a malformed key stops the server instead of the first request."""

import base64
import binascii

from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from core.crypto import key_fingerprint


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


def check_hmac_keys(name: str, keys: list[str]) -> None:
    """A key ring, newest first: every key well-formed, and no two keys with the same key id."""
    if not keys:
        raise ImproperlyConfigured(f"{name} holds no key")
    seen: set[str] = set()
    for position, key in enumerate(keys, start=1):
        check_hmac_key(name if len(keys) == 1 else f"{name}: key {position}", key)
        fingerprint = key_fingerprint(key)
        if fingerprint in seen:
            raise ImproperlyConfigured(f"{name}: key {position} repeats an earlier key (key id {fingerprint})")
        seen.add(fingerprint)
