"""Who is acting: the user, the role they act in, and where the request came from."""

import uuid
from dataclasses import dataclass, field

from allauth.account.adapter import get_adapter
from django.http import HttpRequest

from accounts.models import User


@dataclass(frozen=True)
class Actor:
    user: User
    request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    ip_address: str | None = None

    @property
    def role(self) -> str:
        return self.user.role

    @classmethod
    def from_request(cls, request: HttpRequest) -> "Actor":
        user = request.user
        assert isinstance(user, User), "an anonymous request cannot read personal data"
        return cls(
            user=user,
            request_id=getattr(request, "request_id", None) or str(uuid.uuid4()),
            ip_address=get_adapter(request).get_client_ip(request),
        )

    @classmethod
    def system(cls, user: User) -> "Actor":
        """For management commands and tasks acting as a named account."""
        return cls(user=user)
