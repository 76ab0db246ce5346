"""The meetings' screens: the unit's list, a new meeting, a meeting's agenda, the case's items, and the
form for one case's item (or its correction)."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from access import rules
from access.actor import Actor
from access.reads import refuse
from collaboration.meeting_forms import MeetingForm, MeetingItemForm, item_initial, item_input, meeting_input
from collaboration.meeting_selectors import (
    case_meetings_page,
    item_form_read,
    meeting_page,
    meetings_page,
    unit_meeting,
)
from collaboration.meetings import meeting_create, meeting_item_record
from web.http import StaffRequest, form_page

# `?som=<meeting>`: a new meeting that starts from an earlier one's kind, title and participants.
LIKE = "som"


@require_GET
@login_required
def meetings_view(request: StaffRequest) -> HttpResponse:
    page = meetings_page(Actor.from_request(request))
    return render(request, "collaboration/meeting_list.html", {"page": page})


@require_http_methods(["GET", "POST"])
@login_required
def meeting_new(request: StaffRequest) -> HttpResponse:
    actor = Actor.from_request(request)
    if not rules.may_hold_meetings(actor.user):
        refuse(actor, view_name="collaboration.meeting.new")
    initial: dict[str, object] = {"held_on": timezone.localdate()}
    if LIKE in request.GET:  # the next Bob-råd: the standing set of partners of an earlier one of the unit
        earlier = unit_meeting(actor, request.GET[LIKE], view_name="collaboration.meeting.new")
        initial |= {"kind": earlier.kind, "title": earlier.title, "participants": earlier.participants}
    return form_page(
        request,
        form=MeetingForm(request.POST or None, initial=initial),
        change=lambda data: meeting_create(actor=actor, data=meeting_input(data)),
        done=_("Mötet är registrerat."),
        success_url=lambda meeting: reverse("collaboration:meeting", args=[meeting.public_id]),
        template="collaboration/meeting_form.html",
        context=dict,
    )


@require_GET
@login_required
def meeting_view(request: StaffRequest, meeting_id: UUID) -> HttpResponse:
    page = meeting_page(Actor.from_request(request), meeting_id)
    may_hold = rules.may_hold_meetings(request.user)
    return render(
        request, "collaboration/meeting_detail.html", {"page": page, "meeting": page.meeting, "may_hold": may_hold}
    )


@require_GET
@login_required
def case_meetings_view(request: StaffRequest, public_id: UUID) -> HttpResponse:
    page = case_meetings_page(Actor.from_request(request), public_id)
    return render(request, "collaboration/case_meetings.html", {"page": page, "case": page.read.case})


def _item_form(request: StaffRequest, public_id: UUID, meeting_id: UUID, corrects: UUID | None) -> HttpResponse:
    actor = Actor.from_request(request)
    shown = item_form_read(actor, public_id, meeting_id, corrects=corrects)
    start = item_initial(shown.corrects) if shown.corrects else {}
    return form_page(
        request,
        form=MeetingItemForm(request.POST or None, persons=shown.persons, initial=start),
        change=lambda data: meeting_item_record(
            actor=actor,
            case_public_id=public_id,
            meeting_id=meeting_id,
            data=item_input(data, corrects=shown.corrects),
        ),
        done=_("Rättelsen är registrerad.") if shown.corrects else _("Ärendets punkt från mötet är registrerad."),
        success_url=reverse("collaboration:case_meetings", args=[public_id]),
        template="collaboration/meeting_item_form.html",
        context=lambda: {"case": shown.read.case, "meeting": shown.meeting, "corrects": shown.corrects},
    )


@require_http_methods(["GET", "POST"])
@login_required
def meeting_item_new(request: StaffRequest, public_id: UUID, meeting_id: UUID) -> HttpResponse:
    return _item_form(request, public_id, meeting_id, None)


@require_http_methods(["GET", "POST"])
@login_required
def meeting_item_correct(request: StaffRequest, public_id: UUID, meeting_id: UUID, item_id: UUID) -> HttpResponse:
    return _item_form(request, public_id, meeting_id, item_id)
