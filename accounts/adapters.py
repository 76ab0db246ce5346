from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialLogin
from django.http import HttpRequest

from core import crypto


class StaffAccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth ships no type hints
    """Accounts are created by administrators, never by sign-up."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False


class StaffMFAAdapter(DefaultMFAAdapter):  # type: ignore[misc]  # allauth ships no type hints
    """TOTP secrets are encrypted with the field keys, not stored readable in the database."""

    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.decrypt(encrypted_text)


class StaffSocialAccountAdapter(DefaultSocialAccountAdapter):  # type: ignore[misc]  # allauth ships no type hints
    """Single sign-on only reaches accounts an administrator created; it never signs anyone up."""

    def is_open_for_signup(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        return False
