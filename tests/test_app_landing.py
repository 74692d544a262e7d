"""The landing page (`/`) says what the app is, in generic words with the open corpus' own
name, until dismissed; `/compare` goes straight to the view."""

from __future__ import annotations

from pathlib import Path

import pytest

from perspectives.corpus import default_corpus_path, load_cached
from perspectives.markup import st_escape
from perspectives.ui.welcome import WHAT_IT_IS
from tests.apptest import open_page
from tests.test_second_corpus import FOREIGN, shown_text

ROOT = Path(__file__).resolve().parents[1]
RENT = ROOT / "tests" / "corpora" / "rent-control"


@pytest.fixture(autouse=True)
def at_the_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("PERSPECTIVES_CORPUS", raising=False)


def welcomed(at) -> bool:
    return any(m.value == WHAT_IT_IS for m in at.markdown)


def test_the_landing_page_welcomes_with_the_open_corpus_name():
    corpus = load_cached(default_corpus_path())
    at = open_page()
    assert welcomed(at)
    assert any(st_escape(corpus.name) in c.value for c in at.caption)
    assert "Three things to try" in shown_text(at)
    assert not FOREIGN.search(WHAT_IT_IS), "the welcome is generic"


def test_the_welcome_stays_hidden_once_dismissed():
    at = open_page()
    at.button(key="welcome-hide").click().run()
    assert not welcomed(at)
    at.run()
    assert not welcomed(at)


def test_compare_by_its_own_path_and_projector_mode_have_no_welcome():
    assert not welcomed(open_page("compare"))
    assert not welcomed(open_page(present="1"))


def test_the_welcome_on_another_corpus_speaks_its_words(monkeypatch):
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(RENT))
    at = open_page()
    assert welcomed(at)
    assert any(st_escape(load_cached(RENT).name) in c.value for c in at.caption)
    welcome = "\n".join(m.value for m in at.markdown[:4]) + "\n".join(c.value for c in at.caption)
    assert not FOREIGN.search(welcome)
