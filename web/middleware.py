from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation


class SwedishFirstLocaleMiddleware:
    """Swedish unless the user chose English with the language button (the language cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language, and a municipality's
    browsers are often set to English; Utväg is Swedish first.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


# No camera, microphone, location or payment for any page: Utväg needs none of them.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


class PrivateResponseMiddleware:
    """A signed-in page or an API answer is never stored by a browser or a proxy (ASVS 14.3.2).

    Pages hold personal data about children: "no-store" keeps them out of the back-button cache and
    shared caches alike. Static files, served before this, are not touched.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or request.path.startswith("/api/"):
            response["Cache-Control"] = "no-store"
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
