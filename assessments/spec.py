"""An instrument file, read and checked before anything is saved: the one format for the open instrument
shipped in the repository and for a licensee's own file (`load_instrument`).

Pure Python on purpose: the data migration that ships the open instrument uses it too, with the
historical models. Every problem in a file is reported at once, each naming where it is.

A licensed instrument in the repository carries item ids and scales only; its item text comes from the
licensee's file. `assessments/tests/test_licensed_text.py` holds every tracked instrument file to that.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMAT = 1
KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")
LICENCES = ("open", "licensed")
RESPONDENTS = ("worker", "child")


class InstrumentFileError(ValueError):
    """The file is not an instrument this version can load: `problems` says every reason."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class ScaleSpec:
    key: str
    name: str
    values: list[tuple[int, str]]  # (value, label) in order


@dataclass(frozen=True)
class ItemSpec:
    key: str
    respondent: str
    scale: str | None  # None: words only
    required: bool
    text: str


@dataclass(frozen=True)
class DomainSpec:
    key: str
    area: str
    name: str
    items: list[ItemSpec]


@dataclass(frozen=True)
class InstrumentSpec:
    key: str
    version: str
    name: str
    licence: str
    source: str
    scales: list[ScaleSpec]
    domains: list[DomainSpec]

    @property
    def items(self) -> list[ItemSpec]:
        return [item for domain in self.domains for item in domain.items]


class _Reader:
    """Collects problems while reading, so a file is refused with all of them."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def text(self, data: dict[str, Any], field: str, where: str, *, limit: int = 200, blank: bool = False) -> str:
        value = data.get(field, "")
        if not isinstance(value, str) or (not blank and not value.strip()):
            self.problems.append(f"{where}: '{field}' must be a non-empty string")
            return ""
        if len(value) > limit:
            self.problems.append(f"{where}: '{field}' is longer than {limit} characters")
        return value.strip()

    def key(self, data: dict[str, Any], where: str, seen: set[str]) -> str:
        value = data.get("key")
        if not isinstance(value, str) or not KEY.match(value):
            self.problems.append(f"{where}: 'key' must be lower-case letters, digits, '-' or '_' (at most 60)")
            return ""
        if value in seen:
            self.problems.append(f"{where}: key '{value}' is used twice")
        seen.add(value)
        return value

    def listed(self, data: dict[str, Any], field: str, where: str) -> list[dict[str, Any]]:
        value = data.get(field)
        if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
            self.problems.append(f"{where}: '{field}' must be a non-empty list of objects")
            return []
        return value


def _scale(reader: _Reader, data: dict[str, Any], where: str, seen: set[str]) -> ScaleSpec:
    key = reader.key(data, where, seen)
    values: list[tuple[int, str]] = []
    for n, entry in enumerate(reader.listed(data, "values", where)):
        value = entry.get("value")
        if not isinstance(value, int) or isinstance(value, bool) or not -100 <= value <= 100:
            reader.problems.append(f"{where}.values[{n}]: 'value' must be a whole number from -100 to 100")
            continue
        if value in {v for v, _label in values}:
            reader.problems.append(f"{where}.values[{n}]: value {value} is used twice")
        values.append((value, reader.text(entry, "label", f"{where}.values[{n}]")))
    return ScaleSpec(key=key, name=reader.text(data, "name", where), values=values)


def _item(
    reader: _Reader, data: dict[str, Any], where: str, seen: set[str], *, scales: set[str], licensed: bool
) -> ItemSpec:
    key = reader.key(data, where, seen)
    respondent = data.get("respondent")
    if respondent not in RESPONDENTS:
        reader.problems.append(f"{where}: 'respondent' must be one of {', '.join(RESPONDENTS)}")
    scale = data.get("scale")
    if scale is not None and scale not in scales:
        reader.problems.append(f"{where}: scale '{scale}' is not one of the instrument's scales")
    required = data.get("required", False)
    if not isinstance(required, bool):
        reader.problems.append(f"{where}: 'required' must be true or false")
    # An open instrument is read on screen, so every item needs its words; a licensed one may arrive
    # without them (ids only) and shows the id.
    text = reader.text(data, "text", where, limit=2000, blank=licensed) if licensed or "text" in data else ""
    if not licensed and not text:
        reader.problems.append(f"{where}: an open instrument's item needs its 'text'")
    return ItemSpec(key=key, respondent=str(respondent), scale=scale, required=bool(required), text=text)


def parse(data: object) -> InstrumentSpec:
    """The instrument in `data` (a decoded JSON file), or InstrumentFileError with every problem."""
    reader = _Reader()
    if not isinstance(data, dict):
        raise InstrumentFileError(["the file must hold one JSON object"])
    if data.get("format") != FORMAT:
        reader.problems.append(f"'format' must be {FORMAT}")
    licence = data.get("licence")
    if licence not in LICENCES:
        reader.problems.append(f"'licence' must be one of {', '.join(LICENCES)}")
    key = reader.key(data, "instrument", set())
    scale_keys: set[str] = set()
    scales = [
        _scale(reader, s, f"scales[{n}]", scale_keys) for n, s in enumerate(reader.listed(data, "scales", "instrument"))
    ]
    domain_keys: set[str] = set()
    item_keys: set[str] = set()
    domains = []
    for n, entry in enumerate(reader.listed(data, "domains", "instrument")):
        where = f"domains[{n}]"
        domain_key = reader.key(entry, where, domain_keys)
        items = [
            _item(reader, i, f"{where}.items[{m}]", item_keys, scales=scale_keys, licensed=licence == "licensed")
            for m, i in enumerate(reader.listed(entry, "items", where))
        ]
        domains.append(
            DomainSpec(
                key=domain_key,
                area=reader.text(entry, "area", where),
                name=reader.text(entry, "name", where),
                items=items,
            )
        )
    spec = InstrumentSpec(
        key=key,
        version=reader.text(data, "version", "instrument", limit=20),
        name=reader.text(data, "name", "instrument"),
        licence=str(licence),
        source=reader.text(data, "source", "instrument", limit=4000),
        scales=scales,
        domains=domains,
    )
    if reader.problems:
        raise InstrumentFileError(reader.problems)
    return spec


def read_file(path: Path) -> InstrumentSpec:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InstrumentFileError([f"the file cannot be read: {exc.strerror or exc}"]) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InstrumentFileError([f"the file is not UTF-8 JSON: {exc}"]) from exc
    return parse(data)
