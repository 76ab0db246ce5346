"""Swedish identity numbers: personnummer and samordningsnummer.

Stored as 12 digits (YYYYMMDDNNNC), encrypted, and found by exact match through a blind index
(written under the newest index key, looked up under every configured one).
Never put one in a URL: request paths end up in proxy and server logs.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from personnummer import personnummer

from core import crypto

INDEX_PURPOSE = "identity-number"
_SHAPE = re.compile(r"^(\d{6}|\d{8})[-+]?\d{4}$")


@dataclass(frozen=True)
class IdentityNumber:
    twelve_digits: str
    is_coordination_number: bool
    birth_date: date

    @property
    def display(self) -> str:
        return f"{self.twelve_digits[:8]}-{self.twelve_digits[8:]}"


def parse_identity_number(raw: str) -> IdentityNumber:
    """Validate and normalise; raise ValidationError with a message for the user otherwise."""
    cleaned = re.sub(r"\s", "", raw or "")
    if not _SHAPE.match(cleaned):
        raise ValidationError(_("Ange personnummer eller samordningsnummer som ÅÅÅÅMMDD-NNNN."), code="identity_shape")
    try:
        parsed = personnummer.parse(cleaned)
    except personnummer.PersonnummerException as exc:
        raise ValidationError(
            _("Numret är inte ett giltigt personnummer eller samordningsnummer (fel datum eller kontrollsiffra)."),
            code="identity_invalid",
        ) from exc
    twelve = parsed.format(True).replace("-", "").replace("+", "")
    day = int(twelve[6:8])
    is_coordination = parsed.is_coordination_number()
    birth = date(int(twelve[:4]), int(twelve[4:6]), day - 60 if is_coordination else day)
    return IdentityNumber(twelve, is_coordination, birth)


def looks_like_identity_number(text: str) -> bool:
    return bool(_SHAPE.match(re.sub(r"\s", "", text or "")))


def identity_index(number: IdentityNumber) -> str:
    """The index to store, under the newest index key."""
    return crypto.blind_index(number.twelve_digits, purpose=INDEX_PURPOSE)


def identity_indexes(number: IdentityNumber) -> list[str]:
    """The indexes to look up, under every configured index key: `identity_index__in=…`.

    While an index key is being rotated, stored indexes are under the old key or the new one.
    """
    return crypto.blind_indexes(number.twelve_digits, purpose=INDEX_PURPOSE)


def stored_identity_index(twelve_digits: str) -> str:
    """The index of a stored (decrypted) number under the newest key, for re-indexing."""
    return crypto.blind_index(twelve_digits, purpose=INDEX_PURPOSE)


def luhn_check_digit(nine_digits: str) -> int:
    total = 0
    for position, char in enumerate(nine_digits):
        product = int(char) * (2 if position % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def synthetic_identity_number(birth: date, serial: int) -> IdentityNumber:
    """A number shaped like a personnummer whose check digit is deliberately wrong.

    No real person can have it, because every real number carries a correct check digit
    (docs/synthetic-data.md). Used only by the seed command; never accepted by registration forms.
    """
    body = f"{birth:%Y%m%d}{serial:03d}"
    wrong = (luhn_check_digit(body[2:]) + 5) % 10
    return IdentityNumber(body + str(wrong), False, birth)


def parse_synthetic_identity_number(raw: str) -> IdentityNumber | None:
    """Recognise a synthetic number (for search in demo and test installations only)."""
    cleaned = re.sub(r"[\s+-]", "", raw or "")
    if len(cleaned) != 12 or not cleaned.isdigit():
        return None
    try:
        birth = date(int(cleaned[:4]), int(cleaned[4:6]), int(cleaned[6:8]))
    except ValueError:
        return None
    candidate = synthetic_identity_number(birth, int(cleaned[8:11]))
    return candidate if candidate.twelve_digits == cleaned else None


def parse_entered_identity_number(raw: str, *, allow_synthetic: bool) -> tuple[IdentityNumber, bool]:
    """A number typed by staff, and whether it is synthetic (accepted only where `allow_synthetic`).

    Raises the real parser's ValidationError when the number is neither.
    """
    try:
        return parse_identity_number(raw), False
    except ValidationError:
        synthetic = parse_synthetic_identity_number(raw) if allow_synthetic else None
        if synthetic is None:
            raise
        return synthetic, True
