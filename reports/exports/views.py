"""The export screens: asking for a file, its page and progress, downloading it once, one's own list.

Every view is thin: the rule, one service call, a page. Refusals are 404, like a missing page; a file
already downloaded or expired is 410, with a page that says which.
"""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from access import rules
from access.actor import Actor
from access.extract import EXTRACT_VIEW
from access.reads import refuse
from reports.delegation import VIEW_NAME as DELEGATION_VIEW
from reports.exports import services
from reports.exports.kinds import KINDS, may_export
from reports.forms import DelegationReportForm, LogExtractForm
from reports.models import Export, ExportKind
from web.http import StaffRequest

EXPORTS_VIEW = "reports.exports"


def _to_export(export: Export) -> HttpResponse:
    return redirect("reports:export_detail", public_id=export.public_id)


@require_POST
@login_required
def delegation_export(request: StaffRequest) -> HttpResponse:
    """The report's period, as a file made in the background (GET would let a link start one)."""
    actor = Actor.from_request(request)
    if not rules.may_report_delegation(request.user):
        refuse(actor, view_name=DELEGATION_VIEW)
    form = DelegationReportForm(request.POST)
    if not form.is_valid():
        query = urlencode({name: request.POST.get(name, "") for name in form.fields})
        return redirect(f"{reverse('reports:delegation_report')}?{query}")
    period = {name: value.isoformat() for name, value in form.cleaned_data.items()}
    return _to_export(services.export_request(actor=actor, kind=ExportKind.DELEGATION, parameters=period))


@require_http_methods(["GET", "POST"])
@login_required
def access_log_export(request: StaffRequest) -> HttpResponse:
    """A log question as a file: asked here, or sent from the log page with the question filled in."""
    actor = Actor.from_request(request)
    if not rules.may_review_logs(request.user):
        refuse(actor, view_name=EXTRACT_VIEW)
    form = LogExtractForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        question = form.question().to_json()
        return _to_export(services.export_request(actor=actor, kind=ExportKind.ACCESS_LOG, parameters=question))
    return render(request, "reports/exports/access_log_export.html", {"form": form})


@require_GET
@login_required
def export_list(request: StaffRequest) -> HttpResponse:
    if not may_export(request.user):
        refuse(Actor.from_request(request), view_name=EXPORTS_VIEW)
    return render(request, "reports/exports/list.html", {"exports": services.my_exports(request.user)})


def _status(request: StaffRequest, public_id: str) -> dict[str, object]:
    export = services.my_export(Actor.from_request(request), public_id)
    return {"export": export, "stalled": export.stalled(timezone.now())}


@require_GET
@login_required
def export_detail(request: StaffRequest, public_id: str) -> HttpResponse:
    return render(request, "reports/exports/detail.html", _status(request, public_id))


@require_GET
@login_required
def export_progress(request: StaffRequest, public_id: str) -> HttpResponse:
    """The status alone, which the page polls (htmx) while the file is being made."""
    return render(request, "reports/exports/_status.html", _status(request, public_id))


@require_POST
@login_required
def export_download(request: StaffRequest, public_id: str) -> HttpResponseBase:
    """The file, once (POST: a prefetched or shared link cannot use up the one download)."""
    taken = services.export_take(actor=Actor.from_request(request), public_id=public_id)
    export = taken.export
    if taken.stream is not None:
        name = KINDS[export.kind].download_name(export.parameters)
        response = FileResponse(taken.stream, as_attachment=True, filename=name, content_type="text/csv; charset=utf-8")
        response["Cache-Control"] = "no-store"
        return response
    if taken.gone:
        return render(request, "reports/exports/gone.html", {"export": export}, status=410)
    return _to_export(export)
