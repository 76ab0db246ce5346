"""Every page a journey visits is checked as a person would meet it.

- axe-core (npm 4.14, vendored) finds no violation of any impact;
- on a 390 by 844 phone the page is no wider than the screen, and the header (with the demo banner)
  takes at most a quarter of the first screen;
- a Swedish page shows none of Django's English defaults.
"""

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, ViewportSize

AXE = Axe.from_file(Path(__file__).parent / "vendor" / "axe.min.js")
PHONE = ViewportSize(width=390, height=844)
ENGLISH_DEFAULTS = ("- Select an option -", "---------")


def _fits_a_phone(page: Page) -> None:
    desktop = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        width = page.evaluate("document.documentElement.scrollWidth")
        header = page.evaluate("document.querySelector('header').getBoundingClientRect().height")
    finally:
        if desktop is not None:
            page.set_viewport_size(desktop)
    assert width <= PHONE["width"], f"{page.url} is {width} px wide on a {PHONE['width']} px phone"
    assert header <= PHONE["height"] / 4, f"{page.url}: the header takes {header} px of {PHONE['height']}"


def assert_accessible(page: Page) -> None:
    # A click that navigates returns before the next page has loaded; axe on a page between two documents
    # finds no document at all (seen on a loaded machine).
    page.wait_for_load_state("load")
    result = AXE.run(page)
    assert not result.response["violations"], result.generate_report()
    _fits_a_phone(page)
    if page.evaluate("document.documentElement.lang") == "sv":
        text = page.content()
        assert not [d for d in ENGLISH_DEFAULTS if d in text], f"{page.url} shows an English default"
