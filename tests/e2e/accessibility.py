"""axe-core (npm 4.14, vendored) in the browser: no serious or critical violation on any page visited."""

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

AXE = Axe.from_file(Path(__file__).parent / "vendor" / "axe.min.js")


def assert_accessible(page: Page) -> None:
    result = AXE.run(page)
    serious = [v for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, result.generate_report()
