"""The unit manager's page for the staff of other teams who work in a case."""

from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from access.actor import Actor
from access.forms import MemberForm
from access.membership import OFFERED, MemberInput, case_member_name, case_member_withdraw, nameable_members
from access.models import CaseMember
from access.permissions import CaseAction
from access.reads import read_case
from web.http import StaffRequest, button_action, form_page


def members_url(public_id: object) -> str:
    return reverse("access:case_members", args=[public_id])


@require_http_methods(["GET", "POST"])
@login_required
def case_members(request: StaffRequest, public_id: UUID) -> HttpResponse:
    actor = Actor.from_request(request)
    # The choices are the unit's staff: no personal data of children, so the form needs no read to build.
    case = read_case(actor, public_id, view_name="access.case_members", for_action=CaseAction.STAFF).case
    form = MemberForm(
        request.POST or None,
        staff=list(nameable_members(case)),
        initial={"expires_on": timezone.localdate() + OFFERED},
    )

    def context() -> dict[str, Any]:
        members = CaseMember.objects.filter(case=case).select_related("user__team", "named_by", "withdrawn_by")
        return {"case": case, "members": list(members.order_by("-named_at", "-id"))}

    return form_page(
        request,
        form=form,
        change=lambda data: case_member_name(actor=actor, case_public_id=public_id, data=MemberInput(**data)),
        done=_("Personen kan nu arbeta i ärendet och har fått en notis."),
        success_url=members_url(public_id),
        template="access/case_members.html",
        context=context,
    )


@require_POST
@login_required
def case_member_end(request: StaffRequest, public_id: UUID, member_id: int) -> HttpResponse:
    actor = Actor.from_request(request)
    return button_action(
        request,
        lambda: case_member_withdraw(actor=actor, case_public_id=public_id, member_id=member_id),
        done=_("Personen arbetar inte längre i ärendet."),
        success_url=members_url(public_id),
    )
