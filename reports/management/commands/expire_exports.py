from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from reports.exports.services import exports_expire


class Command(BaseCommand):
    help = (
        "Remove export files past their time (UTVAG_EXPORT_HOURS), mark exports whose worker died as "
        "failed, and sweep files no export points to. Run it from a timer, e.g. every 15 minutes."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        done = exports_expire(now=timezone.now())
        self.stdout.write(
            f"exports: {done.expired} expired, {done.abandoned} abandoned, {done.strays} stray files removed"
        )
