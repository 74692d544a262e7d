"""Open a page of the app under `AppTest` the way a deep link would."""

from __future__ import annotations

import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
PAGES = "perspectives/ui/pages"


def page_path(page: str) -> str:
    """A page name ("compare") or its path relative to app.py."""
    return page if page.endswith(".py") else f"{PAGES}/{page}.py"


def open_page(page: str | None = None, **params: str) -> AppTest:
    """Run the app, switch to `page` (if given) with exactly `params` as its query string, run
    it, and fail on any exception. `render_seconds` is the time of that last run."""
    at = AppTest.from_file(APP, default_timeout=30)
    if page:
        at.run()
        at.switch_page(page_path(page))
    at.query_params.clear()  # the default page wrote its own parameters on the first run
    at.query_params.update(params)
    started = time.perf_counter()
    at.run()
    at.render_seconds = time.perf_counter() - started
    assert not at.exception, [e.value for e in at.exception]
    return at


def paragraphs(at: AppTest) -> list[str]:
    """The Markdown paragraphs the page shows, one item each, whether a page draws them as
    elements of their own or several in one element (`ui.cards.paragraphs`)."""
    return [part for m in at.markdown for part in m.value.split("\n\n")]
