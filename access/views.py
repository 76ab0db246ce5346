"""Access's screens: emergency access, asking the log and reviewing grants, the needs-and-risk analysis,
and the unit manager's naming of staff for protected persons. Refusals are 404, like a missing record."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from access import naming, review, rules, services
from access.actor import Actor
from access.forms import (
    EmergencyAccessForm,
    EmergencyByNumberForm,
    EmergencyReviewForm,
    LogQuestionForm,
    NamingForm,
    NamingInputForm,
    ProtectedAccessForm,
)
from access.permissions import actions_of, actions_table
from access.reads import refuse
from accounts.models import NeedsRiskAnalysis, Role
from web.http import StaffRequest, case_url


@require_http_methods(["GET", "POST"])
@login_required
def emergency_access(request: StaffRequest, public_id: str) -> HttpResponse:
    if not rules.may_request_emergency_access(request.user):
        refuse(Actor.from_request(request), view_name="access.emergency_access")
    form = EmergencyAccessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.emergency_access_start(
                actor=Actor.from_request(request), case_public_id=public_id, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form.add_error("reason", exc.messages[0])
        else:
            messages.warning(request, _("Nödåtkomst gäller nu. Den loggas och granskas."))
            return redirect("casefile:case_detail", public_id=public_id)
    return render(request, "access/emergency_access.html", {"form": form, "public_id": public_id})


@require_http_methods(["GET", "POST"])
@login_required
def emergency_access_by_number(request: StaffRequest) -> HttpResponse:
    """By number, from the search and not-found pages. Every refusal gets the same page and words."""
    actor = Actor.from_request(request)
    if not rules.may_request_emergency_access(request.user):
        refuse(actor, view_name="access.emergency_access_by_number")
    form = EmergencyByNumberForm(request.POST or None)
    refused = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.emergency_access_by_number(
                actor=actor, number=data["identity_number"], reason=data["reason"]
            )
        except ValidationError as exc:
            form.add_error("reason", exc.messages[0])
        else:
            if case is not None:
                messages.warning(request, _("Nödåtkomst gäller nu. Den loggas och granskas."))
                return redirect(case_url(case.public_id))
            refused = True
    return render(request, "access/emergency_by_number.html", {"form": form, "refused": refused})


@require_http_methods(["GET", "POST"])
@login_required
def protected_access(request: StaffRequest, public_id: str) -> HttpResponse:
    """The unit manager's second path into a protected child's case (refusals: the service's 404)."""
    actor = Actor.from_request(request)
    case = services.protected_access_case(actor, public_id)
    if case is None:
        return redirect(case_url(public_id))  # named for the child: the case is already theirs
    form = ProtectedAccessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.protected_access_start(
                actor=actor, case_public_id=public_id, reason=data["reason"], shows_address=data["shows_address"]
            )
        except ValidationError as exc:
            form.add_error("reason", exc.messages[0])
        else:
            told = _(
                "Ärendet är öppet för dig i några timmar. Loggranskaren och den namngivna personalen har fått veta."
            )
            messages.warning(request, told)
            return redirect(case_url(public_id))
    return render(request, "access/protected_access.html", {"form": form, "case": case})


@require_http_methods(["GET", "POST"])
@login_required
def access_log(request: StaffRequest) -> HttpResponse:
    """Ask the log (POST, so identity numbers stay out of URLs): a page of rows, or a random sample."""
    if not rules.may_review_logs(request.user):
        refuse(Actor.from_request(request), view_name="access.log")
    form = LogQuestionForm(request.POST or None)
    answer = None
    if request.method == "GET":
        answer = review.search_log(Actor.from_request(request), LogQuestionForm.default_question())
    elif form.is_valid():
        actor = Actor.from_request(request)
        if "stickprov" in request.POST:
            seed = form.cleaned_data["seed"]
            answer = review.sample_log(actor, form.question(), seed=secrets.randbelow(10**6) if seed is None else seed)
        else:
            older_than = review.Cursor.decode(request.POST.get("fore", ""))
            answer = review.search_log(actor, form.question(), older_than=older_than)
    context = {
        "form": form,
        "answer": answer,
        "pending": review.pending_grants(request.user),
        "review_form": EmergencyReviewForm(),
    }
    return render(request, "access/access_log.html", context)


@require_POST
@login_required
def emergency_review(request: StaffRequest, grant_id: int) -> HttpResponse:
    if not rules.may_review_logs(request.user):
        refuse(Actor.from_request(request), view_name="access.emergency_review")
    grant = get_object_or_404(review.reviewable_grants(request.user), pk=grant_id)
    form = EmergencyReviewForm(request.POST)
    if form.is_valid():
        try:
            services.emergency_access_review(reviewer=request.user, grant=grant, note=form.cleaned_data["note"])
            messages.success(request, _("Granskningen är sparad."))
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
    else:
        messages.error(request, _("Skriv granskningens resultat."))
    return redirect("access:access_log")


@require_GET
@login_required
def needs_risk_analysis(request: StaffRequest) -> HttpResponse:
    if not (rules.may_administer(request.user) or rules.may_review_logs(request.user)):
        refuse(Actor.from_request(request), view_name="access.needs_risk_analysis")
    context = {
        "analyses": NeedsRiskAnalysis.objects.all(),
        "table": actions_table(),
        "roles": [role for role in Role if actions_of(role)],
    }
    return render(request, "access/needs_risk_analysis.html", context)


@require_GET
@login_required
def protected_naming(request: StaffRequest) -> HttpResponse:
    page = naming.naming_page(Actor.from_request(request))
    form = NamingForm(persons=page.persons, staff=page.staff)
    return render(request, "access/protected_naming.html", {"page": page, "form": form})


@require_POST
@login_required
def protected_naming_grant(request: StaffRequest) -> HttpResponse:
    if not rules.may_name_staff(request.user):
        refuse(Actor.from_request(request), view_name="access.naming")
    form = NamingInputForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Välj en person och en medarbetare."))
        return redirect("access:protected_naming")
    naming.naming_grant(
        Actor.from_request(request),
        person_public_id=form.cleaned_data["person"],
        staff_id=form.cleaned_data["staff"],
    )
    # No names in the message: messages travel in a cookie.
    messages.success(request, _("Medarbetaren är namngiven för personen."))
    return redirect("access:protected_naming")


@require_POST
@login_required
def protected_naming_withdraw(request: StaffRequest, authorization_id: int) -> HttpResponse:
    naming.naming_withdraw(Actor.from_request(request), authorization_id=authorization_id)
    messages.success(request, _("Namngivningen är återkallad. Historiken finns kvar."))
    return redirect("access:protected_naming")
