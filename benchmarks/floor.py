"""The bare floor for `make bench`: the case page served with the same rows and template, and nothing else.

Mounted only by the harness (`benchmarks.urls`, through `override_settings(ROOT_URLCONF=...)`); the
application has no such route. The view reads the case with a plain query and builds the page from
the same selectors and template as the real one, without the visibility rule, the reading
transaction and the log: what is left is the cost of the page itself, so the real page's distance
from it is the cost of need-to-know and logging.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import include, path

from access.permissions import AUTHORITY
from access.reads import CaseRead
from casefile.selectors import CaseOverview, case_work
from cases.models import Case
from core.history import change_rows
from people.models import Relation


def bare_case_page(request: HttpRequest, public_id: str) -> HttpResponse:
    case = get_object_or_404(Case.objects.select_related("child", "team__unit", "responsible"), public_id=public_id)
    read = CaseRead(case=case, grant=None, actions=AUTHORITY)
    relations = list(Relation.objects.filter(child_id=case.child_id).select_related("relative").order_by("kind", "id"))
    overview = CaseOverview(
        case=case,
        grant=None,
        relations=relations,
        hidden_relatives=0,
        history=change_rows(case.history.all()),
        work=case_work(read),
    )
    return render(request, "casefile/case_detail.html", {"overview": overview, "case": case})


urlpatterns = [
    path("bench/bare/<uuid:public_id>/", bare_case_page, name="bench_bare_case"),
    path("", include("utvag.urls")),
]
