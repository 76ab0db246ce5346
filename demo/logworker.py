"""Entry points of the access-history loader processes (demo.background.Background).

They are spawned, so each starts as a fresh interpreter: this module imports nothing of Django at
its top, and what it is handed is plain values, so both can be unpickled before Django is set up.
"""

from typing import Any

import django

_state: dict[str, Any] = {}


def start(job: Any, database: str) -> None:
    django.setup()
    from django.db import connection  # only now that Django is set up

    if connection.settings_dict["NAME"] != database:
        # The settings come from the environment: never let a loader write somewhere else.
        raise RuntimeError(f"loader would write to {connection.settings_dict['NAME']!r}, not {database!r}")
    _state["job"] = job


def load(share: Any) -> str:
    from demo.history import load_share  # imports models: only once Django is set up

    return load_share(_state["job"], share)
