from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import timezone

from access.partitions import MONTHS_AHEAD, ensure_partitions, months_ahead, revoke_changes


class Command(BaseCommand):
    help = (
        "PostgreSQL: make the access log's monthly partitions for the next three months, and take UPDATE, "
        "DELETE and TRUNCATE on the log and every partition from every role but the owner. Run daily, and "
        "after every migrate and GRANT, as the tables' owner (not as the application's role)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            self.stdout.write("the access log is partitioned on PostgreSQL only: nothing to do")
            return
        today = timezone.now().date()
        for name in ensure_partitions(today, months_ahead(today, MONTHS_AHEAD)):
            self.stdout.write(f"created partition {name}")
        revoke_changes()
        self.stdout.write(f"access-log partitions ready to {months_ahead(today, MONTHS_AHEAD):%Y-%m}")
