"""`get_<field>_display` at the cost of one dictionary lookup.

Django's own (`Model._get_FIELD_display`) rebuilds a dictionary of the field's choices on every call,
and building it hashes every label; our labels are lazy translations, so each hash translates the
label again. A decision's kind has 16 choices: about 100 µs a call, and a case page with years of
casework calls it some 150 times. Here each field's labels are kept in a dictionary made once, still
lazy, so a label is translated only when shown, in the language of the request that shows it.

Installed from `CoreConfig.ready` on every model whose display method is still Django's default: a
model that writes its own `get_<field>_display` keeps it.
"""

from collections.abc import Sequence
from functools import partialmethod
from typing import Any

from django.apps import apps
from django.db.models import Field, Model
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable


def _display(instance: Model, *, field: Field, labels: dict[Any, Any]) -> Any:  # type: ignore[type-arg]  # any field
    value = getattr(instance, field.attname)
    return force_str(labels.get(make_hashable(value), value), strings_only=True)


def _is_djangos_default(method: object) -> bool:
    return isinstance(method, partialmethod) and method.func is Model._get_FIELD_display  # type: ignore[attr-defined]  # Django's private method, which this replaces


def install_choice_labels() -> None:
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.local_fields:
            name = f"get_{field.name}_display"
            # Choices given as a callable may change while the process runs: those keep Django's way.
            if isinstance(field.choices, Sequence) and _is_djangos_default(model.__dict__.get(name)):
                labels = {make_hashable(value): label for value, label in field.flatchoices}
                setattr(model, name, partialmethod(_display, field=field, labels=labels))
