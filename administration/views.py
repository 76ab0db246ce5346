"""Self-service administration of staff accounts (system administrators). Thin views over
accounts.services/selectors; refusals are 404.

An administrator manages accounts, not case content: nothing here reads a case or a person. A one-time
password is shown once, in the response to the POST that made it (never stored, never in a URL, a
message or a log), with caching forbidden.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from access import rules
from access.actor import Actor
from access.reads import refuse
from access.services import account_close
from accounts import selectors
from accounts.models import User
from accounts.services import (
    staff_user_create,
    staff_user_reactivate,
    staff_user_reset_second_factor,
    staff_user_update,
)
from administration.forms import AccountCreateForm, AccountFilterForm, PlacementForm
from web.http import StaffRequest, show_errors


def _administrator(request: StaffRequest) -> None:
    if not rules.may_administer(request.user):
        refuse(Actor.from_request(request), view_name="administration.accounts")


def _account(request: StaffRequest, user_id: int) -> User:
    _administrator(request)
    account = selectors.account_detail(user_id)
    if account is None:
        raise Http404
    return account


def _one_time_password_page(request: StaffRequest, account: User, password: str, *, created: bool) -> HttpResponse:
    response = render(
        request, "administration/one_time_password.html", {"account": account, "password": password, "created": created}
    )
    add_never_cache_headers(response)
    return response


@require_GET
@login_required
def account_list(request: StaffRequest) -> HttpResponse:
    _administrator(request)
    form = AccountFilterForm(request.GET or None)
    role, unit_id, filters = "", None, {}
    if form.is_valid():
        role = form.cleaned_data["roll"]
        unit = form.cleaned_data["enhet"]
        unit_id = unit.pk if unit else None
        filters = {key: value for key, value in (("roll", role), ("enhet", unit_id or "")) if value}
    page = selectors.account_list(role=role, unit_id=unit_id, page=request.GET.get("sida", 1))
    return render(
        request, "administration/account_list.html", {"form": form, "page": page, "filters": urlencode(filters)}
    )


@sensitive_variables("password")
@require_http_methods(["GET", "POST"])
@login_required
def account_create(request: StaffRequest) -> HttpResponse:
    _administrator(request)
    form = AccountCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account, password = staff_user_create(**form.cleaned_data, created_by=request.user)
        except ValidationError as exc:
            show_errors(form, exc)
        else:
            return _one_time_password_page(request, account, password, created=True)
    return render(request, "administration/account_create.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def account_detail(request: StaffRequest, user_id: int) -> HttpResponse:
    account = _account(request, user_id)
    initial = {"role": account.role, "unit": account.unit_id, "team": account.team_id}
    form = PlacementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            staff_user_update(changed_by=request.user, user=account, **form.cleaned_data)
        except ValidationError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("Kontot är ändrat."))
            return redirect("administration:account_detail", user_id=account.pk)
    context = {
        "account": account,
        "form": form,
        "history": selectors.account_history(account),
        "own_account": account.pk == request.user.pk,
    }
    return render(request, "administration/account_detail.html", context)


@require_POST
@login_required
def account_deactivate(request: StaffRequest, user_id: int) -> HttpResponse:
    account = _account(request, user_id)
    try:
        account_close(closed_by=request.user, user=account)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _(
                "Kontot är inaktiverat, dess inloggningar är avslutade och dess namngivningar för skyddade "
                "personer återkallade."
            ),
        )
    return redirect("administration:account_detail", user_id=account.pk)


@require_POST
@login_required
def account_reactivate(request: StaffRequest, user_id: int) -> HttpResponse:
    account = _account(request, user_id)
    staff_user_reactivate(changed_by=request.user, user=account)
    messages.success(request, _("Kontot är aktivt igen."))
    return redirect("administration:account_detail", user_id=account.pk)


@sensitive_variables("password")
@require_POST
@login_required
def account_reset_second_factor(request: StaffRequest, user_id: int) -> HttpResponse:
    account = _account(request, user_id)
    try:
        password = staff_user_reset_second_factor(changed_by=request.user, user=account)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("administration:account_detail", user_id=account.pk)
    return _one_time_password_page(request, account, password, created=False)


@require_http_methods(["GET", "POST"])
def password_reset(request: HttpRequest) -> HttpResponse:
    """In place of allauth's reset by e-mail (Utväg sends no mail): a new password comes from an administrator.

    The same page for GET and POST, signed in or not, and nothing is saved: the answer says nothing about
    whether an account exists.
    """
    return render(request, "administration/password_reset.html")


@require_http_methods(["GET", "POST"])
def email_management(request: HttpRequest) -> HttpResponse:
    """allauth's own e-mail page is not used: an account's work e-mail is set by an administrator."""
    raise Http404
