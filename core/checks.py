"""System checks of our own: `manage.py check --deploy` also reads the data with the field keys."""

from typing import Any

from django.core.checks import CheckMessage, Error, Warning, register
from django.db import DatabaseError

from core.keycheck import HINT, field_key_problems


@register("keys", deploy=True)
def field_keys_read_the_data(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    try:
        problems = field_key_problems()
    except DatabaseError as error:
        return [Warning(f"field keys not checked: the database could not be read ({error})", id="core.W001")]
    return [Error(f"cannot decrypt {problem}", hint=HINT, id="core.E001") for problem in problems]
