from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone


def utvag(request: HttpRequest) -> dict[str, Any]:
    # `today` in Swedish time: what "due today" and "overdue" mean on every page.
    return {"DEMO_MODE": settings.DEMO_MODE, "today": timezone.localdate()}
