from collections.abc import Callable
from datetime import datetime, timedelta

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils import timezone

_LOGIN_AT = "utvag_login_at"
_SEEN_AT = "utvag_seen_at"
# How often activity renews the session. Renewing on every request would write the session row, and
# wait for that write to reach disk, on every page; once a minute makes the idle limit at most a
# minute shorter than configured, never longer.
IDLE_RENEWAL = timedelta(minutes=1)


class SessionTimeoutMiddleware:
    """The absolute session limit, and renewal of the idle limit (SESSION_COOKIE_AGE) on activity.

    A session expires SESSION_COOKIE_AGE after it was last saved; saving it renews that. Django only
    saves a session that changed, so marking the time seen (at most once per IDLE_RENEWAL) is what
    keeps an active user signed in.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            started = request.session.get(_LOGIN_AT)
            now = timezone.now()
            if started is None:
                request.session[_LOGIN_AT] = now.isoformat()
            elif now - datetime.fromisoformat(started) > settings.SESSION_ABSOLUTE_AGE:
                logout(request)
                if request.path.startswith("/api/"):
                    return JsonResponse({"detail": "session expired"}, status=401)
                return redirect(settings.LOGIN_URL)
            seen = request.session.get(_SEEN_AT)
            if seen is None or now - datetime.fromisoformat(seen) >= IDLE_RENEWAL:
                request.session[_SEEN_AT] = now.isoformat()
        return self.get_response(request)


def two_factor_exempt(user: object) -> bool:
    return bool(settings.DEMO_MODE and getattr(user, "is_demo_account", False))


class RequirePasswordChangeMiddleware:
    """An account signed in with a one-time password (which an administrator has seen) changes it first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if getattr(user, "must_change_password", False) and not _allowed_before_set_up(request.path):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": "password change required"}, status=401)
            return redirect("account_change_password")
        return self.get_response(request)


def _allowed_before_set_up(path: str) -> bool:
    """Sign-in, sign-out, password change and second-factor enrolment, and what those pages load."""
    return path.startswith(("/accounts/", "/static/", "/i18n/"))


class RequireTwoFactorMiddleware:
    """Every staff account must have a second factor before it reaches anything but enrolment."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not _allowed_before_set_up(request.path)
            and not two_factor_exempt(user)
            and not Authenticator.objects.filter(user=user).exists()
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": "two-factor authentication required"}, status=401)
            return redirect("mfa_activate_totp")
        return self.get_response(request)
