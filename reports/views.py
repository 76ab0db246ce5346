"""The report of decisions taken under delegation (anmälan av delegationsbeslut), as a page.

Unit managers only, for their unit's cases; everyone else gets 404. The page is logged by the
selector: one row per case shown. The same report as a file is an export (`reports.exports`).
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from access import rules
from access.actor import Actor
from access.reads import refuse
from reports import delegation as selectors
from reports import needs, outcomes
from reports.forms import DelegationReportForm, OutcomesNarrowingForm
from web.http import StaffRequest


@require_GET
@login_required
def delegation_report(request: StaffRequest) -> HttpResponse:
    """The form asks for a period (GET: the period is not personal data); the report shows once asked for."""
    if not rules.may_report_delegation(request.user):
        refuse(Actor.from_request(request), view_name=selectors.VIEW_NAME)
    form = DelegationReportForm(request.GET or None)
    report = None
    if form.is_bound and form.is_valid():
        report = selectors.delegation_report(Actor.from_request(request), **form.cleaned_data)
    return render(request, "reports/delegation_report.html", {"form": form, "report": report})


@require_GET
@login_required
def needs_analysis(request: StaffRequest) -> HttpResponse:
    analysis = needs.needs_analysis(Actor.from_request(request))
    return render(request, "reports/needs_analysis.html", {"analysis": analysis})


@require_GET
@login_required
def outcomes_report(request: StaffRequest) -> HttpResponse:
    """All of the unit's children unless narrowed (GET: a period and an age band are not personal data)."""
    form = OutcomesNarrowingForm(request.GET or None)
    narrowing = outcomes.Narrowing(**form.cleaned_data) if form.is_bound and form.is_valid() else None
    report = outcomes.outcomes_report(Actor.from_request(request), narrowing)
    return render(request, "reports/outcomes_report.html", {"report": report, "form": form})
