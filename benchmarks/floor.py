"""The bare floors for `make bench`: the case page, my work and name search served with the same rows and
template, and nothing else.

Mounted only by the harness (`benchmarks.urls`, through `override_settings(ROOT_URLCONF=...)`); the
application has no such route. The view reads the case with a plain query and builds the page from
the same selectors and template as the real one, without the visibility rule, the reading
transaction and the log: what is left is the cost of the page itself, so the real page's distance
from it is the cost of need-to-know and logging. Name search's rows depend on the rule itself, so the
harness finds them once per fragment through the real search (`SEARCH_ROWS`) and the floor fetches
those persons by id.
"""

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import include, path

from access.permissions import AUTHORITY
from access.reads import CaseRead
from casefile.forms import MyWorkForm, PersonSearchForm
from casefile.persons import HIT_FIELDS, HIT_ORDER, SEARCH_LIMIT, SearchResult, name_matches
from casefile.selectors import (
    ENCRYPTED_PERSON_FIELDS,
    MY_WORK_LIMIT,
    ORDERINGS,
    CaseOverview,
    MyWorkOrder,
    _with_stage,
    case_work,
)
from cases.models import Case, CaseStatus
from core.history import change_rows
from people.models import Person, Relation
from web.http import StaffRequest


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


def bare_my_work(request: StaffRequest) -> HttpResponse:
    user = request.user
    cases: list[Case] = list(
        Case.objects.filter(team=user.team, status=CaseStatus.OPEN)
        .select_related("child", "team", "responsible")
        .defer(*(f"child__{field}" for field in ENCRYPTED_PERSON_FIELDS))
        .annotate(mine=Coalesce(ExpressionWrapper(Q(responsible_id=user.pk), output_field=BooleanField()), False))
        .order_by("-mine", *ORDERINGS[MyWorkOrder.OPENED])[:MY_WORK_LIMIT]
    )
    _with_stage(cases)
    context = {"cases": cases, "form": MyWorkForm(), "search_form": PersonSearchForm(), "filtered": False}
    return render(request, "casefile/my_work.html", context)


def bare_person_search(request: HttpRequest) -> HttpResponse:
    """The same search in the whole register, with no rule and no log: the price of need-to-know is the
    distance (its rows are the register's first matches, not the team's; as many, on the same template)."""
    fragment = " ".join(request.POST.get("q", "").split()).lower()
    persons = list(
        Person.objects.filter(name_matches(fragment)).only(*HIT_FIELDS).order_by(*HIT_ORDER)[: SEARCH_LIMIT + 1]
    )
    result = SearchResult(persons=persons[:SEARCH_LIMIT], truncated=len(persons) > SEARCH_LIMIT)
    return render(request, "casefile/person_search.html", {"form": PersonSearchForm(request.POST), "result": result})


urlpatterns = [
    path("bench/bare/<uuid:public_id>/", bare_case_page, name="bench_bare_case"),
    path("bench/bare/my-work/", bare_my_work, name="bench_bare_my_work"),
    path("bench/bare/search/", bare_person_search, name="bench_bare_search"),
    path("", include("utvag.urls")),
]
