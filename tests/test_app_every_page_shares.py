"""Every page of the navigation offers what it shows as a download and a link that reproduces
it ("Copy link to this view"), on the default corpus and on the second corpus; where a page
has nothing to download, it says why (and the test says so too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from perspectives.corpus import default_corpus_path, load_cached
from perspectives.store.engine import dispose_engines
from perspectives.ui.navigation import PAGE_SPECS
from perspectives.views.search_examples import example_queries
from tests.apptest import open_page

ROOT = Path(__file__).resolve().parents[1]
RENT = ROOT / "tests" / "corpora" / "rent-control"
PAGES = [(f.removesuffix(".py"), url) for specs in PAGE_SPECS.values() for f, _, url, _ in specs]
# Pages left out of the walk, and why.
NOT_WALKED = {"poll": "the class poll's exports are the poll's own work (issue 11, item 1)"}
# Pages with nothing to download in the state the walk opens them in, and why.
NO_DOWNLOAD = {
    "workspace": "no workspace is open: the default corpus downloads from the Corpus page",
    "edit": "no workspace is open, so nothing is edited: the page says where to download",
}


@pytest.fixture(params=["default", "rent-control"])
def corpus(request, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("PERSPECTIVES_DB", str(tmp_path / "workspace.db"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    if request.param == "default":
        monkeypatch.delenv("PERSPECTIVES_CORPUS", raising=False)
        yield load_cached(default_corpus_path())
    else:
        monkeypatch.setenv("PERSPECTIVES_CORPUS", str(RENT))
        yield load_cached(RENT)
    dispose_engines()


def copied_links(at) -> list[str]:
    return [c.value for c in at.code if c.value.startswith("/")]


def downloads(at) -> list[str]:
    return [button.proto.label for button in at.get("download_button")]


@pytest.mark.parametrize(("page", "url"), [p for p in PAGES if p[0] not in NOT_WALKED])
def test_every_page_offers_a_download_and_a_link_to_itself(corpus, page, url):
    params = {  # pages that show nothing to download until something is asked (tests below)
        "search": {"q": example_queries(corpus).word or ""},
        "passages": {"topic": corpus.topics[0].id, "doc": corpus.documents[0].id},
    }.get(page, {})
    at = open_page(page, **params)
    links = copied_links(at)
    assert links, f"{page}: no link to copy"
    assert all(link == f"/{url}" or link.startswith(f"/{url}?") for link in links), links
    if page in NO_DOWNLOAD:
        assert not downloads(at)
        assert any("Corpus page" in c.value for c in at.caption), "the page says why not"
    else:
        assert downloads(at), f"{page}: no download"


def test_the_navigation_has_no_page_the_walk_does_not_know():
    walked = {page for page, _ in PAGES}
    assert set(NOT_WALKED) <= walked and set(NO_DOWNLOAD) <= walked


def test_an_empty_search_offers_its_link_and_says_why_there_is_no_download(corpus):
    at = open_page("search", voice=corpus.voices[0].id)
    assert not downloads(at)
    assert copied_links(at) == [f"/search?voice={corpus.voices[0].id}"]
    assert any("Nothing to download until a search is run" in c.value for c in at.caption)


def test_an_open_workspace_downloads_as_a_bundle_and_links_to_itself(corpus):
    at = open_page("workspace")
    next(t for t in at.text_input if t.label == "Name").input("Seminar 3")
    at.button(key="ws-create").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert downloads(at) == ["Download the bundle (.zip)"]
    assert copied_links(at) == ["/workspace?ws=Seminar+3"]
    at.switch_page("perspectives/ui/pages/edit.py").run()  # the Edit page of that workspace
    assert not at.exception, [e.value for e in at.exception]
    assert downloads(at) == ["Download the bundle (.zip)"]
    assert copied_links(at) == ["/edit?ws=Seminar+3"]


def test_find_passages_before_a_choice_offers_its_link_and_says_why_no_download(corpus):
    at = open_page("passages", topic=corpus.topics[0].id)
    assert not downloads(at)
    assert copied_links(at) == [f"/passages?topic={corpus.topics[0].id}"]
    assert any("Nothing to download until" in c.value for c in at.caption)
