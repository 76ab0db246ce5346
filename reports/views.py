"""The report of decisions taken under delegation (anmälan av delegationsbeslut), as a page and as a file.

Unit managers only, for their unit's cases; everyone else gets 404. Both the page and the file are
logged by the selector: one row per case shown (LIST for the page, EXPORT for the file).
"""

import csv
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from access import rules
from access.actor import Actor
from access.models import AccessAction
from access.reads import refuse
from reports import delegation as selectors
from reports.forms import DelegationReportForm
from web.http import StaffRequest

# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


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
    period = urlencode({name: value.isoformat() for name, value in form.cleaned_data.items()}) if report else ""
    return render(request, "reports/delegation_report.html", {"form": form, "report": report, "period": period})


@require_GET
@login_required
def delegation_report_csv(request: StaffRequest) -> HttpResponse:
    """The same report as a semicolon-separated file for the committee's secretary."""
    if not rules.may_report_delegation(request.user):
        refuse(Actor.from_request(request), view_name=selectors.VIEW_NAME)
    form = DelegationReportForm(request.GET)
    if not form.is_valid():
        query = urlencode({name: request.GET.get(name, "") for name in form.fields})
        return redirect(f"{reverse('reports:delegation_report')}?{query}")
    first_day, last_day = form.cleaned_data["first_day"], form.cleaned_data["last_day"]
    report = selectors.delegation_report(
        Actor.from_request(request), first_day=first_day, last_day=last_day, action=AccessAction.EXPORT
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="delegationsbeslut-{first_day}-{last_day}.csv"'
    response["Cache-Control"] = "no-store"
    response.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("Punkt i delegationsordningen"),
            _("Delegat"),
            _("Diarienummer"),
            _("Beslutstyp"),
            _("Beslutsdatum"),
            _("Signerat av"),
            _("Förhandsbedömning"),
        ]
    )
    for item, decision in report.decisions:
        writer.writerow(
            [
                _cell(decision.item_code),
                _cell(item.delegate if item else ""),
                _cell(decision.case_reference),
                decision.kind,
                date_format(decision.decided_on, "Y-m-d"),
                _cell(decision.signed_by),
                _("Ja") if decision.preliminary else _("Nej"),
            ]
        )
    return response
