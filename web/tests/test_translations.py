"""Swedish is the source language; every message must also exist in English, compiled."""

import ast
import gettext
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries() -> list[dict[str, str]]:
    """The catalogue's entries as {keyword: text, "flags": ...}; enough of the PO format for this check."""
    entries = []
    for block in CATALOGUE.read_text(encoding="utf-8").split("\n\n"):
        entry: dict[str, str] = {"flags": ""}
        keyword = ""
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] += line
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                entry[keyword] += ast.literal_eval(line)
            else:
                keyword, _, rest = line.partition(" ")
                entry[keyword] = ast.literal_eval(rest)
        if entry.get("msgid"):
            entries.append(entry)
    return entries


def test_the_english_catalogue_is_complete_and_confirmed() -> None:
    entries = _entries()
    assert len(entries) > 150
    assert not [e["msgid"] for e in entries if "fuzzy" in e["flags"]], "check guessed translations"
    missing = [e["msgid"] for e in entries if not (e.get("msgstr") or e.get("msgstr[0]"))]
    assert not missing, missing[:3]


def test_the_compiled_catalogue_matches_the_source() -> None:
    with CATALOGUE.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [e["msgid"] for e in _entries() if "msgstr" in e and compiled.gettext(e["msgid"]) != e["msgstr"]]
    assert not stale, f"run compilemessages: {stale[:3]}"
