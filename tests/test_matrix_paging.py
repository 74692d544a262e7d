"""The Matrix on a long reading list (issue 12): the voices a page at a time with a camp filter
and a count, a deep link opening its voice's page, and the closest and farthest pairs found
without a list of every pair (`views.pairblocks`) -- the same pairs as from that list."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from benchmarks.synth import write_corpus as write_synthetic
from perspectives.corpus import load_corpus
from perspectives.ui import matrixlist
from perspectives.views import agreement, matrix, tables
from perspectives.views import voicepages as vp
from tests.apptest import open_page

ROOT = Path(__file__).resolve().parents[1]


def by_list(corpus, limit):
    """The two ends read from the list of every pair (the definition)."""
    return agreement._ends(agreement.ranked_pairs(corpus, 2), limit)


@pytest.mark.parametrize("folder", ["data", "tests/corpora/rent-control"])
def test_pair_ends_on_the_shipped_corpora(folder):
    corpus = load_corpus(ROOT / folder)
    for limit in (1, 2, 5, 50):
        assert agreement.pair_ends(corpus, limit=limit) == by_list(corpus, limit)
    assert agreement.pair_count(corpus) == len(agreement.pair_agreement(corpus))
    expected = tables.agreement_table(corpus, agreement.ranked_pairs(corpus))
    pd.testing.assert_frame_equal(tables.pairs_table(corpus), expected)


@pytest.mark.parametrize(("copies", "seed", "groups"), [(3, 1, None), (8, 5, None), (6, 2, 2)])
def test_pair_ends_on_synthetic_corpora(tmp_path, copies, seed, groups):
    folder = write_synthetic(
        ROOT / "data", tmp_path / "c", copies=copies, seed=seed, voice_groups=groups
    )
    corpus = load_corpus(folder)
    for limit in (1, 5, 20):
        assert agreement.pair_ends(corpus, limit=limit) == by_list(corpus, limit)
    assert agreement.pair_count(corpus, 2) == len(agreement.ranked_pairs(corpus, 2))
    for least in (1, 2):
        pd.testing.assert_frame_equal(
            tables.pairs_table(corpus, least),
            tables.agreement_table(corpus, agreement.ranked_pairs(corpus, least)),
        )


def test_pages_of_voices():
    ids = [f"v{n}" for n in range(95)]
    first, last = vp.voice_page(ids, 0), vp.voice_page(ids, 9)
    assert (first.voices, first.first, first.pages, first.total) == (ids[:40], 1, 3, 95)
    assert (last.page, last.voices, last.first) == (2, ids[80:], 81)  # clamped to the last
    assert vp.count_line(first) == "Voices 1–40 of 95"
    assert vp.count_line(last) == "Voices 81–95 of 95"
    assert vp.page_of(ids, "v40") == 1 and vp.page_of(ids, "nobody") is None
    assert vp.count_line(vp.voice_page([], 0)) == "No voice"


def test_a_camp_filter_keeps_the_matrix_order():
    corpus = load_corpus(ROOT / "data")
    order = matrix.voice_order(corpus)
    camps = vp.camp_options(corpus, order)
    assert camps and sum(len(vp.in_camp(corpus, order, c)) for c in camps) == len(order)
    for camp in camps:
        chosen = vp.in_camp(corpus, order, camp)
        assert chosen == [v for v in order if v in chosen]


@pytest.fixture
def long_list(tmp_path, monkeypatch):
    """66 voices: two pages of voices."""
    folder = write_synthetic(ROOT / "data", tmp_path / "c", copies=3, seed=1)
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(folder))
    monkeypatch.setattr(matrixlist, "user_agent", lambda: "")
    return load_corpus(folder)


def chart_voices(at) -> list[str]:
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    return spec["layer"][0]["encoding"]["x"]["scale"]["domain"]


def captions(at) -> str:
    return " ".join(c.value for c in at.caption)


def test_the_grid_shows_a_page_of_voices_and_pages_through_the_rest(long_list):
    at = open_page("matrix")
    assert "Voices 1–40 of 66" in captions(at)
    assert len(chart_voices(at)) == 40
    at.selectbox(key="matrix-page").set_value(1).run()
    assert "Voices 41–66 of 66" in captions(at)
    assert len(chart_voices(at)) == 26


def test_a_deep_link_opens_its_voices_page(long_list):
    order = matrix.voice_order(long_list)
    voice, topic = order[-1], long_list.topics[0].id
    at = open_page("matrix", topic=topic, voice=voice)
    assert at.session_state["matrix-page"] == 1
    assert "Voices 41–66 of 66" in captions(at)
    assert at.selectbox(key="matrix-voice").value == voice
    assert long_list.voice(voice).name in chart_voices(at)


def test_a_camp_filter_counts_its_voices(long_list):
    order = matrix.voice_order(long_list)
    camp = vp.camp_options(long_list, order)[0]
    at = open_page("matrix")
    at.session_state["matrix-camp"] = camp
    at.run()
    chosen = vp.in_camp(long_list, order, camp)
    assert f"of {len(chosen)}" in captions(at)
    assert chart_voices(at) == [long_list.voice(v).name for v in chosen[:40]]


def test_a_small_corpus_has_no_pager():
    at = open_page("matrix")
    assert not [s for s in at.selectbox if s.key in ("matrix-page", "matrix-camp")]


def test_the_phone_list_shows_the_same_page_of_voices(long_list, monkeypatch):
    monkeypatch.setattr(matrixlist, "user_agent", lambda: "iPhone Mobile")
    order = matrix.voice_order(long_list)
    at = open_page("matrix")
    at.selectbox(key="matrix-page").set_value(1).run()
    topic = long_list.topics[0].id
    rows = [
        link.proto.query_string
        for link in at.get("page_link")
        if link.proto.page == "matrix" and f"topic={topic}&" in link.proto.query_string + "&"
    ]
    assert {q.split("voice=")[1].split("&")[0] for q in rows} == set(order[40:])


def test_pairs_are_counted_alike_over_many_small_blocks(monkeypatch):
    from perspectives.views import pairblocks

    corpus = load_corpus(ROOT / "data")
    expected = {least: len(agreement.ranked_pairs(corpus, least)) for least in (1, 2, 3)}
    monkeypatch.setattr(pairblocks, "CELLS", 7)  # a block of one row
    assert {least: agreement.pair_count(corpus, least) for least in (1, 2, 3)} == expected
