"""Development keys, generated once into var/ so a fresh clone runs without set-up.

Production never uses this: settings refuse to start without keys from the environment.
"""

import base64
import json
import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet


def load_or_create(path: Path) -> dict[str, str]:
    if path.exists():
        return dict(json.loads(path.read_text(encoding="utf-8")))
    path.parent.mkdir(parents=True, exist_ok=True)
    keys = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "UTVAG_FIELD_KEYS": Fernet.generate_key().decode(),
        "UTVAG_INDEX_KEY": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "UTVAG_LOG_KEY": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
    }
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(keys, handle)
    return keys
