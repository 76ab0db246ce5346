from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from collaboration.follow_ups import remind_meeting_follow_ups


class Command(BaseCommand):
    help = "Tell the workers of the cases whose meeting item's follow-up day has come (daily, cron)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = remind_meeting_follow_ups(today=timezone.localdate())
        self.stdout.write(f"wrote {count} meeting follow-up notice(s)")
