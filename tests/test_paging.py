"""Long lists a page at a time (issue 12): the count, the page control, the rest reachable,
and a class-sized corpus unchanged (no control where everything fits)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.synth import write_corpus
from perspectives.corpus import default_corpus_path, load_corpus
from perspectives.exports.blocks import Group, Heading, Item, Note, Paragraph, Run
from perspectives.ui import paging
from perspectives.ui.blockview import entries, entry_blocks
from perspectives.views.reader import matching_documents
from tests.apptest import open_page

COPIES = 6  # 30 documents, more than a page of them


def test_page_count_slice_and_words():
    items = list(range(50))
    assert paging.page_count(50, 24) == 3
    assert paging.page_count(0, 24) == 1
    assert paging.page_slice(items, 1, 24) == items[:24]
    assert paging.page_slice(items, 3, 24) == [48, 49]
    assert paging.page_slice(items, 9, 24) == [48, 49]  # clamped to the last page
    assert paging.showing(50, 3, 24, "position") == "Showing 49–50 of 50 positions"
    assert paging.showing(50, 1, 24, "entry", "entries") == "Showing 1–24 of 50 entries"


def _heading(text, level):
    return Heading(text, level)


def _group(name):
    return Group((Paragraph((Run(name),)),))


def test_entries_keep_parts_whole_but_split_a_part_of_many_arguments():
    case = [_heading("Case", 1), _heading("Line 1", 2), _group("a"), _group("b")]
    case += [_heading("Line 2", 2), _group("c")]
    found = entries(case)
    assert [len(members) for _, members in found] == [3, 1, 2]
    assert found[1][0] == _heading("Line 1", 2)
    # A page that begins inside a part repeats its heading.
    shown = entry_blocks(found[1:2])
    assert shown[0] == Heading("Line 1 (continued)", 2)
    assert shown[1:] == [_group("b")]
    assert entry_blocks(found[2:]) == [_heading("Line 2", 2), _group("c")]
    attacks = [_heading("Attacks", 1), _heading("Attack 1", 2), _group("x")]
    attacks += [Paragraph((Run("Answers"),)), Item((Run("y"),)), Item((Run("z"),))]
    attacks += [_heading("Attack 2", 2), _group("w")]
    assert [len(m) for _, m in entries(attacks)] == [6, 2]
    common = [_heading("Common", 1), Note("n"), Item((Run("1"),)), Item((Run("2"),))]
    common.append(Paragraph((Run("Silent: none"),)))
    assert [len(m) for _, m in entries(common)] == [3, 2]
    # Every block is shown once over all the pages.
    for blocks in (case, attacks, common):
        assert [b for _, m in entries(blocks) for b in m] == blocks


def test_matching_documents_by_title_author_or_outlet():
    corpus = load_corpus(default_corpus_path())
    assert matching_documents(corpus, "  ") == corpus.documents
    first = corpus.documents[0]
    word = first.title.split()[0].upper()
    found = matching_documents(corpus, word)
    assert first in found
    assert all(
        word.casefold() in (d.title + " ".join(d.authors) + d.outlet).casefold() for d in found
    )
    assert matching_documents(corpus, "no-such-words-anywhere") == ()


@pytest.fixture(scope="module")
def long_list(tmp_path_factory) -> Path:
    return write_corpus(default_corpus_path(), tmp_path_factory.mktemp("long") / "corpus", COPIES)


@pytest.fixture
def long_app(long_list, monkeypatch, tmp_path):
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(long_list))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("PERSPECTIVES_DB", str(tmp_path / "workspace.db"))
    return load_corpus(long_list)


def _captions(at) -> list[str]:
    return [c.value for c in at.caption]


def _read_links(at) -> list[str]:
    return [link.label for link in at.get("page_link") if link.label.startswith("Read “")]


def test_corpus_page_pages_its_documents_and_filters_them(long_app):
    total = len(long_app.documents)
    at = open_page("corpus")
    assert f"Showing 1–24 of {total} documents · page 1 of 2" in _captions(at)
    assert len(_read_links(at)) == 24
    at.number_input(key="corpus-documents").set_value(2).run()
    assert len(_read_links(at)) == total - 24
    assert f"Showing 25–{total} of {total} documents · page 2 of 2" in _captions(at)
    title = long_app.documents[-1].title
    at.text_input(key="corpus-find").input(title).run()
    assert f"Read “{title}”" in [label.replace("\\", "") for label in _read_links(at)]
    assert len(_read_links(at)) <= COPIES  # the copies of that one document


def test_compare_pages_the_cards_of_a_long_topic(long_app):
    topic = max(long_app.topics, key=lambda t: len(long_app.positions_for_topic(t.id)))
    count = len(long_app.positions_for_topic(topic.id))
    assert count > 24
    at = open_page("compare", topic=topic.id)
    assert f"Showing 1–24 of {count} positions · page 1 of {paging.page_count(count, 24)}" in (
        _captions(at)
    )
    pager = [n for n in at.number_input if n.key and n.key.startswith("compare-cards")]
    assert len(pager) == 1
    pager[0].set_value(2).run()
    assert f"Showing 25–{min(48, count)} of {count} positions" in " ".join(_captions(at))


def test_debate_pages_a_long_brief_tab(long_app):
    at = open_page("debate")
    shown = [c for c in _captions(at) if c.startswith("Showing 1–12 of")]
    assert shown, _captions(at)


def test_a_class_sized_corpus_has_no_page_control():
    for page in ("compare", "corpus", "debate"):
        at = open_page(page)
        assert not [c for c in _captions(at) if c.startswith("Showing ")], page
        assert not at.number_input, page


def test_timeline_pages_its_documents_table(long_app):
    at = open_page("timeline")
    total = len(long_app.documents)
    assert paging.page_count(total, 50) == 1  # 30 documents: one page, no control
    assert not at.number_input
    assert len(at.table[-1].value) == total


def test_paged_rows_show_one_page_of_a_long_table():
    from streamlit.testing.v1 import AppTest

    def script():
        import pandas as pd
        import streamlit as st

        from perspectives.ui import paging

        frame = pd.DataFrame({"n": range(120)})
        st.dataframe(paging.paged_rows(frame, "rows", "row"))

    at = AppTest.from_function(script)
    at.run()
    assert list(at.dataframe[0].value["n"]) == list(range(50))
    assert "Showing 1–50 of 120 rows · page 1 of 3" in [c.value for c in at.caption]
    at.number_input(key="rows").set_value(3).run()
    assert list(at.dataframe[0].value["n"]) == list(range(100, 120))
