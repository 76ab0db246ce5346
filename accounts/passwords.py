"""A password made of one repeated piece ("aaaaaaaaaaaa", "abcabcabcabc") is as weak as its piece."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# At least this many different characters, and no piece of up to a third of the password repeated.
MIN_DISTINCT = 5


class RepetitionValidator:
    def validate(self, password: str, user: object = None) -> None:
        if len(set(password)) < MIN_DISTINCT or _is_repeated(password):
            raise ValidationError(
                _("Lösenordet får inte bestå av samma tecken eller samma teckenföljd upprepad."), code="repeated"
            )

    def get_help_text(self) -> str:
        return _("Lösenordet får inte bestå av samma tecken eller samma teckenföljd upprepad.")


def _is_repeated(password: str) -> bool:
    """True when the password is one piece written over and over (the piece at most a third of it)."""
    size = len(password)
    return any(size % n == 0 and password == password[:n] * (size // n) for n in range(1, size // 3 + 1))
