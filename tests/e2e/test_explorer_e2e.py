"""The explorer in a real browser: compare a topic, open a quote in the reader, search, read
on a phone-sized screen, and show a document's markup as text."""

from __future__ import annotations

import re
from urllib.parse import quote_plus

import pytest
from playwright.sync_api import expect

from perspectives.corpus import load_corpus
from tests.e2e.conftest import ROOT, open_app, running_server, shot

PHONE = {"width": 390, "height": 844}
OVERFLOW = """() => {
  const main = document.querySelector('[data-testid=stMain]');
  return {
    page: document.documentElement.scrollWidth - window.innerWidth,
    main: main ? main.scrollWidth - main.clientWidth : 0,
  };
}"""


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "data")


def in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
        return r.top >= -2 && r.top < window.innerHeight - 40; }""",
        selector,
    )


def test_compare_social_credit_shows_the_voices_with_their_quotes(server, page, artifacts, corpus):
    open_app(page, f"{server}/?topic=social-credit")
    for voice in ("bing-song", "viola-rothschild"):
        name = corpus.voice(voice).name
        expect(page.get_by_text(name, exact=True).first).to_be_visible()
        quote = corpus.position(voice, "social-credit").evidence[0].text
        expect(page.get_by_text(quote[:60]).first).to_be_visible()
    shot(page, artifacts, "compare-social-credit", whole=True)


def test_show_in_context_opens_the_reader_at_the_marked_paragraph(server, page, artifacts):
    open_app(page, f"{server}/?topic=social-credit")
    link = page.get_by_role("link", name=re.compile("Show in context")).first
    href = link.get_attribute("href")
    number = re.search(r"[?&]p=(\d+)", href).group(1)
    link.click()
    page.wait_for_url(re.compile(rf"/documents\?.*p={number}"))
    page.wait_for_selector(f".st-key-p-{number}")
    marked = page.locator(f".st-key-p-{number}")
    expect(marked.get_by_text(f"Opened from a quote: paragraph {number}")).to_be_visible()
    page.wait_for_timeout(800)  # the scroll script retries while the page renders
    assert in_viewport(page, f".st-key-p-{number}")
    shot(page, artifacts, "reader-from-quote")


def test_reader_deep_link_scrolls_to_the_paragraph(server, page, artifacts):
    open_app(page, f"{server}/documents?doc=the-bl-2022&p=40")
    marked = page.locator(".st-key-p-40")
    expect(marked.get_by_text("Opened from a quote: paragraph 40")).to_be_visible()
    page.wait_for_timeout(800)
    assert in_viewport(page, ".st-key-p-40")
    shot(page, artifacts, "reader-deep-link-p40")


def test_search_phrase_from_the_link(server, page, artifacts):
    open_app(page, f"{server}/search?q={quote_plus(chr(34) + 'phantom democracy' + chr(34))}")
    expect(page.locator("strong", has_text="phantom democracy").first).to_be_visible()
    expect(
        page.get_by_text("This paradox explains why China has not failed so far")
    ).to_be_visible()
    shot(page, artifacts, "search-phantom-democracy")
    page.get_by_role("link", name="Read in context").first.click()
    page.wait_for_url(re.compile(r"/documents\?doc=gardels-2018&p=4"))
    expect(page.get_by_text("Opened from a quote: paragraph 4")).to_be_visible()


def test_search_by_typing(server, page, artifacts):
    open_app(page, f"{server}/search")
    expect(page.get_by_text("Type a word or a phrase")).to_be_visible()
    box = page.get_by_label("Search all paragraphs")
    box.fill('"phantom democracy"')
    box.press("Enter")
    expect(page.locator("strong", has_text="phantom democracy").first).to_be_visible()
    page.wait_for_url(re.compile(r"q=%22phantom"))
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
    shot(page, artifacts, "search-typed")


def test_timeline_renders(server, page, artifacts):
    open_app(page, f"{server}/timeline")
    expect(page.locator("[data-testid=stVegaLiteChart]").first).to_be_visible()
    expect(page.get_by_role("heading", name="Events the documents refer to")).to_be_visible()
    shot(page, artifacts, "timeline", whole=True)


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("compare", "/?topic=social-credit"),
        ("documents", "/documents?doc=gardels-2018"),
        ("search", "/search?q=democracy"),
        ("timeline", "/timeline"),
    ],
)
def test_no_horizontal_overflow_on_a_phone(server, browser, artifacts, name, path):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        open_app(page, f"{server}{path}")
        page.wait_for_timeout(500)
        overflow = page.evaluate(OVERFLOW)
        shot(page, artifacts, f"phone-{name}", whole=True)
        assert overflow["page"] <= 1 and overflow["main"] <= 1, overflow
    finally:
        context.close()


@pytest.fixture
def hostile_server(hostile_corpus_dir, artifacts):
    with running_server({"PERSPECTIVES_CORPUS": str(hostile_corpus_dir)}) as url:
        yield url


def test_document_markup_is_shown_as_text(hostile_server, page, artifacts):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_app(page, f"{hostile_server}/documents?doc=trust-essay&p=7")
    paragraph = page.locator(".st-key-p-7")
    text = paragraph.inner_text()
    assert "<script>alert(1)</script>" in text
    assert "**bold**" in text
    assert "[link](javascript:alert(1)) then :red[colour]" in text
    assert paragraph.locator("script").count() == 0
    assert paragraph.locator("a[href^='javascript']").count() == 0
    expect(
        page.get_by_text("The **Trust** Machine <b>[x](javascript:alert(1))</b>")
    ).to_be_visible()
    shot(page, artifacts, "reader-markup-as-text")
    assert dialogs == []
