"""The JSON API: one NinjaAPI with its authentication, mounting each app's router.

Each app owns its part (`<app>/api.py`); what every part answers on error is in `web.api`.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.security import django_auth

from assessments.api import router as assessments
from casefile.api import router as casefile
from programme.api import router as programme
from protection.api import router as protection

# The OpenAPI document and its viewer are for signed-in staff only, like the API itself.
api = NinjaAPI(title="Utväg API", version="1", auth=django_auth, urls_namespace="api", docs_decorator=login_required)
api.add_router("", casefile)
api.add_router("", programme)
api.add_router("", assessments)
api.add_router("", protection)


@api.exception_handler(ValidationError)
def _input_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """A malformed id in the path is a missing record (404, as for a forbidden one); other bad input is 422."""
    if any(error.get("loc", ("",))[0] == "path" for error in exc.errors):
        return api.create_response(request, {"detail": "Not Found"}, status=404)
    return api.create_response(request, {"detail": exc.errors}, status=422)
