"""STAND-IN (helper H2 only, drop at merge): the protection page is another helper's; this lets the
measures' forms go back to `protection:page` and their tests run before it exists."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

from access.actor import Actor
from access.reads import reading_case
from cases.paths import CASE
from protection.parts import measures_part
from web.http import StaffRequest


@login_required
def _page(request: StaffRequest, public_id: UUID) -> HttpResponse:
    with reading_case(Actor.from_request(request), public_id, view_name="protection.page") as read:
        return render(request, "protection/standin_page.html", {"case": read.case, **measures_part(read)})


urlpatterns = [path(CASE + "skydd/", _page, name="page")]
