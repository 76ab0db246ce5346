"""An instrument's text in another language, from a companion file beside the instrument's own
(`instruments/<key>-<version>.<language>.json`), shown when the reader has chosen that language.

Why a file and not the database: an instrument is loaded once per version and never changed (migration
0003), so its Swedish stays what the assessments were made with; a translation only changes how the words
read, never what was assessed, and is checked against the instrument's keys by a test. A licensed
instrument has no companion file here, since its text is not in the repository either.
"""

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

INSTRUMENTS = Path(__file__).resolve().parent / "instruments"


@lru_cache(maxsize=16)
def translation(key: str, version: str, language: str) -> dict[str, Any] | None:
    path = INSTRUMENTS / f"{key}-{version}.{language}.json"
    if language == "sv" or not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def apply(
    words: dict[str, Any], instrument: Any, scales: list[Any], values: list[Any], domains: list[Any], items: list[Any]
) -> None:
    """Put the translated words on the instances read for this page (never saved: the tables refuse it)."""
    instrument.name = words.get("name", instrument.name)
    scale_words = words.get("scales", {})
    for scale in scales:
        scale.name = scale_words.get(scale.key, {}).get("name", scale.name)
    keys = {scale.pk: scale.key for scale in scales}
    for value in values:
        value.label = (
            scale_words.get(keys.get(value.scale_id, ""), {}).get("values", {}).get(str(value.value), value.label)
        )
    domain_words = words.get("domains", {})
    for domain in domains:
        domain.name = domain_words.get(domain.key, {}).get("name", domain.name)
    texts = {k: t for d in domain_words.values() for k, t in d.get("items", {}).items()}
    for item in items:
        item.text = texts.get(item.key, item.text)
