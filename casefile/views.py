"""The case file's screens: my work, finding a person, the person and case pages, the timeline, closing."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from access import rules
from access.actor import Actor
from access.permissions import CaseAction
from access.reads import read_case
from casefile.forms import CloseCaseForm, MyWorkForm, PersonSearchForm
from casefile.persons import person_page, search_persons
from casefile.selectors import CasePages, case_overview, my_work_cases
from casefile.services import case_close, case_reopen
from casefile.timeline import Edge, child_timeline
from web.http import StaffRequest, button_action, case_url, form_page
from web.paging import page_number


@require_GET
@login_required
def my_work(request: StaffRequest) -> HttpResponse:
    """The start page: a case role's and a unit manager's cases; the log reviewer and the administrator,
    who see no case content, start on their own work."""
    user = request.user
    if not rules.may_register_signals(user):
        if rules.may_review_logs(user):
            return redirect("access:access_log")
        if rules.may_administer(user):
            return redirect("administration:account_list")
    form = MyWorkForm(request.GET or None)
    cases = my_work_cases(Actor.from_request(request), question=form.question())
    context = {"cases": cases, "form": form, "search_form": PersonSearchForm(), "filtered": form.is_bound}
    return render(request, "casefile/my_work.html", context)


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
    template = "casefile/_search_results.html" if request.htmx else "casefile/person_search.html"
    return render(request, template, {"form": form, "result": result})


@require_GET
@login_required
def person_detail(request: StaffRequest, public_id: str) -> HttpResponse:
    page = person_page(Actor.from_request(request), public_id)
    return render(request, "casefile/person_detail.html", {"page": page, "person": page.person})


@require_GET
@login_required
def case_detail(request: StaffRequest, public_id: str) -> HttpResponse:
    pages = CasePages(signals=page_number(request, "aktualiseringar"), decisions=page_number(request, "beslut"))
    overview = case_overview(Actor.from_request(request), public_id, pages)
    return render(request, "casefile/case_detail.html", {"overview": overview, "case": overview.case})


@require_GET
@login_required
def case_timeline(request: StaffRequest, public_id: str) -> HttpResponse:
    edge = Edge.parse(request.GET.get("fore", ""), request.GET.get("visade", ""))
    timeline = child_timeline(Actor.from_request(request), public_id, edge)
    return render(request, "casefile/timeline.html", {"timeline": timeline, "case": timeline.case})


@require_http_methods(["GET", "POST"])
@login_required
def close(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    return form_page(
        request,
        form=CloseCaseForm(request.POST or None),
        change=lambda data: case_close(actor=actor, case_public_id=public_id, **data),
        done=_("Ärendet är avslutat."),
        success_url=case_url(public_id),
        template="casefile/case_close.html",
        context=lambda: {
            "case": read_case(actor, public_id, view_name="case.close.form", for_action=CaseAction.CLOSE).case
        },
    )


@require_POST
@login_required
def reopen(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    return button_action(
        request,
        lambda: case_reopen(actor=actor, case_public_id=public_id),
        done=_("Ärendet är öppnat igen. Historiken finns kvar."),
        success_url=case_url(public_id),
    )
