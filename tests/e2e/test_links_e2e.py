"""Every link is a real url (issue 11): each link on the Voices, Documents, Compare and Search
pages, and each page's "Copy link to this view", opened in a NEW browser context (no session,
no cookies, as when a link is opened in another browser or sent on) lands on the same view.

A left click navigates inside the running app and would hide a wrong href: here only the href
counts. "The same view": the same page (url path), every parameter of the link kept by the page
(a page rewrites its url from what it shows, so a parameter it ignored or replaced would be
gone), no "There is no ..." warning, and the voice, document or topic the link names on screen.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from perspectives.corpus import default_corpus_path, load_corpus
from tests.e2e.conftest import open_app, shot

START = {
    "voices": "/voices?voice=bing-song",
    "documents": "/documents?doc=yang-2023",
    "compare": "/compare?topic=social-credit",
    "landing": "/?topic=social-credit",
    "head-to-head": "/compare?view=head-to-head&voices=bing-song,viola-rothschild",
    "search": "/search?q=democracy",
}
HREFS = """() => Array.from(document.querySelectorAll('[data-testid=stPageLink-NavLink]'))
  .filter(a => a.target !== '_blank').map(a => a.href)"""


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(default_corpus_path())


def landed(browser, href: str) -> tuple[str, str, list[str]]:
    """Open `href` in a fresh context: (final url, the main area's text, warnings)."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        open_app(page, href)
        text = page.inner_text("[data-testid=stMain]")
        warnings = [w.inner_text() for w in page.query_selector_all("[data-testid=stAlert]")]
        return page.url, text, warnings
    finally:
        context.close()


def check_lands(browser, corpus, href: str) -> None:
    url, text, warnings = landed(browser, href)
    want, got = urlsplit(href), urlsplit(url)
    assert got.path.rstrip("/") == want.path.rstrip("/"), (href, url)
    asked, kept = parse_qs(want.query), parse_qs(got.query)
    for key, value in asked.items():
        assert kept.get(key) == value, (href, url, key)
    assert not [w for w in warnings if "There is no" in w or "ignored" in w], (href, warnings)
    if "voice" in asked and got.path.endswith("/voices"):
        assert corpus.voice(asked["voice"][0]).name in text, href
    if "doc" in asked:
        assert corpus.document(asked["doc"][0]).title in text, href
    if "topic" in asked and got.path.endswith("/compare"):
        topic = corpus.topic(asked["topic"][0])  # its picker, or the question as the title
        assert topic.label in text or topic.question in text, href
    if "voices" in asked:
        for voice_id in asked["voices"][0].split(","):
            assert corpus.voice(voice_id).name in text, (href, voice_id)


@pytest.mark.parametrize("name", list(START))
def test_every_link_opens_the_same_view_in_a_new_context(
    server, page, browser, corpus, artifacts, name
):
    open_app(page, server + START[name])
    hrefs = list(dict.fromkeys(page.evaluate(HREFS)))
    shot(page, artifacts, f"links-{name}")
    assert hrefs, f"no links on {name}"
    for href in hrefs:
        assert href.startswith(server + "/"), href  # a real url of this app
        check_lands(browser, corpus, href)


@pytest.mark.parametrize("name", list(START))
def test_the_copied_link_reproduces_the_view(server, page, browser, corpus, name):
    open_app(page, server + START[name])
    page.get_by_role("button", name="Copy link to this view").click()
    code = page.locator("[data-testid=stPopoverBody] [data-testid=stCode]").first
    copied = code.inner_text().strip()
    assert copied.startswith(server + "/"), copied
    check_lands(browser, corpus, copied)
    want = parse_qs(urlsplit(server + START[name]).query)
    assert {k: v for k, v in parse_qs(urlsplit(copied).query).items() if k in want} == want
