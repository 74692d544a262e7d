"""The matrix's List layout for phones (ui/matrixlist.py): the default from the User-Agent, the
rows' order and labels, and the page under AppTest on both corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from perspectives.corpus import default_corpus_path, load_cached
from perspectives.markup import st_escape
from perspectives.ui import matrixlist
from perspectives.views import matrix
from tests.apptest import open_page

RENT = Path(__file__).resolve().parent / "corpora" / "rent-control"
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0 Mobile Safari/537.36"
)
DESKTOP = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0 Safari/537.36"
)


@pytest.mark.parametrize("agent,phone", [(IPHONE, True), (ANDROID, True), (DESKTOP, False)])
def test_phones_are_told_from_their_user_agent(agent, phone):
    assert matrixlist.is_mobile(agent) is phone


def test_no_user_agent_is_not_a_phone():
    assert not matrixlist.is_mobile(None) and not matrixlist.is_mobile("")


@pytest.mark.parametrize("folder", [None, RENT])
def test_every_voice_once_placed_low_to_high_then_mentions_then_silent(folder):
    corpus = load_cached(folder or default_corpus_path())
    order = matrix.voice_order(corpus)
    for topic in corpus.topics:
        rows = matrixlist.topic_rows(corpus, topic.id, order)
        assert sorted(v.id for v, _ in rows) == sorted(order)
        groups = [
            2 if p is None else 1 if p.stance is None else 0 for _, p in rows
        ]  # placed, mentions, silent
        assert groups == sorted(groups)
        stances = [p.stance for _, p in rows if p is not None and p.stance is not None]
        assert stances == sorted(stances)


def test_a_row_label_is_escaped_and_badged():
    corpus = load_cached(default_corpus_path())
    voice = corpus.voices[0]
    topic = corpus.topics[0]
    position = corpus.find_position(voice.id, topic.id)
    label = matrixlist.row_label(voice, position)
    assert "-badge[" in label
    silent = matrixlist.row_label(voice.model_copy(update={"name": "*Bold* [x](y)"}), None)
    assert "*Bold*" not in silent and ":gray-badge[silent]" in silent


def _topics(at) -> list:
    """The List layout's topic sections (the sidebar's expander is not one)."""
    return [e for e in at.main.expander if e.label.endswith(" placed")]


def _rows(at, topic_id: str) -> list:
    return [
        link
        for link in at.get("page_link")
        if link.proto.page == "matrix" and f"topic={topic_id}&" in link.proto.query_string + "&"
    ]


def test_the_list_layout_has_a_row_per_voice_and_topic(monkeypatch):
    monkeypatch.setattr(matrixlist, "user_agent", lambda: IPHONE)
    at = open_page("matrix")
    corpus = load_cached(default_corpus_path())
    assert at.session_state["matrix-layout"] == "list"
    assert len(_topics(at)) == len(corpus.topics)
    assert not at.get("vega_lite_chart")  # no heatmap on a phone
    for topic in corpus.topics:
        rows = _rows(at, topic.id)
        assert len(rows) == len(corpus.voices)
        assert {r.proto.query_string.split("voice=")[1].split("&")[0] for r in rows} == {
            v.id for v in corpus.voices
        }


def test_a_tapped_row_opens_its_position_under_it(monkeypatch):
    monkeypatch.setattr(matrixlist, "user_agent", lambda: IPHONE)
    corpus = load_cached(default_corpus_path())
    position = corpus.positions[0]
    at = open_page("matrix", topic=position.topic, voice=position.voice)
    opened = [e for e in _topics(at) if e.proto.expanded]
    assert len(opened) == 1 and corpus.topic(position.topic).label in opened[0].label
    shown = [part for m in opened[0].markdown for part in m.value.split("\n\n")]
    assert st_escape(position.summary) in shown
    assert at.query_params["topic"] in (position.topic, [position.topic])


def test_a_desktop_gets_the_grid_and_can_switch(monkeypatch):
    monkeypatch.setattr(matrixlist, "user_agent", lambda: DESKTOP)
    at = open_page("matrix")
    assert at.session_state["matrix-layout"] == "grid"
    assert at.get("vega_lite_chart")
    assert not _topics(at)
    at.session_state["matrix-layout"] = "list"
    at.run()
    assert len(_topics(at)) == len(load_cached(default_corpus_path()).topics)
    assert "layout" not in at.query_params  # a device's choice, not the view's


def test_projector_mode_always_shows_the_grid(monkeypatch):
    monkeypatch.setattr(matrixlist, "user_agent", lambda: IPHONE)
    at = open_page("matrix", present="1")
    assert at.get("vega_lite_chart") and not _topics(at)


def test_the_list_on_the_second_corpus(monkeypatch):
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(RENT))
    monkeypatch.setattr(matrixlist, "user_agent", lambda: IPHONE)
    corpus = load_cached(RENT)
    at = open_page("matrix")
    assert len(_topics(at)) == len(corpus.topics)
    assert len(_rows(at, corpus.topics[0].id)) == len(corpus.voices)
