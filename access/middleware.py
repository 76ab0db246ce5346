import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

_VALID = re.compile(r"^[A-Za-z0-9-]{8,36}$")


class RequestIdMiddleware:
    """Gives every request an id that ties its access-log rows together (and to the proxy's log).

    The id is Utväg's own. An incoming X-Request-ID is taken only behind a configured reverse proxy
    (UTVAG_TRUSTED_PROXY_COUNT), which sets it; straight from a browser it is the client's to choose,
    and a log must not let a client choose what ties its rows together.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "") if settings.ALLAUTH_TRUSTED_PROXY_COUNT else ""
        request.request_id = incoming if _VALID.match(incoming) else str(uuid.uuid4())  # type: ignore[attr-defined]  # ours, read by Actor
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id  # type: ignore[attr-defined]  # set just above
        return response
