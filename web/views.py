"""Thin views: parse, call a selector or service, render. No querysets of personal data here."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.middleware import HtmxDetails

from access import review
from access import selectors as access
from access.actor import Actor
from access.services import emergency_access_review, emergency_access_start
from accounts.models import NeedsRiskAnalysis, User
from casefile.persons import person_page, search_persons
from casefile.selectors import case_overview, my_work_cases
from casefile.timeline import child_timeline
from deadlines import selectors as deadline_selectors
from deadlines.notices import notices_mark_read
from web.forms import EmergencyAccessForm, EmergencyReviewForm, LogQuestionForm, PersonSearchForm


class StaffRequest(HttpRequest):
    """What a view behind @login_required receives: a signed-in staff user (and django-htmx's details)."""

    user: User
    htmx: HtmxDetails


@require_GET
@login_required
def my_work(request: StaffRequest) -> HttpResponse:
    cases = my_work_cases(Actor.from_request(request))
    return render(request, "web/my_work.html", {"cases": cases, "search_form": PersonSearchForm()})


@require_http_methods(["GET", "POST"])
@login_required
def person_search(request: StaffRequest) -> HttpResponse:
    form = PersonSearchForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = search_persons(Actor.from_request(request), form.cleaned_data["q"])
        if result.error:
            form.add_error("q", result.error)
            result = None
    template = "web/_search_results.html" if request.htmx else "web/person_search.html"
    return render(request, template, {"form": form, "result": result})


@require_GET
@login_required
def person_detail(request: StaffRequest, public_id: str) -> HttpResponse:
    page = person_page(Actor.from_request(request), public_id)
    return render(request, "web/person_detail.html", {"page": page, "person": page.person})


@require_GET
@login_required
def case_detail(request: StaffRequest, public_id: str) -> HttpResponse:
    overview = case_overview(Actor.from_request(request), public_id)
    return render(request, "web/case_detail.html", {"overview": overview, "case": overview.case})


@require_http_methods(["GET", "POST"])
@login_required
def emergency_access(request: StaffRequest, public_id: str) -> HttpResponse:
    if not access.may_request_emergency_access(request.user):
        raise Http404
    form = EmergencyAccessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            emergency_access_start(
                actor=Actor.from_request(request), case_public_id=public_id, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form.add_error("reason", exc.messages[0])
        else:
            messages.warning(request, _("Nödåtkomst gäller nu. Den loggas och granskas."))
            return redirect("web:case_detail", public_id=public_id)
    return render(request, "web/emergency_access.html", {"form": form, "public_id": public_id})


@require_http_methods(["GET", "POST"])
@login_required
def access_log(request: StaffRequest) -> HttpResponse:
    """Ask the log (POST, so identity numbers stay out of URLs): a page of rows, or a random sample."""
    if not access.may_review_logs(request.user):
        raise Http404
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
    return render(request, "web/access_log.html", context)


@require_POST
@login_required
def emergency_review(request: StaffRequest, grant_id: int) -> HttpResponse:
    if not access.may_review_logs(request.user):
        raise Http404
    grant = get_object_or_404(review.reviewable_grants(request.user), pk=grant_id)
    form = EmergencyReviewForm(request.POST)
    if form.is_valid():
        try:
            emergency_access_review(reviewer=request.user, grant=grant, note=form.cleaned_data["note"])
            messages.success(request, _("Granskningen är sparad."))
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
    else:
        messages.error(request, _("Skriv granskningens resultat."))
    return redirect("web:access_log")


@require_GET
@login_required
def needs_risk_analysis(request: StaffRequest) -> HttpResponse:
    if not (access.may_administer(request.user) or access.may_review_logs(request.user)):
        raise Http404
    return render(request, "web/needs_risk_analysis.html", {"analyses": NeedsRiskAnalysis.objects.all()})


@require_GET
@login_required
def work_queue(request: StaffRequest) -> HttpResponse:
    if not access.may_register_signals(request.user):
        raise Http404
    mine_only = request.GET.get("visa") == "mina"
    queue = deadline_selectors.work_queue(Actor.from_request(request), mine_only=mine_only)
    return render(request, "web/work_queue.html", {"queue": queue, "mine_only": mine_only})


@require_POST
@login_required
def notices_read(request: StaffRequest) -> HttpResponse:
    ids = [int(value) for value in request.POST.getlist("notice") if value.isdigit()]
    notices_mark_read(user=request.user, notice_ids=ids)
    return redirect("web:work_queue")


@require_GET
@login_required
def case_timeline(request: StaffRequest, public_id: str) -> HttpResponse:
    timeline = child_timeline(Actor.from_request(request), public_id)
    return render(request, "web/timeline.html", {"timeline": timeline, "case": timeline.case})
