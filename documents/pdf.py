"""HTML to PDF/UA with WeasyPrint, reading nothing but the application's own static files.

WeasyPrint's default fetcher follows any URL (file:, http:, data:), which would let a crafted value
read local files or reach the network. Ours answers only for the static files Django would serve.

WeasyPrint is imported when a document is rendered, not when the site starts: it needs Pango from the
system (scripts/ensure-pdf-libs.sh), and a machine without it should still run everything else.
"""

import mimetypes
from functools import cache
from typing import Any

from django.contrib.staticfiles import finders

BASE_URL = "https://utvag.invalid/static/"


class PrintingUnavailable(RuntimeError):
    pass


@cache
def static_only_fetcher() -> Any:
    """WeasyPrint's fetcher, answering only for the static files Django would serve."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):  # type: ignore[misc]  # weasyprint ships no type hints
        def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
            if not url.startswith(BASE_URL) or ".." in url:
                raise FatalURLFetchingError(f"documents may only use our static files, not {url[:80]}")
            path = finders.find(url.removeprefix(BASE_URL))
            if not path or isinstance(path, list):
                raise FatalURLFetchingError(f"no such static file: {url[:80]}")
            with open(path, "rb") as handle:
                body = handle.read()
            content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})

    return StaticOnlyFetcher


def render_pdf(html: str) -> bytes:
    """A tagged PDF/UA-1 document."""
    try:
        from weasyprint import HTML
    except OSError as exc:  # Pango missing
        raise PrintingUnavailable(str(exc)) from exc
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=static_only_fetcher()())
    pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    assert pdf is not None
    return bytes(pdf)
