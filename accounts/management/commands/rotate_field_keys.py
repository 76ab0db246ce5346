from typing import Any

from django.core.management.base import BaseCommand

from accounts.keyrotation import rotate_field_keys


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field and TOTP secret with the first key in UTVAG_FIELD_KEYS. "
        "Afterwards the older keys can be removed. Safe to run again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for label, count in rotate_field_keys().rows.items():
            self.stdout.write(f"{label}: {count} rows re-encrypted")
