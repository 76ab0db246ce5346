"""The investigation's screens: opening one, the child's participation, completing it."""

from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from access.actor import Actor
from access.permissions import CaseAction
from access.reads import read_case
from investigations.forms import InvestigationCompleteForm, InvestigationOpenForm, NoticeForm, ParticipationForm
from investigations.notice import NoticeInput, investigation_notice_record
from investigations.selectors import investigation_in_case
from investigations.services import investigation_complete, investigation_open_for_case, participation_record
from web.http import StaffRequest, case_url, form_page


@require_http_methods(["GET", "POST"])
@login_required
def investigation_open(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    return form_page(
        request,
        form=InvestigationOpenForm(request.POST or None, initial={"opened_on": timezone.localdate()}),
        change=lambda data: investigation_open_for_case(actor=actor, case_public_id=public_id, **data),
        done=_("Utredningen är inledd."),
        success_url=case_url(public_id),
        template="investigations/investigation_open.html",
        context=lambda: {
            "case": read_case(
                actor, public_id, view_name="investigation.open.form", for_action=CaseAction.INVESTIGATE
            ).case
        },
    )


def _investigation_context(actor: Actor, public_id: UUID, investigation_id: UUID, view_name: str) -> dict[str, Any]:
    case = read_case(actor, public_id, view_name=view_name, for_action=CaseAction.INVESTIGATE).case
    return {"case": case, "investigation": investigation_in_case(case, investigation_id)}


@require_http_methods(["GET", "POST"])
@login_required
def investigation_participation(request: StaffRequest, public_id: UUID, investigation_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    form = ParticipationForm(request.POST or None)

    def context() -> dict[str, Any]:
        shown = _investigation_context(actor, public_id, investigation_id, "investigation.participation.form")
        if not form.is_bound:
            investigation = shown["investigation"]
            form.initial = {
                "participation": investigation.child_participation,
                "views": investigation.child_views,
                "read_and_commented": investigation.child_read_and_commented,
            }
        return shown

    return form_page(
        request,
        form=form,
        change=lambda data: participation_record(
            actor=actor, case_public_id=public_id, investigation_id=investigation_id, **data
        ),
        done=_("Barnets delaktighet är dokumenterad."),
        success_url=case_url(public_id),
        template="investigations/investigation_participation.html",
        context=context,
    )


@require_http_methods(["GET", "POST"])
@login_required
def investigation_notice(request: StaffRequest, public_id: UUID, investigation_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    return form_page(
        request,
        form=NoticeForm(request.POST or None, initial={"informed_on": timezone.localdate()}),
        change=lambda data: investigation_notice_record(
            actor=actor, case_public_id=public_id, investigation_id=investigation_id, data=NoticeInput(**data)
        ),
        done=_("Det är registrerat om de som berörs har informerats."),
        success_url=case_url(public_id),
        template="investigations/investigation_notice.html",
        context=lambda: _investigation_context(actor, public_id, investigation_id, "investigation.notice.form"),
    )


@require_http_methods(["GET", "POST"])
@login_required
def investigation_finish(request: StaffRequest, public_id: UUID, investigation_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    return form_page(
        request,
        form=InvestigationCompleteForm(request.POST or None, initial={"completed_on": timezone.localdate()}),
        change=lambda data: investigation_complete(
            actor=actor, case_public_id=public_id, investigation_id=investigation_id, **data
        ),
        done=_("Utredningen är avslutad."),
        success_url=case_url(public_id),
        template="investigations/investigation_complete.html",
        context=lambda: _investigation_context(actor, public_id, investigation_id, "investigation.complete.form"),
    )
