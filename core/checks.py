"""System checks of our own: `manage.py check --deploy` also reads the data with the field keys."""

from typing import Any

from django.core.checks import CheckMessage, Error, Info, register
from django.db import DatabaseError

from core.keycheck import HINT, field_key_problems


@register("keys", deploy=True)
def field_keys_read_the_data(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    try:
        problems = field_key_problems()
    except DatabaseError as error:
        # Information, not a warning: a database not yet migrated or reachable is not a key problem,
        # and the deployment check is also run where there is no database yet.
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return [
            Info(
                f"field keys not checked against the data: the database could not be read ({first_line})",
                id="core.I001",
            )
        ]
    return [Error(f"cannot decrypt {problem}", hint=HINT, id="core.E001") for problem in problems]
