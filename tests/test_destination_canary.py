"""The destination canary (issue 15, point 4): a protected destination and a threatened guardian's address
are unique strings, and every route (found by name, like the authorization matrix), every page those link
to, their htmx fragments, the search, the log's own screens, every export's file and every PDF are read
as everyone not named for the destination. None may hold a canary; a planted template proves one would.
"""

import inspect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from html import unescape

import pytest
from django.http import HttpResponseBase
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone

from access.models import AccessEvent
from conftest import World
from reports.models import ExportKind
from reports.tests.exporting import run_queued_exports
from tests.canary import MUNICIPALITY, NAMED, TOKENS, canary_world, fill, leaks, not_named, pdf_text
from tests.routes import our_routes

# Routes the filler cannot give arguments to, each with why it may stay out of the crawl. A new route
# with an argument nothing in the canary's world fills fails the test until it is filled or listed here.
UNFILLABLE: dict[str, str] = {}
# Who may see Elias's case (and so his case page answers them): the crawl must have reached it as them.
SEE_THE_CASE = {"olle", "bo", "fia", "adam", "david", "karin", "sara"}
# Links not followed: sign-in and language screens (allauth's and Django's, no data of ours) and files.
NOT_FOLLOWED = ("/accounts/", "/i18n/", "/static/")
LINK = re.compile(r'(?:href|hx-get)="(/[^"#]*)')
FINDS_SOMEONE = ("Elias", "Berg", "Lena")
SEARCHES = (*FINDS_SOMEONE, MUNICIPALITY, *TOKENS, "Kanariegatan", "Gomstigen")


@dataclass
class Crawl:
    """Every response read, and every canary found in one."""

    requests: int = 0
    leaks: list[str] = field(default_factory=list)
    statuses: dict[tuple[str, str], int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    text: str = ""  # the last body read

    def read(self, who: str, where: str, response: HttpResponseBase, typed: str = "") -> HttpResponseBase:
        self.requests += 1
        self.statuses.setdefault((who, where), response.status_code)
        body = b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]
        if response.get("Content-Type", "").startswith(("application/pdf", "text/csv")):
            self.files.append(f"{who} {where}")
            body = pdf_text(body)
        headers = "\n".join(f"{key}: {value}" for key, value in response.items())
        self.leaks += leaks(f"{who} {where}", body, typed) + leaks(f"{who} {where} (headers)", headers, typed)
        self.text = body.decode("utf-8", "replace")
        return response


def _client(world: World, username: str) -> Client:
    client = Client()
    if username != "anonymous":
        client.force_login(world.user(username))
    return client


