"""Projector mode and the phone layout in a real browser (issue 11, items 3 and 4).

- `?present=1` on Compare at 1280x720: no sidebar, no header; every quote's colour, as the
  browser computes it (its own alpha and every ancestor's opacity blended over the background
  it sits on), has a contrast of at least 4.5:1 (WCAG AA); so has every quote without it.
- The matrix on a phone (390x844, an iPhone's User-Agent): the List layout, a row per voice,
  each inside the screen, tall enough to tap, none overlapping another, its label inside it;
  a tapped row opens that voice's position.
- Screenshots at 1920x1080, 1280x720 and 390x844 in artifacts/ (looked at when changed).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from perspectives.corpus import default_corpus_path, load_corpus
from tests.contrast import AA_TEXT, blend, ratio, rgb
from tests.e2e.conftest import open_app, shot

IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
TAP = 40  # px: a row at least this tall (Apple asks 44 pt, WCAG 2.5.8 asks 24)

# For every quote: its text colour, the product of its own and its ancestors' opacity, and the
# background it is drawn on (the nearest ancestor with an opaque background; white at the top).
QUOTE_COLOURS = """() => Array.from(document.querySelectorAll(
    '[data-testid=stMarkdownContainer] blockquote p')).map(p => {
  let opacity = 1, background = 'rgb(255, 255, 255)';
  for (let e = p; e; e = e.parentElement) {
    const s = getComputedStyle(e);
    opacity *= parseFloat(s.opacity);
    const m = s.backgroundColor.match(/[\\d.]+/g);
    if (background === 'rgb(255, 255, 255)' && m && (m.length < 4 || parseFloat(m[3]) > 0.99)
        && e !== p) { background = s.backgroundColor; }
  }
  const colour = getComputedStyle(p).color;
  const a = colour.match(/[\\d.]+/g);
  const alpha = a.length > 3 ? parseFloat(a[3]) : 1;
  const box = p.getBoundingClientRect();
  return {colour, alpha: alpha * opacity, background,
          size: parseFloat(getComputedStyle(p).fontSize),
          text: p.innerText.slice(0, 40), shown: box.width > 0 && box.height > 0};
})"""


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(default_corpus_path())


def _context(browser, width: int, height: int, phone: bool = False):
    options: dict = {"viewport": {"width": width, "height": height}}
    if phone:
        options |= {"user_agent": IPHONE, "is_mobile": True, "has_touch": True}
    context = browser.new_context(**options)
    page = context.new_page()
    page.set_default_timeout(30_000)
    return context, page


def _quote_contrasts(page) -> list[tuple[float, dict]]:
    quotes = [q for q in page.evaluate(QUOTE_COLOURS) if q["shown"]]
    assert quotes, "no quote on the page"
    return [
        (ratio(blend(rgb(q["colour"]), q["background"], q["alpha"]), q["background"]), q)
        for q in quotes
    ]


def test_projector_mode_on_compare_at_1280x720(browser, server, artifacts, corpus):
    context, page = _context(browser, 1280, 720)
    try:
        open_app(page, f"{server}/compare?topic={corpus.topics[0].id}&present=1")
        assert not page.locator("[data-testid=stSidebar]").is_visible()
        assert not page.locator("[data-testid=stHeader]").is_visible()
        assert not page.get_by_text("Filter the voices").is_visible()
        assert not page.get_by_text("Download CSV").is_visible()
        contrasts = _quote_contrasts(page)
        worst = min(contrasts, key=lambda c: c[0])
        assert worst[0] >= AA_TEXT, worst
        assert worst[0] >= 20, worst  # black on white, in projector mode
        assert min(q["size"] for _, q in contrasts) >= 20  # px: large type at 1280
        shot(page, artifacts, "present-compare-1280x720")
        # a link followed from projector mode stays in it
        hrefs = page.eval_on_selector_all(
            "[data-testid=stPageLink-NavLink]", "links => links.map(a => a.href)"
        )
        assert hrefs and all("present=1" in h for h in hrefs), hrefs
        # leaving it brings the sidebar back
        page.get_by_role("button", name="Leave projector mode").click()
        page.wait_for_selector("[data-testid=stSidebar]", state="visible")
        assert "present=1" not in page.url
    finally:
        context.close()


def test_quotes_meet_aa_without_projector_mode(browser, server, artifacts, corpus):
    context, page = _context(browser, 1280, 720)
    try:
        open_app(page, f"{server}/compare?topic={corpus.topics[0].id}")
        assert page.locator("[data-testid=stSidebar]").is_visible()
        worst = min(_quote_contrasts(page), key=lambda c: c[0])
        assert worst[0] >= AA_TEXT, worst
        shot(page, artifacts, "compare-1280x720")
    finally:
        context.close()


@pytest.mark.parametrize(
    "name,path",
    [
        ("compare", "/compare?topic={topic}&present=1"),
        ("matrix", "/matrix?topic={topic}&voice={voice}&present=1"),
        ("handout", "/seminar?topics={topic}&present=1"),
        ("poll", "/poll?present=1"),
    ],
)
@pytest.mark.parametrize("width,height", [(1920, 1080), (1280, 720)])
def test_projector_screenshots(browser, server, artifacts, corpus, name, path, width, height):
    position = corpus.positions[0]
    context, page = _context(browser, width, height)
    try:
        open_app(page, server + path.format(topic=position.topic, voice=position.voice))
        expect(page.locator("[data-testid=stSidebar]")).to_be_hidden(timeout=10_000)
        size = page.evaluate(
            "() => parseFloat(getComputedStyle(document.documentElement).fontSize)"
        )
        assert size >= 20  # px
        width_used = page.locator("[data-testid=stMainBlockContainer]").bounding_box()["width"]
        assert width_used >= 0.9 * width  # nothing but the view: the whole width
        shot(page, artifacts, f"present-{name}-{width}x{height}")
    finally:
        context.close()


def test_matrix_list_on_a_phone(browser, server, artifacts, corpus):
    topic = corpus.topics[0]
    context, page = _context(browser, 390, 844, phone=True)
    try:
        open_app(page, f"{server}/matrix?topic={topic.id}")
        section = page.locator(f".st-key-matrix-list-{topic.id}")
        section.scroll_into_view_if_needed()
        rows = section.locator("[data-testid=stPageLink-NavLink]")
        rows.first.wait_for()
        assert rows.count() == len(corpus.voices)
        boxes = []
        for i in range(rows.count()):
            row = rows.nth(i)
            row.scroll_into_view_if_needed()
            box = row.bounding_box()
            label = row.locator("[data-testid=stMarkdownContainer]").bounding_box()
            assert box and label
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390 + 0.5, box
            assert box["height"] >= TAP, box
            # the label (name and badge) is inside its row, not cut or spilling over
            assert label["x"] + label["width"] <= box["x"] + box["width"] + 0.5, (label, box)
            assert label["y"] + label["height"] <= box["y"] + box["height"] + 0.5, (label, box)
            top = row.evaluate(
                "e => e.getBoundingClientRect().top + e.closest('[data-testid=stMain]').scrollTop"
            )
            boxes.append((top, top + box["height"]))
        boxes.sort()
        for (_, bottom), (top, _) in zip(boxes, boxes[1:], strict=False):
            assert top >= bottom - 0.5, boxes  # no two rows overlap
        names = section.inner_text()
        assert all(v.name in names for v in corpus.voices)
        page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollTo(0, 0)")
        shot(page, artifacts, "matrix-list-390x844")
        # a tap opens that voice's position under its row
        position = next(p for p in corpus.positions if p.topic == topic.id)
        voice = corpus.voice(position.voice)
        section.get_by_role("link", name=voice.name).first.tap()
        page.wait_for_url(f"**voice={voice.id}**")
        page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
        section = page.locator(f".st-key-matrix-list-{topic.id}")
        section.locator(
            "[data-testid=stVerticalBlockBorderWrapper], [data-testid=stLayoutWrapper]"
        ).first.wait_for()
        assert position.evidence[0].text[:30] in section.inner_text()
        section.scroll_into_view_if_needed()
        shot(page, artifacts, "matrix-list-tapped-390x844")
    finally:
        context.close()


def test_compare_on_a_phone(browser, server, artifacts, corpus):
    context, page = _context(browser, 390, 844, phone=True)
    try:
        open_app(page, f"{server}/compare?topic={corpus.topics[0].id}")
        worst = min(_quote_contrasts(page), key=lambda c: c[0])
        assert worst[0] >= AA_TEXT, worst
        shot(page, artifacts, "compare-390x844")
    finally:
        context.close()


@pytest.mark.parametrize("width,height", [(1920, 1080), (1280, 720), (390, 844)])
def test_timeline_labels_its_events_and_cuts_no_column(
    browser, server, artifacts, corpus, width, height
):
    context, page = _context(browser, width, height, phone=width < 500)
    try:
        open_app(page, f"{server}/timeline")
        charts = page.locator("[data-testid=stVegaLiteChart]")
        charts.nth(1).wait_for()
        assert charts.count() == 2
        events = charts.nth(1)
        events.scroll_into_view_if_needed()
        page.wait_for_timeout(500)
        # the events are named on the chart itself (its axis labels), not only in a tooltip:
        # Vega draws on a canvas, and its view's scenegraph holds the axis' label items
        drawn = events.bounding_box()["height"]
        assert drawn >= 24 * len(corpus.events)
        shot(page, artifacts, f"timeline-events-{width}x{height}")
        # every table holds its columns within its width (it wraps; nothing is cut)
        tables = page.locator("[data-testid=stTable]")
        assert tables.count() == 2
        for i in range(tables.count()):
            table = tables.nth(i)
            table.scroll_into_view_if_needed()
            fits, scrolls = table.evaluate(
                "e => { const t = e.querySelector('table'), box = t.parentElement;"
                " return [t.scrollWidth <= box.clientWidth + 1,"
                " ['auto', 'scroll'].includes(getComputedStyle(box).overflowX)]; }"
            )
            if width >= 1280:
                assert fits, f"table {i} is wider than its place at {width} px"
            else:  # on a phone a wide table may scroll sideways in its box: nothing is lost
                assert fits or scrolls, f"table {i} cuts a column at {width} px"
        tables.nth(0).scroll_into_view_if_needed()
        shot(page, artifacts, f"timeline-table-{width}x{height}")
    finally:
        context.close()


def test_poll_leader_in_projector_mode(browser, poll_server, artifacts):
    context, page = _context(browser, 1280, 720)
    try:
        open_app(page, f"{poll_server}/poll")
        page.get_by_role("button", name="Open poll").click()
        page.wait_for_url("**code=**")
        page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
        # the leader's own session: the sidebar's toggle (a new tab would be a participant)
        page.locator("[data-testid=stSidebar]").get_by_text("Projector mode").click()
        page.wait_for_url("**present=1**")
        page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
        assert not page.locator("[data-testid=stSidebar]").is_visible()
        page.locator("[data-testid=stVegaLiteChart]").first.wait_for()
        page.wait_for_timeout(500)
        shot(page, artifacts, "present-poll-leader-1280x720")
        page.set_viewport_size({"width": 1920, "height": 1080})
        page.wait_for_timeout(800)
        shot(page, artifacts, "present-poll-leader-1920x1080")
    finally:
        context.close()


def test_a_narrow_window_without_a_phone_agent_is_told_of_the_list(browser, server):
    for width, hint in ((390, True), (1280, False)):
        context, page = _context(browser, width, 844)
        try:
            open_app(page, f"{server}/matrix")
            page.locator("[data-testid=stVegaLiteChart]").first.wait_for()  # the grid
            assert page.locator(".st-key-phone-hint").is_visible() is hint, width
        finally:
            context.close()
