from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from programme.outcome_reminders import remind_due_outcomes


class Command(BaseCommand):
    help = "Tell the workers of the programme's outcome occasions that fell due with nothing recorded (daily, cron)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = remind_due_outcomes(today=timezone.localdate())
        self.stdout.write(f"wrote {count} outcome reminder(s)")