def _route_urls(records: dict[str, object]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Every route's URLs in the canary's world, and the routes nothing fills (with why)."""
    urls, unfilled = {}, {}
    for route in our_routes():
        try:
            urls[route.name] = fill(route, records)
        except LookupError as missing:
            unfilled[route.name] = str(missing)
    return urls, unfilled


def _links(text: str) -> set[str]:
    return {unescape(link) for link in LINK.findall(text) if not link.startswith(NOT_FOLLOWED)}


def _pages(crawl: Crawl, client: Client, who: str, urls: dict[str, list[str]]) -> None:
    """Each route, its fragment where it answers, then each page the answers link to, once."""
    links: set[str] = set()
    for name, route_urls in urls.items():
        for url in route_urls:
            response = crawl.read(who, name, client.get(url))
            if response.status_code == 200:
                links |= _links(crawl.text)
                if response.get("Content-Type", "").startswith("text/html") and _answers_htmx(url):
                    crawl.read(who, f"{name} (htmx)", client.get(url, headers={"HX-Request": "true"}))
    for url in sorted(links - {url for route_urls in urls.values() for url in route_urls}):
        crawl.read(who, url, client.get(url))


@cache
def _answers_htmx(url: str) -> bool:
    """Whether the route's view may answer a fragment: its module asks for htmx (`request.htmx`)."""
    view = inspect.unwrap(resolve(url).func)
    return "htmx" in inspect.getsource(inspect.getmodule(view))  # type: ignore[arg-type]


def _searches(crawl: Crawl, client: Client, who: str) -> None:
    """The person search, by the child's name and by each canary: the canary finds no one (the log's
    rows of a search name each person found; a search that finds no one logs one row naming no one)."""
    url = reverse("casefile:person_search")
    for query in SEARCHES:
        for headers in ({}, {"HX-Request": "true"}):
            answer = crawl.read(
                who, f"search {query} {headers}", client.post(url, {"q": query}, headers=headers), query
            )
            last = AccessEvent.objects.filter(view_name="person.search").order_by("-pk").first()
            if answer.status_code == 200 and query not in FINDS_SOMEONE and last and last.person_id is not None:
                crawl.leaks.append(f"{who} search {query}: found {last.person_id}")


def _log_questions(world: World) -> Iterator[dict[str, str]]:
    today = timezone.localdate().isoformat()
    period = {"first_day": today, "last_day": today}
    case = world.own_case
    yield period
    yield period | {"identity_number": case.child.identity_number}
    yield period | {"case_reference": case.reference}
    yield period | {"username": NAMED, "action": "destination"}
    yield period | {"username": MUNICIPALITY}


def _the_log(crawl: Crawl, client: Client, who: str, world: World) -> None:
    for question in _log_questions(world):
        answer = client.post(reverse("access:access_log"), question)
        crawl.read(who, f"access log {question}", answer, question.get("username", ""))


def _export_requests(world: World) -> dict[str, tuple[str, dict[str, str]]]:
    today = timezone.localdate().isoformat()
    period = {"first_day": today, "last_day": today}
    return {
        ExportKind.DELEGATION: ("reports:delegation_export", period),
        ExportKind.ACCESS_LOG: ("reports:access_log_export", period | {"case_reference": world.own_case.reference}),
    }


def _exports(crawl: Crawl, client: Client, who: str, world: World) -> None:
    """Each kind of export asked for; where it may be, the file made and read like the user would."""
    for kind, (route, question) in _export_requests(world).items():
        asked = crawl.read(who, f"export {kind}", client.post(reverse(route), question))
        if asked.status_code != 302 or "/exporter/" not in asked["Location"]:
            continue
        assert run_queued_exports() == ["ready"], f"{who}'s {kind} export"
        page = asked["Location"]
        crawl.read(who, f"export {kind} page", client.get(page))
        crawl.read(who, f"export {kind} progress", client.get(f"{page}lage/"))
        crawl.read(who, f"export {kind} file", client.post(f"{page}hamta/"))


def _crawl(world: World, users: list[str], urls: dict[str, list[str]]) -> Crawl:
    crawl = Crawl()
    for who in users:
        client = _client(world, who)
        _pages(crawl, client, who, urls)
        if who != "anonymous":
            _searches(crawl, client, who)
            _the_log(crawl, client, who, world)
            _exports(crawl, client, who, world)
    return crawl


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The HTML of every PDF asked for, each printed as a stub: a PDF's text is its HTML's (its own bytes
    hold the text as glyphs), and WeasyPrint takes seconds a page. `test_the_printed_documents_are_read_too`
    makes the real ones."""
    pages: list[str] = []

    class Stub:
        def __init__(self, *, string: str, **_options: object) -> None:
            pages.append(string)

        def write_pdf(self, **_options: object) -> bytes:
            return b"%PDF-1.7 stub"

    try:
        import weasyprint
    except OSError:  # no Pango: the documents answer that printing is unavailable, and that is crawled
        return pages
    monkeypatch.setattr(weasyprint, "HTML", Stub)
    return pages


@pytest.fixture
def printed_for_real(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The HTML of every PDF made by WeasyPrint."""
    try:
        import weasyprint
    except OSError as missing:
        pytest.skip(f"WeasyPrint cannot load Pango here, so no PDF is made: {missing}")
    pages: list[str] = []
    original = weasyprint.HTML

    def capture(*args: object, **kwargs: object) -> object:
        pages.append(str(kwargs.get("string", "")))
        return original(*args, **kwargs)

    monkeypatch.setattr(weasyprint, "HTML", capture)
    return pages


def test_no_one_not_named_for_the_destination_finds_it_anywhere(world: World, printed: list[str]) -> None:
    records = canary_world(world)
    urls, unfilled = _route_urls(records)
    assert set(unfilled) <= set(UNFILLABLE), f"routes the canary cannot fill: {unfilled}"
    # The named worker opens every protection screen first, so the log holds what those views log.
    protection = {name: found for name, found in urls.items() if name.startswith("protection:")}
    _crawl(world, [NAMED], protection)
    crawl = _crawl(world, [*not_named(world), "anonymous"], urls)
    crawl.leaks += [leak for index, page in enumerate(printed) for leak in leaks(f"printed page {index}", page)]
    print(f"destination canary: {crawl.requests} requests, {len(crawl.files)} files")
    assert not crawl.leaks, "\n".join(crawl.leaks)
    reached = {
        who for (who, where), status in crawl.statuses.items() if where == "casefile:case_detail" and status == 200
    }
    assert reached == SEE_THE_CASE, "the crawl must reach the case as everyone who may see it"
    assert {f"karin export {ExportKind.DELEGATION} file", f"lars export {ExportKind.ACCESS_LOG} file"} <= set(
        crawl.files
    )


def test_the_printed_documents_are_read_too(world: World, printed_for_real: list[str]) -> None:
    """The PDFs of the decision, the investigation and the plan are made, and none holds a canary."""
    printed = printed_for_real
    records = canary_world(world)
    urls, _unfilled = _route_urls(records)
    crawl = _crawl(world, ["olle"], {name: urls[name] for name in ("documents:document_pdf", "programme:plan_pdf")})
    assert len(crawl.files) == len(printed) == 3, crawl.statuses
    assert all(world.own_case.reference in page for page in printed)
    assert not [leak for page in printed for leak in leaks("printed", page)]
    assert not crawl.leaks


def test_the_named_worker_sees_the_destination(world: World) -> None:
    """The canary finds the string where it belongs: on the destination's own page, for the named worker."""
    route = next(route for route in our_routes() if route.name == "protection:destinations")
    records = canary_world(world)
    crawl = Crawl()
    client = _client(world, NAMED)
    for url in fill(route, records):
        crawl.read(NAMED, url, client.get(url))
    assert any(MUNICIPALITY in leak or TOKENS[0] in leak for leak in crawl.leaks), crawl.statuses


PLANTS = {
    "the municipality": "{{ case.destinations.first.municipality }}",
    "the guardian's address": "{% for r in case.child.relations.all %}{{ r.relative.address }}{% endfor %}",
}


@pytest.mark.parametrize("plant", sorted(PLANTS))
def test_a_template_that_prints_the_destination_fails_the_canary(world: World, settings: object, plant: str) -> None:
    """One line in the case page's template is enough for the crawl to find a canary."""
    template = "casefile/case_detail.html"
    planted = f'{{% extends "{template}" %}}{{% block content %}}{{{{ block.super }}}}{PLANTS[plant]}{{% endblock %}}'
    engine = dict(settings.TEMPLATES[0])  # type: ignore[attr-defined]
    loaders = [
        ("django.template.loaders.locmem.Loader", {template: planted}),
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]
    engine.update(APP_DIRS=False, OPTIONS={**engine["OPTIONS"], "loaders": loaders})
    settings.TEMPLATES = [engine]  # type: ignore[attr-defined]
    records = canary_world(world)
    urls = {"casefile:case_detail": [reverse("casefile:case_detail", args=[records["case"].public_id])]}  # type: ignore[attr-defined]
    crawl = _crawl(world, ["olle"], urls)
    assert crawl.statuses[("olle", "casefile:case_detail")] == 200
    assert any(leak.startswith("olle casefile:case_detail:") for leak in crawl.leaks), (
        f"the planted {plant} was not found"
    )
