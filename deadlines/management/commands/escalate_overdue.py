from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from deadlines.services import escalate_overdue


class Command(BaseCommand):
    help = "Escalate every overdue, unescalated deadline to the unit managers (safe to run from cron)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = escalate_overdue(today=timezone.localdate())
        self.stdout.write(f"escalated {count} overdue deadline(s)")
