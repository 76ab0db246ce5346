"""Key rings: the newest key writes, every key is tried, and a key is named only by its fingerprint."""

import base64
import hashlib

import pytest
from django.test import override_settings

from core import crypto

KEY_A = base64.urlsafe_b64encode(b"A" * 32).decode()
KEY_B = base64.urlsafe_b64encode(b"B" * 32).decode()


def test_a_key_id_is_a_short_fingerprint_of_the_key_bytes() -> None:
    assert crypto.key_fingerprint(KEY_A) == hashlib.sha256(b"A" * 32).hexdigest()[:8]
    assert crypto.key_fingerprint(KEY_A) != crypto.key_fingerprint(KEY_B)


@override_settings(BLIND_INDEX_KEYS=[KEY_B, KEY_A])
def test_indexes_are_written_with_the_newest_key_and_looked_up_with_all() -> None:
    both = crypto.blind_indexes("201701012393", purpose="identity-number")
    assert crypto.blind_index("201701012393", purpose="identity-number") == both[0]
    with override_settings(BLIND_INDEX_KEYS=[KEY_A]):
        assert both[1] == crypto.blind_index("201701012393", purpose="identity-number")
    assert crypto.index_key_id() == crypto.key_fingerprint(KEY_B)


@override_settings(ACCESS_LOG_KEYS=[KEY_B, KEY_A])
def test_log_macs_use_the_named_key_or_the_newest() -> None:
    id_a, id_b = crypto.key_fingerprint(KEY_A), crypto.key_fingerprint(KEY_B)
    assert crypto.log_key_ids() == [id_b, id_a]
    assert crypto.log_mac(b"row") == crypto.log_mac(b"row", key_id=id_b) != crypto.log_mac(b"row", key_id=id_a)
    with pytest.raises(crypto.UnknownLogKey, match="ffffffff is not configured"):
        crypto.log_mac(b"row", key_id="ffffffff")


@override_settings(ACCESS_LOG_KEYS=[KEY_B, base64.urlsafe_b64encode(b"L" * 80).decode()])
def test_the_bulk_signer_macs_exactly_as_log_mac_does() -> None:
    """The seed's loader MACs millions of rows with it; verification uses log_mac. They must agree."""
    long_key = crypto.log_key_ids()[1]  # longer than a SHA-256 block: RFC 2104 hashes it first
    messages = [b"", b"row", "åtkomst\x1f42".encode(), b"x" * 200]
    for key_id in (None, long_key):
        sign = crypto.log_signer(key_id=key_id)
        assert [sign(m) for m in messages] == [crypto.log_mac(m, key_id=key_id) for m in messages]
    assert crypto.log_signer()(b"row") != crypto.log_signer(key_id=long_key)(b"row")
    with pytest.raises(crypto.UnknownLogKey):
        crypto.log_signer(key_id="ffffffff")
