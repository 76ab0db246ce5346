"""Instruments as data: the open one shipped by migration, a licensee's loaded from a local file, and
malformed files refused with every reason."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from assessments.models import Instrument, Item, Licence
from assessments.spec import InstrumentFileError, parse

pytestmark = pytest.mark.django_db


def licensed(**changes: object) -> dict[str, object]:
    """An invented licensed instrument: the text is ours and only ever in a temporary file."""
    return {
        "format": 1,
        "key": "exempel-licens",
        "version": "2.0",
        "name": "Ett licensierat exempel",
        "licence": "licensed",
        "source": "Licenstagarens fil.",
        "scales": [
            {
                "key": "grad",
                "name": "Grad",
                "values": [
                    {"value": 0, "label": "Ingen"},
                    {"value": 1, "label": "Viss"},
                    {"value": 2, "label": "Tydlig"},
                ],
            }
        ],
        "domains": [
            {
                "key": "d1",
                "area": "Område 1",
                "name": "Domän 1",
                "items": [
                    {"key": "f1", "respondent": "worker", "scale": "grad", "required": True, "text": "Exempeltext ett"},
                    {"key": "f2", "respondent": "worker", "scale": "grad"},
                ],
            }
        ],
    } | changes


def _file(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "instrument.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_open_instrument_is_shipped_with_bbic_risk_and_protective_factors_and_the_childs_part() -> None:
    instrument = Instrument.objects.get(key="utvag-oppen")
    assert instrument.licence == Licence.OPEN and "egna" in instrument.source
    areas = set(instrument.domains.values_list("area", flat=True))
    assert areas == {
        "Barnets behov",
        "Föräldrarnas förmåga",
        "Familj och miljö",
        "Risk- och skyddsfaktorer",
        "Barnets egen del",
    }
    risk = instrument.domains.filter(area="Risk- och skyddsfaktorer").values_list("name", flat=True)
    assert list(risk) == ["Individ", "Familj", "Kamrater", "Skola", "Närsamhälle"]
    assert instrument.items.filter(respondent="child").count() == 4
    assert not instrument.items.filter(text="").exists()


def test_a_licensees_file_is_loaded_once_and_the_same_file_again_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path, licensed())
    call_command("load_instrument", str(path))
    call_command("load_instrument", str(path))
    out = capsys.readouterr().out
    assert "loaded exempel-licens 2.0 (licensed): 2 items" in out and "already loaded" in out
    assert Item.objects.get(key="f1", instrument__key="exempel-licens").text == "Exempeltext ett"


def test_a_changed_file_under_a_loaded_version_is_refused(tmp_path: Path) -> None:
    call_command("load_instrument", str(_file(tmp_path, licensed())))
    with pytest.raises(CommandError, match="already loaded with other contents"):
        call_command("load_instrument", str(_file(tmp_path, licensed(name="Annat namn"))))


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ([], "the file must hold one JSON object"),
        (licensed(format=2), "'format' must be 1"),
        (licensed(licence="free"), "'licence' must be one of open, licensed"),
        (licensed(key="Med Mellanslag"), "instrument: 'key' must be lower-case"),
        (licensed(scales=[]), "instrument: 'scales' must be a non-empty list"),
        (
            licensed(
                scales=[
                    {"key": "grad", "name": "Grad", "values": [{"value": 1, "label": "A"}, {"value": 1, "label": "B"}]}
                ]
            ),
            "value 1 is used twice",
        ),
        (
            licensed(scales=[{"key": "grad", "name": "Grad", "values": [{"value": "1", "label": "A"}]}]),
            "'value' must be a whole number",
        ),
        (
            licensed(
                domains=[{"key": "d1", "area": "A", "name": "D", "items": [{"key": "f1", "respondent": "parent"}]}]
            ),
            "'respondent' must be one of",
        ),
        (
            licensed(
                domains=[
                    {
                        "key": "d1",
                        "area": "A",
                        "name": "D",
                        "items": [{"key": "f1", "respondent": "worker", "scale": "nej"}],
                    }
                ]
            ),
            "scale 'nej' is not one of",
        ),
        (
            licensed(
                domains=[
                    {
                        "key": "d1",
                        "area": "A",
                        "name": "D",
                        "items": [{"key": "f1", "respondent": "worker"}, {"key": "f1", "respondent": "worker"}],
                    }
                ]
            ),
            "key 'f1' is used twice",
        ),
        (licensed(licence="open"), "an open instrument's item needs its 'text'"),
    ],
)
def test_a_malformed_file_is_refused_with_a_clear_message(data: object, problem: str) -> None:
    with pytest.raises(InstrumentFileError) as caught:
        parse(data)
    assert any(problem in p for p in caught.value.problems), caught.value.problems


def test_every_problem_in_a_file_is_told_at_once_and_nothing_is_loaded(tmp_path: Path) -> None:
    bad = licensed(format=3, version="", domains=[{"key": "D!", "area": "", "name": "D", "items": []}])
    with pytest.raises(CommandError) as caught:
        call_command("load_instrument", str(_file(tmp_path, bad)))
    assert str(caught.value).count("\n- ") == 5
    assert not Instrument.objects.filter(key="exempel-licens").exists()


def test_a_file_that_is_not_json_or_missing_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="not UTF-8 JSON"):
        call_command("load_instrument", str(path))
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("load_instrument", str(tmp_path / "missing.json"))
