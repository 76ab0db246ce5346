"""Request helpers every app's views use: the signed-in request, and form-and-service handling written once.

The shell knows nothing of the domain: a view hands in the form, the service call, where to go when
it worked, and how to read what the page shows when it did not. Need-to-know stays with the caller's
read (through `access`), which the shell never makes itself.
"""

from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import get_script_prefix, reverse
from django_htmx.middleware import HtmxDetails

if TYPE_CHECKING:
    from accounts.models import User


class StaffRequest(HttpRequest):
    """What a view behind @login_required receives: a signed-in staff user (and django-htmx's details)."""

    user: "User"
    htmx: HtmxDetails


def case_url(public_id: object) -> str:
    """The case page, where every change to a case goes back to."""
    return f"{_case_root(get_script_prefix())}{public_id}/"


@cache
def _case_root(script_prefix: str) -> str:
    """Where case pages start, reversed once per script prefix: lists link a hundred cases a page,
    and a hundred reverse() calls cost more than the rest of a row."""
    marker = UUID(int=0)
    return reverse("casefile:case_detail", kwargs={"public_id": marker}).removesuffix(f"{marker}/")


def show_errors(form: Form, exc: ValidationError) -> None:
    """A service's errors on the form: by field where the form has that field, otherwise on top."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, [e.message % (e.params or {}) for e in errors])
    else:
        form.add_error(None, exc.messages)


def submitted(request: HttpRequest, form: Form, change: Callable[[dict[str, Any]], object]) -> bool:
    """A valid POST whose change went through; a refusal's errors go on the form (every one of them)."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        change(form.cleaned_data)
    except ValidationError as exc:
        show_errors(form, exc)
        return False
    return True


def form_page(
    request: HttpRequest,
    *,
    form: Form,
    change: Callable[[dict[str, Any]], object],
    done: str,
    success_url: str | Callable[[Any], str],
    template: str,
    context: Callable[[], Mapping[str, Any]],
) -> HttpResponse:
    """The one form view: on a valid POST make the change and go on; otherwise show the form.

    `success_url` may be a function of what the change made (a new record's own page). `context` is
    called only when the form is shown (a GET, or a POST with errors), so the read it makes, and logs,
    happens only then.
    """
    made: list[object] = []
    if submitted(request, form, lambda data: made.append(change(data))):
        messages.success(request, done)
        return redirect(success_url(made[0]) if callable(success_url) else success_url)
    return render(request, template, {**context(), "form": form})


def button_action(request: HttpRequest, change: Callable[[], object], *, done: str, success_url: str) -> HttpResponse:
    """A change made by a button alone: say how it went, and go back."""
    try:
        change()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done)
    return redirect(success_url)
