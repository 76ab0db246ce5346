"""The work queue: the team's open clocks, overdue first, and the user's notices."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from access import rules
from access.actor import Actor
from access.reads import refuse
from deadlines import selectors
from deadlines.notices import notices_mark_read
from web.http import StaffRequest


@require_GET
@login_required
def work_queue(request: StaffRequest) -> HttpResponse:
    if not rules.may_register_signals(request.user):
        refuse(Actor.from_request(request), view_name="deadlines.work_queue")
    mine_only = request.GET.get("visa") == "mina"
    queue = selectors.work_queue(Actor.from_request(request), mine_only=mine_only)
    return render(request, "deadlines/work_queue.html", {"queue": queue, "mine_only": mine_only})


@require_POST
@login_required
def notices_read(request: StaffRequest) -> HttpResponse:
    ids = [int(value) for value in request.POST.getlist("notice") if value.isdigit()]
    notices_mark_read(user=request.user, notice_ids=ids)
    return redirect("deadlines:work_queue")
