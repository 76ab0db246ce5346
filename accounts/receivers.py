"""Signal receivers: what happens to an account when allauth changes its password."""

from typing import Any

from allauth.account.signals import password_changed
from django.dispatch import receiver

from accounts.models import User


@receiver(password_changed)
def password_chosen(sender: object, request: object, user: User, **kwargs: Any) -> None:
    """The person has chosen their own password: the one-time password no longer holds the account."""
    if user.must_change_password:
        User.objects.filter(pk=user.pk).update(must_change_password=False)
        user.must_change_password = False
