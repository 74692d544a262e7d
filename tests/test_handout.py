"""Seminar handouts and reading guides as structured documents (no rendering here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from perspectives.corpus import load_corpus
from perspectives.teaching.guide import build_guide
from perspectives.teaching.handout import build_handout, contrasting
from perspectives.teaching.questions import PAIR_TEMPLATES, discussion_questions

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(DATA)


@pytest.fixture(scope="module")
def handout(corpus):
    return build_handout(corpus, [t.id for t in corpus.topics], chart=None)


def test_one_sheet_per_topic_in_the_order_given(corpus):
    h = build_handout(corpus, ["covid-19", "social-credit", "covid-19"], chart=None)
    assert [s.topic_id for s in h.sheets] == ["covid-19", "social-credit"]
    sheet = h.sheets[1]
    topic = corpus.topic("social-credit")
    assert (sheet.question, sheet.low_label, sheet.high_label) == (
        topic.question,
        topic.poles.low,
        topic.poles.high,
    )
    assert sheet.chart == b""


def test_the_chart_renderer_is_called_per_topic(corpus):
    calls = []
    h = build_handout(corpus, ["covid-19"], chart=lambda c, t: calls.append(t) or b"png")
    assert calls == ["covid-19"] and h.sheets[0].chart == b"png"


def test_contrasting_quotes_come_from_the_ends_of_the_axis(corpus, handout):
    for sheet in handout.sheets:
        placed = [p for p in corpus.positions_for_topic(sheet.topic_id) if p.stance is not None]
        voices = [q.card.voice_id for q in sheet.quotes]
        assert len(voices) == len(set(voices))
        assert len(sheet.quotes) <= 4
        if len(placed) >= 2:
            assert len(sheet.quotes) >= 2, sheet.topic_id
        stances = [q.stance for q in sheet.quotes]
        if placed:
            assert min(stances) == min(p.stance for p in placed)
            assert max(stances) == max(p.stance for p in placed)
        for quote in sheet.quotes:
            text = corpus.document(quote.card.document_id).text
            assert text[quote.card.start : quote.card.end] == quote.card.quote


def test_contrast_is_sharp_where_the_topic_allows_it(corpus):
    positions = corpus.positions_for_topic("democracies-response")
    chosen = contrasting(positions)
    assert chosen[0].stance == -2 and chosen[-1].stance == 2
    assert 2 <= len(chosen) <= 4


def test_one_sided_topics_are_flagged(corpus, handout):
    sheets = {s.topic_id: s for s in handout.sheets}
    assert sheets["minorities-and-faith"].one_sided
    assert not sheets["social-credit"].one_sided


def test_three_discussion_questions_on_each_topic(corpus, handout):
    for sheet in handout.sheets:
        assert len(sheet.questions) == 3, sheet.topic_id
        assert all(q.text.endswith("?") for q in sheet.questions)


def test_questions_name_the_disagreeing_voices_and_the_poles(corpus):
    topic = corpus.topic("social-credit")
    questions = discussion_questions(corpus, topic)
    first = questions[0]
    assert first.kind in PAIR_TEMPLATES
    low, high = (corpus.position_by_id(i) for i in first.position_ids)
    assert low.stance < high.stance
    for name in first.voices:
        assert name in first.text
    assert topic.poles.low in first.text and topic.poles.high in first.text
    kinds = [q.kind for q in questions if q.kind]
    assert len(kinds) == len(set(kinds))  # a different kind of disagreement each


def test_what_the_corpus_leaves_out(corpus, handout):
    for sheet in handout.sheets:
        assert sheet.silent == tuple(v.name for v in corpus.silent_voices(sheet.topic_id))
    assert len(handout.blind_spots) == len(corpus.blind_spots)
    assert {d.id for d in corpus.documents} == {s.document_id for s in handout.sources}


def test_reading_guides(corpus):
    for document in corpus.documents:
        guide = build_guide(corpus, document.id)
        curated = corpus.guide(document.id)
        assert guide.has_guide == (curated is not None)
        if curated:
            assert guide.thesis == curated.thesis
            assert guide.cautions == curated.cautions
        assert guide.source.title == document.title
        assert len(guide.positions) == len(corpus.positions_for_document(document.id))
        assert {v[0] for v in guide.voices} == {
            v.name for v in corpus.voices_for_document(document.id)
        }


def test_a_document_without_a_guide(corpus_dir):
    small = load_corpus(corpus_dir)
    guide = build_guide(small, "camera-report")
    assert not guide.has_guide and guide.thesis == "" and guide.genre == "essay"
    assert [p.voice for p in guide.positions] == ["Cara Voice", "Cara Voice"]
