"""The open instrument in English: every word of it translated, shown to a reader who chose English, and
the Swedish the assessments were made with left as it was."""

import json

import pytest
from django.utils import translation

from assessments.models import Instrument, Item
from assessments.structure import structure
from assessments.translation import INSTRUMENTS

pytestmark = pytest.mark.django_db


def test_the_english_file_translates_every_scale_value_domain_and_item_and_nothing_else() -> None:
    swedish = json.loads((INSTRUMENTS / "utvag-oppen-1.json").read_text(encoding="utf-8"))
    english = json.loads((INSTRUMENTS / "utvag-oppen-1.en.json").read_text(encoding="utf-8"))
    assert english["name"] and (english["key"], english["version"]) == (swedish["key"], swedish["version"])
    assert {s["key"]: {str(v["value"]) for v in s["values"]} for s in swedish["scales"]} == {
        key: set(scale["values"]) for key, scale in english["scales"].items()
    }
    assert {d["key"]: {i["key"] for i in d["items"]} for d in swedish["domains"]} == {
        key: set(domain["items"]) for key, domain in english["domains"].items()
    }
    texts = [english["name"], *(s["name"] for s in english["scales"].values())]
    texts += [t for d in english["domains"].values() for t in (d["name"], *d["items"].values())]
    assert all(t.strip() for t in texts)


def test_a_reader_who_chose_english_reads_the_instrument_in_english_and_the_table_keeps_its_swedish() -> None:
    instrument = Instrument.objects.get(key="utvag-oppen", version="1")
    with translation.override("en"):
        shown = structure(instrument)
    item = shown.items["barn-trygghet"]
    assert item.item.text == "How safe do you feel, at home, at school and outside?"
    assert item.domain.name == "Safety" and item.allowed == {1: "Bad", 2: "So-so", 3: "Good"}
    assert shown.items["bbic-halsa"].column == "How things are now"
    assert shown.instrument.name.startswith("Utväg's open assessment")
    with translation.override("sv"):
        assert (
            structure(instrument).items["barn-trygghet"].item.text
            == "Hur trygg känner du dig, hemma, i skolan och ute?"
        )
    assert Item.objects.get(instrument=instrument, key="barn-trygghet").text.startswith("Hur trygg")
