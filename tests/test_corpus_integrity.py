"""A Corpus built directly (not by the loader) refuses a dangling reference, with the very
words the loader uses for the same fault."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pydantic import ValidationError

from perspectives.corpus import Corpus, load_corpus
from tests.loader_helpers import (
    CLAIMS,
    ESSAY_POSITIONS,
    EVENTS,
    GUIDES,
    MOTIONS,
    REPORT_POSITIONS,
    VOICES,
    position,
    problems_of,
)


def _rebuilt(corpus: Corpus, **changes) -> Corpus:
    """The corpus' fields, some replaced, through the model's own validation."""
    fields = {name: getattr(corpus, name) for name in type(corpus).model_fields}
    return Corpus(**{**fields, **changes})


def _replace(items: tuple, index: int, **update) -> tuple:
    changed = list(items)
    changed[index] = changed[index].model_copy(update=update)
    return tuple(changed)


def _at(items: tuple, key: Callable, value) -> int:
    return next(n for n, item in enumerate(items) if key(item) == value)


# (how to break the model, how to break the files the same way, the loader's message)
CASES = [
    (
        lambda c: {"voices": _replace(c.voices, 0, camp="optimist")},
        lambda f: f[VOICES][0].update(camp="optimist"),
        "unknown camp 'optimist' (did you mean 'optimists'?)",
    ),
    (
        lambda c: {"voices": _replace(c.voices, 2, documents=("camera-report", "lost-report"))},
        lambda f: f[VOICES][2].update(documents=["camera-report", "lost-report"]),
        "unknown document 'lost-report'",
    ),
    (
        lambda c: {
            "positions": _replace(
                c.positions,
                _at(c.positions, lambda p: p.id, "cara-voice/social-credit"),
                topic="social-credits",
            )
        },
        lambda f: position(f, REPORT_POSITIONS, "cara-voice", "social-credit").update(
            topic="social-credits"
        ),
        "unknown topic 'social-credits'",
    ),
    (
        lambda c: {
            "positions": _replace(
                c.positions,
                _at(c.positions, lambda p: p.id, "ben-critic/social-credit"),
                voice="ben-critik",
            )
        },
        lambda f: position(f, ESSAY_POSITIONS, "ben-critic", "social-credit").update(
            voice="ben-critik"
        ),
        "unknown voice 'ben-critik'",
    ),
    (
        lambda c: {
            "positions": _replace(
                c.positions,
                _at(c.positions, lambda p: p.id, "ben-critic/social-credit"),
                answers=("ann-writer/technology",),
            )
        },
        lambda f: position(f, ESSAY_POSITIONS, "ben-critic", "social-credit").update(
            answers=["ann-writer/technology"]
        ),
        "answers unknown position 'ann-writer/technology'",
    ),
    (
        lambda c: {
            "positions": _replace(
                c.positions,
                _at(c.positions, lambda p: p.id, "ann-writer/social-credit"),
                answers=("ann-writer/social-credit",),
            )
        },
        lambda f: position(f, ESSAY_POSITIONS, "ann-writer", "social-credit").update(
            answers=["ann-writer/social-credit"]
        ),
        "a position cannot answer itself",
    ),
    (
        lambda c: {
            "positions": _replace(
                c.positions,
                _at(c.positions, lambda p: p.id, "ann-writer/social-credit"),
                answers=("cara-voice/social-credit",),
            )
        },
        lambda f: position(f, ESSAY_POSITIONS, "ann-writer", "social-credit").update(
            answers=["cara-voice/social-credit"]
        ),
        "answers 'cara-voice/social-credit' of document 'camera-report' (May 2020), but its "
        "own document 'trust-essay' (March 2019) is earlier",
    ),
    (
        lambda c: {
            "positions": _replace(
                c.positions,
                _at(c.positions, lambda p: p.id, "ann-writer/social-credit"),
                contests=("cara-voice/social",),
            )
        },
        lambda f: position(f, ESSAY_POSITIONS, "ann-writer", "social-credit").update(
            contests=["cara-voice/social"]
        ),
        "contests unknown position 'cara-voice/social'",
    ),
    (
        lambda c: {
            "positions": _replace(
                c.positions,
                _at(c.positions, lambda p: p.id, "ann-writer/social-credit"),
                contests=("ann-writer/social-credit",),
            )
        },
        lambda f: position(f, ESSAY_POSITIONS, "ann-writer", "social-credit").update(
            contests=["ann-writer/social-credit"]
        ),
        "a position cannot contest itself",
    ),
    (
        lambda c: {"claims": _replace(c.claims, 0, voice="ann")},
        lambda f: f[CLAIMS][0].update(voice="ann"),
        "unknown voice 'ann'",
    ),
    (
        lambda c: {"claims": _replace(c.claims, 0, topics=("social-credit", "law"))},
        lambda f: f[CLAIMS][0].update(topics=["social-credit", "law"]),
        "unknown topic 'law'",
    ),
    (
        lambda c: {"events": _replace(c.events, 0, topics=("surveillance",))},
        lambda f: f[EVENTS][0].update(topics=["surveillance"]),
        "unknown topic 'surveillance'",
    ),
    (
        lambda c: {"motions": _replace(c.motions, 0, topic="social")},
        lambda f: f[MOTIONS][0].update(topic="social"),
        "unknown topic 'social'",
    ),
    (
        lambda c: {"guides": _replace(c.guides, 0, document="essay")},
        lambda f: f[GUIDES][0].update(document="essay"),
        "unknown document 'essay'",
    ),
]


@pytest.mark.parametrize(("break_model", "break_files", "message"), CASES)
def test_a_dangling_reference_fails_with_the_loaders_message(
    corpus_dir, corpus_files, write_corpus, break_model, break_files, message
):
    corpus = load_corpus(corpus_dir)
    with pytest.raises(ValidationError) as caught:
        _rebuilt(corpus, **break_model(corpus))
    assert message in str(caught.value)

    break_files(corpus_files)
    loader_messages = [p.message for p in problems_of(write_corpus(corpus_files))]
    assert any(m.startswith(message) for m in loader_messages), loader_messages


def test_unknown_claim_document_event_mention_and_positions_document(corpus_dir):
    corpus = load_corpus(corpus_dir)
    claim = corpus.claims[0]
    moved = claim.model_copy(
        update={
            "document": "essay",
            "quote": claim.quote.model_copy(update={"document_id": "essay"}),
        }
    )
    with pytest.raises(ValidationError, match="claim plan-2014: unknown document 'essay'"):
        _rebuilt(corpus, claims=(moved,))

    event = corpus.events[0]
    mention = event.mentions[1].model_copy(update={"document_id": "report"})
    with pytest.raises(ValidationError, match="unknown document 'report'"):
        _rebuilt(
            corpus, events=(event.model_copy(update={"mentions": (event.mentions[0], mention)}),)
        )

    index = _at(corpus.positions, lambda p: p.id, "cara-voice/technology-and-control")
    with pytest.raises(ValidationError, match="unknown document 'camera-reports'"):
        _rebuilt(corpus, positions=_replace(corpus.positions, index, document="camera-reports"))


def test_a_position_whose_voice_does_not_list_its_document(corpus_dir, corpus_files, write_corpus):
    corpus = load_corpus(corpus_dir)
    index = _at(corpus.voices, lambda v: v.id, "cara-voice")
    message = "voice 'cara-voice' does not list document 'camera-report' among its documents"
    with pytest.raises(ValidationError, match=message):
        _rebuilt(corpus, voices=_replace(corpus.voices, index, documents=("trust-essay",)))
    corpus_files[VOICES][2]["documents"] = ["trust-essay"]
    loader_messages = [p.message for p in problems_of(write_corpus(corpus_files))]
    assert any(m.startswith(message) for m in loader_messages), loader_messages


def test_duplicate_ids_fail(corpus_dir):
    corpus = load_corpus(corpus_dir)
    with pytest.raises(ValidationError, match="duplicate camp id 'critics'"):
        _rebuilt(corpus, camps=(*corpus.camps, corpus.camps[1]))
    with pytest.raises(ValidationError, match="already has a position on topic"):
        _rebuilt(corpus, positions=(*corpus.positions, corpus.positions[0]))


def test_every_dangling_reference_is_listed_at_once(corpus_dir):
    corpus = load_corpus(corpus_dir)
    with pytest.raises(ValidationError) as caught:
        _rebuilt(corpus, topics=(), camps=())
    text = str(caught.value)
    assert "unknown camp 'optimists'" in text and "unknown camp 'critics'" in text
    assert "unknown topic 'social-credit'" in text and "motion trust-not-control" in text


def test_a_consistent_subset_is_accepted(corpus_dir):
    corpus = load_corpus(corpus_dir)
    smaller = _rebuilt(corpus, positions=(), claims=(), events=(), motions=())
    assert smaller.voices == corpus.voices and smaller.positions == ()
