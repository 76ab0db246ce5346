"""The repository never holds a licensed instrument's item text: every instrument file it tracks and
every instrument its migrations load are checked. A licensee's text lives only in their database."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from assessments.models import Item, Licence

ROOT = Path(__file__).resolve().parents[2]
SKIPPED = {".venv", ".git", "node_modules", "staticfiles", "var", "vendor"}


def _tracked_json() -> list[Path]:
    git = shutil.which("git")
    try:
        if git is None:
            raise OSError("no git")
        listed = subprocess.run(
            [git, "ls-files", "*.json"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.split()
        return [ROOT / name for name in listed]
    except (OSError, subprocess.CalledProcessError):  # no git (an unpacked release): every file in the tree
        return [p for p in ROOT.rglob("*.json") if not SKIPPED & set(p.relative_to(ROOT).parts)]


def _licensed_texts(data: object) -> list[str]:
    if not isinstance(data, dict) or data.get("licence") != "licensed":
        return []
    return [
        f"{domain.get('key')}/{item.get('key')}"
        for domain in data.get("domains") or []
        if isinstance(domain, dict)
        for item in domain.get("items") or []
        if isinstance(item, dict) and str(item.get("text", "")).strip()
    ]


def test_no_tracked_file_carries_a_licensed_instruments_item_text() -> None:
    files = _tracked_json()
    assert ROOT / "assessments" / "instruments" / "utvag-oppen-1.json" in files
    found = {}
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
        if texts := _licensed_texts(data):
            found[str(path.relative_to(ROOT))] = texts
    assert found == {}


def test_the_check_finds_licensed_text_when_there_is_some() -> None:
    data = {"licence": "licensed", "domains": [{"key": "d", "items": [{"key": "i", "text": "Text"}]}]}
    assert _licensed_texts(data) == ["d/i"]
    assert _licensed_texts(data | {"licence": "open"}) == []


@pytest.mark.django_db
def test_no_migration_loads_a_licensed_instruments_text() -> None:
    assert not Item.objects.filter(instrument__licence=Licence.LICENSED).exclude(text="").exists()
