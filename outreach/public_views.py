"""The public contact page: outside the staff sign-in, with no cookie, no third-party request and no
cache, a way out of the page at once, and the same answer whoever the child is.

Django's CSRF protection would set a cookie before the form is sent, so this one view goes without it;
what it guards against (a form sent from elsewhere in a signed-in user's name) cannot happen here, where
nobody is signed in and the request only adds a signal. A signed token from the page, at least a few
seconds and at most two hours old, a field only robots fill in, and a rate limit per address keep scripts
out without any outside service.
"""

import time
from typing import Any

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from outreach.public_contact import (
    SAFE,
    WHO,
    ContactRequest,
    contact_send,
    problems,
    receiving_account,
    refusal_log,
    within_limits,
)
from outreach.public_texts import LANGUAGES, Words, words

SALT = "outreach.public_contact"
FASTEST, OLDEST = 3, 2 * 3600  # seconds between the page and the send: a person needs more than a robot
TRAP = "webbplats"  # the field a person never sees


@csrf_exempt
@require_http_methods(["GET", "POST"])
def public_contact(request: HttpRequest) -> HttpResponse:
    code, text = words(request.POST.get("sprak") or request.GET.get("sprak"))
    account = receiving_account()
    if account is None:
        return _page(request, "outreach/public_unavailable.html", code, text, status=503)
    if request.method == "GET":
        return _form(request, code, text, values={}, errors={})
    values = {name: request.POST.get(name, "") for name in ("who", "age", "message", "name", "reach", "safe")}
    sent = _sent_at(request.POST.get("token", ""))
    if request.POST.get(TRAP):
        return _receipt(request, code, text, anonymous=True)  # a robot: told nothing, and nothing is kept
    if sent is None:
        return _form(request, code, text, values=values, errors={"token": "error_stale"})
    counted = within_limits(get_adapter(request).get_client_ip(request))
    if not counted.ok:
        if counted.first_over:
            refusal_log(account, "rate_limited")
        return _page(request, "outreach/public_unavailable.html", code, text, status=429, extra={"busy": True})
    data = ContactRequest(
        who=values["who"],
        age=int(values["age"]) if values["age"].strip().isdigit() else None,
        message=values["message"],
        name=values["name"],
        reach=values["reach"],
        safe=values["safe"] if values["safe"] in SAFE else "",
    )
    errors = problems(data)
    if errors:
        refusal_log(account, ", ".join(f"{field}:{name}" for field, name in errors.items()))
        return _form(request, code, text, values=values, errors=errors)
    if time.time() - sent < FASTEST:
        # A complete send faster than a person can write one: a robot, thanked, and nothing is kept. A person
        # who sends too soon with something missing is told what is missing instead.
        return _receipt(request, code, text, anonymous=True)
    contact_send(account=account, data=data, received_at=timezone.now())
    return _receipt(request, code, text, anonymous=not (data.name.strip() or data.reach.strip()))


def _sent_at(token: str) -> float | None:
    """When the page was shown, from its signed token; None for a forged one or one shown too long ago."""
    try:
        shown = float(signing.loads(token, salt=SALT, max_age=OLDEST)["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return shown if time.time() - shown <= OLDEST else None


def _form(
    request: HttpRequest, code: str, text: Words, *, values: dict[str, str], errors: dict[str, str]
) -> HttpResponse:
    shown = {
        field: getattr(text, name).format(phone=settings.UTVAG_PUBLIC_CONTACT_PHONE) for field, name in errors.items()
    }
    context = {
        "values": values,
        "errors": shown,
        "token": signing.dumps({"t": time.time()}, salt=SALT),
        "who_choices": [(value, getattr(text, f"who_{value}")) for value in WHO],
        "safe_choices": [("yes", text.safe_yes), ("text", text.safe_text_only), ("no", text.safe_no)],
        "trap": TRAP,
    }
    return _page(request, "outreach/public_contact.html", code, text, extra=context)


def _receipt(request: HttpRequest, code: str, text: Words, *, anonymous: bool) -> HttpResponse:
    return _page(request, "outreach/public_receipt.html", code, text, extra={"anonymous": anonymous})


def _page(
    request: HttpRequest,
    template: str,
    code: str,
    text: Words,
    *,
    status: int = 200,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    phone = settings.UTVAG_PUBLIC_CONTACT_PHONE
    context = {
        "code": code,
        "w": text,
        "phone": phone,
        "languages": [(key, other.name) for key, other in LANGUAGES.items() if key != code],
        "exit_url": settings.UTVAG_QUICK_EXIT_URL,
        "sent_body": text.sent_body.format(phone=phone),
        "sent_anonymous": text.sent_anonymous.format(phone=phone),
        "too_many": text.too_many.format(phone=phone),
        **(extra or {}),
    }
    response = render(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response
