"""Non-negotiable 5: no automated judgement about a child. An assessment supports the worker's judgement;
the software never adds ratings up, ranks children by them or feeds a decision with them.

- nothing outside `assessments` reads ratings (the seed, which writes synthetic ones, and the benchmark,
  which finds the cases that have an assessment, aside);
- nothing in `assessments` sums, averages or orders by a rating;
- no page or API answer carries a total or a score.
"""

import ast
import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from assessments.tests.helpers import assessed
from conftest import World

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "assessments"
WRITES_SYNTHETIC = {ROOT / "demo" / "assessments.py"}
# The benchmark asks which cases have an assessment, to time their pages; it reads no rating.
FINDS_PAGES = {ROOT / "benchmarks" / "programme.py"}


def _sources(under: Path) -> list[Path]:
    return [p for p in under.rglob("*.py") if ".venv" not in p.parts and "tests" not in p.parts]


def _imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
    return names


def test_nothing_outside_assessments_reads_ratings() -> None:
    readers = [
        str(path.relative_to(ROOT))
        for path in _sources(ROOT)
        if APP not in path.parents
        and path not in WRITES_SYNTHETIC | FINDS_PAGES
        and any(
            name.startswith(("assessments.models", "assessments.selectors", "assessments.structure"))
            for name in _imports_of(path)
        )
    ]
    assert readers == []


AGGREGATES = {"Sum", "Avg", "Count", "Max", "Min", "StdDev", "Variance", "sum", "mean", "fmean", "median"}
SCORE_WORDS = re.compile(r"score|total|rank|poang|summa", re.I)


def _findings(path: Path) -> list[str]:
    """Aggregate calls, orderings by a value or rating, and any name that sounds like a score."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            called = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if called in AGGREGATES:
                found.append(f"{called}() at line {node.lineno}")
            if called == "order_by" and any(
                isinstance(a, ast.Constant) and re.search("value|rating", str(a.value)) for a in node.args
            ):
                found.append(f"order_by by a rating at line {node.lineno}")
        name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
        name = node.arg if isinstance(node, ast.keyword) and node.arg else name
        if name and SCORE_WORDS.search(name):
            found.append(f"{name} at line {getattr(node, 'lineno', '?')}")
    return found


def test_nothing_in_assessments_adds_ratings_up_or_orders_by_them() -> None:
    found = {str(path.relative_to(ROOT)): f for path in _sources(APP) if (f := _findings(path))}
    assert found == {}


def test_the_check_finds_a_total_when_there_is_one(tmp_path: Path) -> None:
    path = tmp_path / "bad.py"
    path.write_text("total = sum(r.value for r in ratings)\nqs.order_by('-ratings__value')\n", encoding="utf-8")
    assert sorted(_findings(path)) == ["order_by by a rating at line 2", "sum() at line 1", "total at line 1"]


@pytest.mark.django_db
def test_no_page_or_api_answer_carries_a_total_or_a_score(world: World) -> None:
    made = assessed(world)
    client = Client()
    client.force_login(world.user("hanna"))
    case = world.own_case.public_id
    body = client.get(reverse("api:assessment_list", args=[case])).content.decode().lower()
    for word in ("total", "score", "sum", "rank", "risk_level"):
        assert f'"{word}' not in body
    for url in (
        reverse("assessments:assessment_list", args=[case]),
        reverse("assessments:assessment", args=[case, made.public_id]),
    ):
        html = client.get(url).content.decode().lower()
        for word in ("summa", "totalt", "poäng", "total score", "rangordn"):
            assert word not in html, (url, word)
