"""Every model's `get_<field>_display` says what Django's own would, in each language, faster."""

import pytest
from django.apps import apps
from django.db.models import Model
from django.utils import translation

from intake.models import Signal, SignalKind

CHOICE_FIELDS = [
    (model, field)
    for model in apps.get_models(include_auto_created=True)
    for field in model._meta.local_fields
    if field.choices
]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_label_is_the_one_django_would_show(language: str) -> None:
    with translation.override(language):
        for model, field in CHOICE_FIELDS:
            for value in [*(v for v, _ in field.flatchoices), "not-a-choice"]:
                instance = model(**{field.attname: value})
                ours = getattr(instance, f"get_{field.name}_display")()
                assert ours == Model._get_FIELD_display(instance, field), (model, field.name, value)  # type: ignore[attr-defined]


def test_the_label_follows_the_language_of_the_request_that_shows_it() -> None:
    signal = Signal(kind=SignalKind.POLICE_NOTICE)
    with translation.override("sv"):
        assert signal.get_kind_display() == "Underrättelse från polisen"
    with translation.override("en"):
        assert signal.get_kind_display() == "Notification from the police"


def test_the_display_is_ours_on_the_models() -> None:
    assert CHOICE_FIELDS, "no fields with choices found"
    for model, field in CHOICE_FIELDS:
        method = model.__dict__[f"get_{field.name}_display"]
        assert method.func is not Model._get_FIELD_display, (model, field.name)  # type: ignore[attr-defined]
