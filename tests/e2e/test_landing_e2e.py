"""The landing page and the top of every page in a real browser (issue 11, item 8): the
welcome on `/`, no empty band above a page's first element, and a screenshot to look at."""

from __future__ import annotations

import pytest

from perspectives.ui.present import TOP_PADDING
from tests.e2e.conftest import open_app, shot

BAND = 70  # px: the first element starts this close to the top (Streamlit's default: ~100)

FIRST_TOP = """() => {
  const main = document.querySelector('[data-testid=stMainBlockContainer]');
  const first = Array.from(main.querySelectorAll('[data-testid=stElementContainer]'))
    .find(e => e.getBoundingClientRect().height > 0);
  return {padding: getComputedStyle(main).paddingTop, top: first.getBoundingClientRect().top};
}"""


@pytest.mark.parametrize("path", ["/", "/voices", "/corpus", "/search", "/workspace"])
def test_no_empty_band_tops_a_page(page, server, artifacts, path):
    page.set_viewport_size({"width": 1400, "height": 900})
    open_app(page, server + path)
    found = page.evaluate(FIRST_TOP)
    assert found["padding"] == f"{float(TOP_PADDING.removesuffix('rem')) * 16:g}px"
    assert found["top"] < BAND, found


def test_the_landing_page_says_what_the_app_is_until_dismissed(page, server, artifacts):
    page.set_viewport_size({"width": 1400, "height": 900})
    open_app(page, server + "/")
    welcome = page.locator(".st-key-welcome")
    assert welcome.is_visible()
    assert "Perspectives lays out how several authors" in welcome.inner_text()
    assert welcome.bounding_box()["y"] < BAND
    shot(page, artifacts, "landing-1400")
    welcome.get_by_role("button", name="Got it, hide this").click()
    page.wait_for_selector(".st-key-welcome", state="detached")
    open_app(page, server + "/compare")
    assert page.locator(".st-key-welcome").count() == 0


def test_on_a_phone_the_page_starts_below_the_header(page, server, artifacts):
    page.set_viewport_size({"width": 390, "height": 844})
    open_app(page, server + "/corpus")
    header = page.evaluate(
        "() => document.querySelector('[data-testid=stHeader]').getBoundingClientRect().bottom"
    )
    found = page.evaluate(FIRST_TOP)
    assert header <= found["top"] < header + 24, (header, found)
    shot(page, artifacts, "corpus-390")
