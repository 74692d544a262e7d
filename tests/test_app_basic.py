"""The app renders on the default corpus, and on an invalid or missing corpus it lists the
problems instead of raising (Streamlit's AppTest, run from the repository root)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from perspectives.corpus import load_cached
from perspectives.markup import st_escape
from tests.apptest import open_page

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
CORPUS_PAGE = "perspectives/ui/pages/corpus.py"
BROKEN_FILE = "analysis/positions/gardels-2018.yaml"
RIGHT_QUOTE = "It is repressive and responsive at the same time."


@pytest.fixture(autouse=True)
def at_the_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("PERSPECTIVES_CORPUS", raising=False)


def corpus_page() -> AppTest:
    """The app, run once on its default page, then switched to the corpus page."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    at.switch_page(CORPUS_PAGE)
    at.run()
    return at


def test_the_corpus_page_shows_the_default_corpus():
    corpus = load_cached(DATA)
    at = corpus_page()
    assert not at.exception, at.exception
    assert not at.error
    assert [t.value for t in at.title] == [st_escape(corpus.name)]  # escaped: shown as written
    subheaders = [s.value for s in at.subheader]
    for document in corpus.documents:
        assert document.title in subheaders
    assert len(corpus.documents) == 5
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Documents"] == "5"
    assert metrics["Positions"] == str(len(corpus.positions))


def test_an_invalid_corpus_shows_its_problems(tmp_path, monkeypatch):
    broken = shutil.copytree(DATA, tmp_path / "broken")
    path = broken / BROKEN_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(RIGHT_QUOTE, "It is repressive and kind at once."), "utf-8")
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(broken))

    # The corpus still opens with its valid part, under a warning pointing to the problems.
    at = corpus_page()
    assert not at.exception, at.exception
    assert "The corpus files have 1 problem" in at.warning[0].value
    assert "left out until it is fixed" in at.warning[0].value
    assert at.title and at.get("metric")  # the valid part is shown

    at = open_page("problems")
    assert len(at.error) == 1
    assert "has 1 problem;" in at.error[0].value
    assert str(broken) in at.error[0].value
    (table,) = at.dataframe
    frame = table.value
    assert list(frame["file"]) == [BROKEN_FILE]
    assert list(frame["entry"]) == ["nathan-gardels/responsiveness-and-legitimacy"]
    assert "quote not found" in frame["problem"].iloc[0]
    left_out = [m.value for m in at.markdown if m.value.startswith("- ")]
    assert any("nathan\\-gardels/responsiveness\\-and\\-legitimacy" in m for m in left_out)


def test_a_missing_corpus_folder_is_reported_not_raised(tmp_path, monkeypatch):
    missing = tmp_path / "nowhere"
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(missing))
    at = corpus_page()
    assert not at.exception, at.exception
    assert len(at.error) == 1
    frame = at.dataframe[0].value
    assert "corpus folder not found" in frame["problem"].iloc[0]
    assert os.fspath(missing) in frame["problem"].iloc[0]


def test_the_sidebar_lists_what_the_corpus_leaves_out_as_one_list():
    """The blind spots are one Markdown list (one element for the browser to redraw on every
    run), every one of them in it, in corpus order."""
    from perspectives.corpus import default_corpus_path, load_corpus
    from perspectives.markup import st_escape
    from tests.apptest import open_page

    corpus = load_corpus(default_corpus_path())
    at = open_page("compare")
    (listed,) = [m.value for m in at.sidebar.expander[0].markdown]
    items = listed.split("\n- ")
    assert len(items) == len(corpus.blind_spots)
    for item, spot in zip(items, corpus.blind_spots, strict=True):
        assert f"**{st_escape(spot.title)}**" in item


def test_a_blind_spot_over_two_lines_stays_one_item():
    from perspectives.corpus.entities import BlindSpot
    from perspectives.ui.widgets import _blind_spot_item

    spot = BlindSpot(id="x", title="No *landlord*", description="First line.\nSecond line.")
    item = _blind_spot_item(spot)
    assert item.startswith("- **No \\*landlord\\***: First line\\.")
    assert item.splitlines()[1] == "  Second line\\."  # indented: inside the item
