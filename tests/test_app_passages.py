"""The Find passages page (`/passages?topic=ID&doc=ID`) under AppTest: ranked paragraphs with
their score and the sentences to quote highlighted, the stance hint, the lexical-only notice,
and the second corpus. "Use as evidence" in a workspace: tests/test_app_evidence.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from perspectives.corpus import load_corpus
from perspectives.ui import cache
from perspectives.workspace.suggest.embedding import DISABLE_VARIABLE
from perspectives.workspace.suggest.passages import find_passages
from tests.apptest import ROOT, open_page

RENT = ROOT / "tests" / "corpora" / "rent-control"


@pytest.fixture
def rent(monkeypatch):
    monkeypatch.setenv("PERSPECTIVES_CORPUS", str(RENT))
    return load_corpus(RENT)


def texts(at, kind: str) -> list[str]:
    return [str(element.value) for element in at.get(kind)]


def test_ranked_paragraphs_with_scores_highlights_and_hints(rent):
    document = rent.documents[0]
    topic = rent.topics[0]
    at = open_page("passages", topic=topic.id, doc=document.id)
    markdown = texts(at, "markdown")
    expected = find_passages(rent, document.id, topic.id, 5)
    headers = [m for m in markdown if "score **" in m]
    assert len(headers) == len(expected.passages) == min(5, len(document.paragraphs))
    for passage, header in zip(expected.passages, headers, strict=True):
        assert f"¶{passage.number}**] · score **{passage.score:.2f}**" in header
    assert any(":orange-background[" in m for m in markdown)
    assert any(
        m.startswith("Stance hint \\(not saved\\)") or "No stance hint" in m
        for m in texts(at, "caption")
    )
    assert not texts(at, "info") or all("lexical" not in i for i in texts(at, "info"))
    assert at.query_params["topic"] == topic.id and at.query_params["doc"] == document.id


def test_the_quote_is_the_highlighted_sentences_at_their_offsets(rent):
    document = rent.documents[1]
    topic = rent.topics[1]
    found = find_passages(rent, document.id, topic.id, 5)
    for passage in found.passages:
        quote = passage.quote
        assert document.text[quote.start : quote.end] == quote.text
        paragraph = document.paragraphs[passage.number - 1]
        assert paragraph.start <= quote.start < quote.end <= paragraph.end
        assert "".join(run for run, quoted in passage.segments if quoted) == quote.text


def test_on_the_default_corpus_use_as_evidence_says_to_copy_first(rent):
    at = open_page("passages", topic=rent.topics[0].id, doc=rent.documents[0].id)
    assert any("copy it to a workspace first" in i for i in texts(at, "info"))
    buttons = [b for b in at.button if b.label == "Use as evidence"]
    assert buttons and all(b.disabled for b in buttons)


def test_lexical_ranking_is_said_when_the_model_is_off(rent, monkeypatch):
    monkeypatch.setenv(DISABLE_VARIABLE, "none")
    cache.passages.clear()
    try:
        at = open_page("passages", topic=rent.topics[0].id, doc=rent.documents[0].id)
        assert any("Only the lexical ranking is available" in i for i in texts(at, "info"))
        assert any("score **" in m for m in texts(at, "markdown"))
    finally:
        cache.passages.clear()


def test_without_a_choice_the_page_asks_for_one(rent):
    at = open_page("passages")
    assert any("Choose a topic and a document" in i for i in texts(at, "info"))
    unknown = open_page("passages", topic="nonesuch", doc=rent.documents[0].id)
    assert any("nonesuch" in w for w in texts(unknown, "warning"))


def test_the_default_corpus_marks_paragraphs_already_quoted():
    corpus = load_corpus(Path(ROOT, "data"))
    position = next(p for p in corpus.positions if p.evidence)
    at = open_page("passages", topic=position.topic, doc=position.document, n="all")
    headers = [m for m in texts(at, "markdown") if "score **" in m]
    assert len(headers) == len(corpus.document(position.document).paragraphs)
    assert any("already quoted here by" in h for h in headers)


def test_each_passage_shows_its_hint_or_says_it_has_none_worth_showing(rent):
    document, topic = rent.documents[0], rent.topics[1]
    at = open_page("passages", topic=topic.id, doc=document.id, n="all")
    expected = find_passages(rent, document.id, topic.id, len(document.paragraphs))
    captions = [re.sub(r"\\(.)", r"\1", c) for c in texts(at, "caption")]
    hints = [c for c in captions if "stance hint" in c.lower()]
    assert len(hints) == len(expected.passages)
    for passage, caption in zip(expected.passages, hints, strict=True):
        hint = passage.hint
        if hint is None:
            assert caption.startswith("No stance hint: no position")
        elif hint.negligible:
            assert caption.startswith("No stance hint: the closest placed quotes")
        else:
            assert caption.startswith("Stance hint (not saved): ")
            assert f"confidence {hint.confidence:.2f} ({hint.level})" in caption
    assert any(p.hint is not None and not p.hint.negligible for p in expected.passages)
